"""A raw HTTP/1.1 server on 127.0.0.1 that controls every byte it sends.

Each connection is served in its own thread: the handler gets the request (head and body,
as read off the socket) and returns the exact bytes to answer with, or ``None`` to drop the
connection without a word. Tests use it to play a hostile or broken LuxSci.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import attrs


@attrs.define
class RawRequest:
    """One request as it arrived."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


Answer = bytes | Iterator[bytes] | None
Handler = Callable[[RawRequest], Answer]


def response(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    """A complete HTTP/1.1 response with a Content-Length."""
    head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}"]
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


LOGIN_OK = response(201, b'{"success":1,"auth":"1-1617889562-' + b"ab" * 32 + b'"}')


def _read_request(conn: socket.socket, buffer: bytearray) -> RawRequest | None:
    while b"\r\n\r\n" not in buffer:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    body = bytearray(rest)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    buffer[:] = body[length:]
    return RawRequest(method, target, headers, bytes(body[:length]))


class RawServer:
    """Serves ``handler`` until stopped; ``requests`` records what arrived."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[RawRequest] = []
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self._socket.settimeout(0.1)
        self.port = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._connection, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _connection(self, conn: socket.socket) -> None:
        buffer = bytearray()
        with conn:
            while not self._stop.is_set():
                try:
                    request = _read_request(conn, buffer)
                except OSError:  # the client hung up mid-request
                    return
                if request is None:
                    return
                self.requests.append(request)
                answer = self.handler(request)
                if answer is None:
                    return  # drop: close without answering
                try:
                    if isinstance(answer, bytes):
                        conn.sendall(answer)
                    else:
                        for part in answer:
                            conn.sendall(part)
                except OSError:
                    return  # the client gave up (e.g. a body over its cap)

    def start(self) -> RawServer:
        thread = threading.Thread(target=self._serve, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._socket.close()
        for thread in self._threads:
            thread.join(5)


@contextmanager
def serve(handler: Handler) -> Iterator[RawServer]:
    """A running :class:`RawServer` for the ``with`` block."""
    server = RawServer(handler).start()
    try:
        yield server
    finally:
        server.stop()
