"""Where a session keeps the state it may share: its rate budget, its 429 pause, its auth code.

:mod:`.base` defines what a store does; :mod:`.memory` keeps it in the process (the default);
:mod:`.redis` shares it between every process of one integration (the ``redis`` extra; the
only module that imports the client). :mod:`.url` checks store URLs and :mod:`.factory`
picks the store for a URL, both without the extra installed.
"""
