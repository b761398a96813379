"""A tiny real HTTP server on 127.0.0.1 for tests that need real sockets and a real pool."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

AsgiScope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


async def slow_app(scope: AsgiScope, receive: Receive, send: Send) -> None:
    """Answers /auth at once; any other path after ``?delay=`` seconds (default 0)."""
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    if scope["path"].endswith("/auth") and scope["method"] == "POST":
        status, body = 201, b'{"success":1,"auth":"1-1617889562-' + b"ab" * 32 + b'"}'
    else:
        query = scope["query_string"].decode()
        delay = float(query.split("delay=")[1].split("&")[0]) if "delay=" in query else 0.0
        if delay == -1:  # hang: accept, never answer
            await asyncio.sleep(3600)
        await asyncio.sleep(delay)
        status, body = 200, b'{"success":1,"data":"ok"}'
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


@contextmanager
def serve(app: Any = slow_app) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread; yields its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        threading.Event().wait(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        server.force_exit = True
        thread.join(5)
