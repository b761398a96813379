"""Serve an ASGI app with uvicorn on loopback, in a background thread with its own loop."""

from __future__ import annotations

import logging
import socket
import threading
from typing import Any

import uvicorn

from ._app import DroppedConnection


class _QuietDrops(logging.Filter):
    """Hide uvicorn's traceback for connections the emulator drops on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        info = record.exc_info
        return not (info and isinstance(info[1], DroppedConnection))


_FILTER = _QuietDrops()


class ServerThread:
    """uvicorn in a daemon thread; ``start`` returns once the socket is listening."""

    def __init__(self, app: Any, *, host: str = "127.0.0.1", port: int = 0) -> None:
        # An explicit IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on sockets whose
        # proto says TCP, and without it every response waits for a delayed ACK (~40 ms).
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))
        self.host, self.port = self._socket.getsockname()[:2]
        config = uvicorn.Config(
            app,
            log_config=None,  # leave the host application's logging alone
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="luxsci-emulator", daemon=True)
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # surfaced by start()
            self._error = exc

    def start(self, timeout: float = 10.0) -> None:
        logging.getLogger("uvicorn.error").addFilter(_FILTER)
        self._thread.start()
        waited = 0.0
        while not self._server.started:
            if not self._thread.is_alive() or waited > timeout:
                raise RuntimeError(f"the emulator did not start: {self._error!r}")
            self._thread.join(0.01)
            waited += 0.01

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(10)
        self._socket.close()
