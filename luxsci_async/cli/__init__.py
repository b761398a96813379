"""The ``luxsci`` command: try the SDK, call any route, stream reports.

Results go to stdout (JSON, CSV or JSON lines) so they can be piped; progress, logs and
errors go to stderr. Exit status: 0 on success, 1 on an error (one line on stderr), 2 on a
usage error, 130 after Ctrl-C, 141 when the reader of stdout went away.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _error(message: str, *, kind: str = "error") -> None:
    try:
        sys.stderr.write(f"luxsci: {kind}: {message}\n")
        sys.stderr.flush()
    except OSError:  # stderr is gone too: nothing left to tell
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``luxsci`` command; returns the exit status."""
    try:
        import click

        from ._app import app
        from ._commands import Interrupted
    except ImportError as exc:  # the core installed without the `cli` extra
        _error(
            f"the luxsci command needs the cli extra ({exc.name} is missing): "
            "pip install 'luxsci-async[cli]'"
        )
        return EXIT_ERROR
    from .. import ConfigurationError, LuxSciError
    from ._connect import explain

    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        result = app.main(arguments, prog_name="luxsci", standalone_mode=False)
    except click.UsageError as exc:
        exc.show()
        return EXIT_USAGE
    except click.ClickException as exc:
        _error(exc.format_message())
        return exc.exit_code
    except Interrupted as exc:
        _error(str(exc), kind="interrupted")
        return EXIT_INTERRUPTED
    except click.Abort as exc:
        # click raises Abort from a KeyboardInterrupt (or, at a prompt, while handling one).
        if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
            _error("Ctrl-C", kind="interrupted")
            return EXIT_INTERRUPTED
        _error("aborted (no answer to the prompt)")
        return EXIT_ERROR
    except ConfigurationError as exc:
        _error(explain(exc))
        return EXIT_ERROR
    except (LuxSciError, ValueError, TypeError, OSError) as exc:
        _error(f"{type(exc).__name__}: {exc}")
        return EXIT_ERROR
    return result if isinstance(result, int) else 0
