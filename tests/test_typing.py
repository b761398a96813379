"""Static typing: the generated endpoint signatures are visible to mypy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

USAGE = Path(__file__).parent / "typing" / "usage.py"


def test_mypy_sees_the_generated_signatures() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(USAGE)],
        capture_output=True,
        text=True,
        check=False,
    )
    out = result.stdout
    assert 'Revealed type is "luxsci_async.models.reports.DeliveryRow"' in out, out
    # with_raw_response keeps the parsed type of the call it wraps, and checks its arguments.
    assert 'Revealed type is "list[luxsci_async.models.account.User]"' in out, out
    assert 'Revealed type is "luxsci_async._raw.RawResult[int]"' in out, out
    assert 'Argument "status" to "with_raw_response" of "LuxSci" has incompatible type' in out
    # A hook's parameter type is checked against its event.
    assert 'Argument "event_hooks" to "LuxSci" has incompatible type' in out, out
    # The five misuses are caught, and nothing else is reported.
    assert 'Argument "action" to "create" of "Aliases" has incompatible type' in out, out
    assert 'Argument "status" to "list" of "Users" has incompatible type "int"' in out, out
    assert '"Users" has no attribute "lst"' in out, out
    assert out.count("error:") == 5, out


def test_generated_modules_are_up_to_date() -> None:
    from luxsci_async._routes.codegen import targets

    for path, expected in targets().items():
        assert path.read_text() == expected, (
            f"{path.name} is stale: run `python -m luxsci_async._routes.codegen`"
        )
