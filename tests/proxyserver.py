"""A forwarding HTTP proxy on 127.0.0.1 for tests: absolute-form requests, recorded.

A client configured with it sends ``GET http://127.0.0.1:<port>/path HTTP/1.1``; the proxy
records the request line and headers, forwards it to the origin (loopback only), and relays
the answer. It can demand credentials (407 without them) and hold requests until released,
so a test can look at the client while a request is in flight.
"""

from __future__ import annotations

import base64
import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import attrs

_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}


@attrs.define
class Seen:
    method: str
    target: str
    """The request target as received: an absolute URL when sent to a proxy."""
    headers: dict[str, str]


class LoopbackProxy:
    """``with LoopbackProxy() as proxy:`` then ``proxy.url`` and ``proxy.seen``."""

    def __init__(self, *, credentials: tuple[str, str] | None = None) -> None:
        self.seen: list[Seen] = []
        self.credentials = credentials
        self.hold = False
        """While true, each request waits for :attr:`release` before it is forwarded."""
        self.arrived = threading.Event()
        self.release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.02)  # shutdown() waits for one poll

    def __enter__(self) -> LoopbackProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


def _handler_for(proxy: LoopbackProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: tests read proxy.seen instead

        def _forward(self) -> None:
            headers = {name.lower(): value for name, value in self.headers.items()}
            proxy.seen.append(Seen(self.command, self.path, headers))
            length = int(headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            if proxy.credentials is not None:
                user, password = proxy.credentials
                token = base64.b64encode(f"{user}:{password}".encode()).decode()
                if headers.get("proxy-authorization") != f"Basic {token}":
                    self._reply(407, b"proxy credentials required", {"content-type": "text/plain"})
                    return
            target = urlsplit(self.path)
            if target.scheme != "http" or target.hostname != "127.0.0.1":
                self._reply(502, b"this proxy only reaches loopback", {})
                return
            if proxy.hold:
                proxy.arrived.set()
                proxy.release.wait(10)
            upstream = http.client.HTTPConnection("127.0.0.1", target.port, timeout=10)
            try:
                path = target.path + (f"?{target.query}" if target.query else "")
                forwarded = {k: v for k, v in headers.items() if k not in _HOP_BY_HOP}
                upstream.request(self.command, path, body=body or None, headers=forwarded)
                answer = upstream.getresponse()
                content = answer.read()
                relayed = {k.lower(): v for k, v in answer.getheaders()}
            finally:
                upstream.close()
            self._reply(answer.status, content, relayed)

        def _reply(self, status: int, content: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                if name not in _HOP_BY_HOP and name != "content-length":
                    self.send_header(name, value)
            self.send_header("content-length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

    return Handler


@contextmanager
def loopback_proxy(**kw: Any) -> Iterator[LoopbackProxy]:
    with LoopbackProxy(**kw) as proxy:
        yield proxy
