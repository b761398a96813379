"""Typed endpoint groups, generated from the route table (see ``luxsci_async._routes``)."""
