"""Benchmarks of ``luxsci_async`` against two baselines (``python -m benchmarks``).

Not part of the package and not tests: see ``benchmarks/README.md``.
"""
