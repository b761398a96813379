"""``LUXSCI_LOG=debug|info``: the SDK's log lines on stderr without configuring logging.

Read when the first session is made. It adds one handler to the ``luxsci_async`` logger
(a line per record: time, level, logger, message) and sets that logger's level; records
still propagate, so an application's own handlers see them as before. What is logged is
the same whichever way logging is configured, and never holds a secret.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import TextIO

from .errors import ConfigurationError

LOGGER = "luxsci_async"
ENV = "LUXSCI_LOG"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_configured = False


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass  # StreamHandler.__init__ assigns it: the property always answers sys.stderr


def setup_from_env(environ: Mapping[str, str] | None = None) -> None:
    """Apply ``LUXSCI_LOG`` once per process; an unknown value is refused by name."""
    global _configured
    if _configured:
        return
    env = os.environ if environ is None else environ
    value = (env.get(ENV) or "").strip().lower()
    if not value:
        return
    level = _LEVELS.get(value)
    if level is None:
        raise ConfigurationError(
            f"{ENV} must be {' or '.join(_LEVELS)}, got {env.get(ENV)!r} (unset it for no logging)"
        )
    logger = logging.getLogger(LOGGER)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    _configured = True
