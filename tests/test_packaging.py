"""What the wheel ships: the SDK's package, typed, and nothing of the repository's tooling."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_only_the_sdk_package() -> None:
    """``benchmarks/`` is checked by mypy with the package, but a top-level ``benchmarks``
    in users' environments would shadow their own: the wheel holds ``luxsci_async`` alone."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["luxsci_async"]
    assert "benchmarks" in config["tool"]["mypy"]["packages"]
    assert (ROOT / "luxsci_async" / "py.typed").is_file()
