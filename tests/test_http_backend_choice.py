"""Choosing the HTTP backend: by argument or ``LUXSCI_HTTP_BACKEND``, checked before anything
is sent; aiohttp runs on asyncio only, is imported only when chosen, and takes no httpx2
transport. What each backend does on the wire is in test_http_backends.py."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import Any

import anyio
import httpx2
import pytest

from luxsci_async import ConfigurationError, LuxSci

from .conftest import make_session
from .rawserver import LOGIN_OK, RawRequest, response, serve

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def no_backend_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LUXSCI_HTTP_BACKEND", raising=False)


def _backend(lux: LuxSci) -> str:
    return type(lux._pipeline.http).__name__


HTTPX2, AIOHTTP = "HttpxBackend", "AiohttpBackend"
"""The class names of the two backends."""


def test_httpx2_by_default_aiohttp_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("aiohttp")
    assert _backend(make_session()) == HTTPX2
    assert _backend(make_session(http_backend="aiohttp")) == AIOHTTP
    assert _backend(make_session(http_backend="httpx2")) == HTTPX2
    monkeypatch.setenv("LUXSCI_HTTP_BACKEND", "aiohttp")
    assert _backend(make_session()) == AIOHTTP
    assert _backend(make_session(http_backend="httpx2")) == HTTPX2  # the argument wins
    monkeypatch.setenv("LUXSCI_HTTP_BACKEND", "")
    assert _backend(make_session()) == HTTPX2  # empty means unset, as for every variable


@pytest.mark.parametrize("value", ["fast", "AIOHTTP", "httpx", "", 1, True])
def test_an_unknown_backend_is_refused_naming_the_argument(value: Any) -> None:
    with pytest.raises(ConfigurationError, match=r"^http_backend must be one of 'httpx2', "):
        make_session(http_backend=value)


def test_an_unknown_backend_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUXSCI_HTTP_BACKEND", "curl")
    with pytest.raises(ConfigurationError, match=r"^LUXSCI_HTTP_BACKEND must be one of .*'curl'"):
        make_session()


def test_a_transport_or_http2_needs_httpx2(monkeypatch: pytest.MonkeyPatch) -> None:
    transport = httpx2.MockTransport(lambda request: httpx2.Response(200))
    with pytest.raises(ConfigurationError, match=r"transport=.*http_backend='aiohttp'"):
        make_session(http_backend="aiohttp", transport=transport)
    with pytest.raises(ConfigurationError, match="http2=True needs http_backend='httpx2'"):
        make_session(http_backend="aiohttp", http2=True)
    monkeypatch.setenv("LUXSCI_HTTP_BACKEND", "aiohttp")
    with pytest.raises(ConfigurationError, match="transport="):
        make_session(transport=transport)
    assert _backend(make_session(http_backend="httpx2", transport=transport)) == HTTPX2


def test_a_proxy_is_refused_on_aiohttp_not_ignored() -> None:
    with pytest.raises(ConfigurationError, match=r"proxy= and trust_env=True need http_backend"):
        make_session(http_backend="aiohttp", proxy="http://127.0.0.1:3128")
    with pytest.raises(ConfigurationError, match=r"proxy= and trust_env=True need http_backend"):
        make_session(http_backend="aiohttp", trust_env=True)
    assert _backend(make_session(proxy="http://127.0.0.1:3128")) == HTTPX2


def test_without_the_fast_extra_the_error_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # as if not installed
    with pytest.raises(ConfigurationError, match=r"pip install 'luxsci-async\[fast\]'"):
        make_session(http_backend="aiohttp")
    assert _backend(make_session()) == HTTPX2


def test_the_package_imports_and_works_without_aiohttp() -> None:
    script = textwrap.dedent(
        """
        import sys
        import luxsci_async
        lux = luxsci_async.LuxSci(token="T", secret="S", account="1")
        loaded = sorted(m for m in sys.modules if "aiohttp" in m)
        sys.modules["aiohttp"] = None  # now as if it were not installed at all
        del sys.modules["luxsci_async"]
        import luxsci_async
        luxsci_async.LuxSci(token="T", secret="S", account="1")
        print(type(lux._pipeline.http).__name__, loaded)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["HttpxBackend", "[]"]


async def test_aiohttp_runs_on_asyncio_only_and_refuses_trio_before_any_io(
    anyio_backend: str,
) -> None:
    pytest.importorskip("aiohttp")

    def handler(request: RawRequest) -> bytes:
        return LOGIN_OK if request.path.endswith("/auth") else response(200, b'{"success":1}')

    with serve(handler) as server:
        settings: dict[str, Any] = {"base_url": server.base_url, "http_backend": "aiohttp"}
        if anyio_backend == "asyncio":
            async with make_session(**settings) as lux:
                assert await lux.request("GET", "/account/{account}/x") is None
            assert [r.method for r in server.requests] == ["POST", "GET", "DELETE"]
            return
        # Made in a running trio task: refused at once.
        with pytest.raises(ConfigurationError, match=r"http_backend='aiohttp' runs on asyncio"):
            make_session(**settings)
        # Made where no event loop runs (at import time, say), then used under trio.
        lux = await anyio.to_thread.run_sync(lambda: make_session(**settings))
        with pytest.raises(ConfigurationError, match=r"not on trio; leave http_backend unset"):
            await lux.account.domains.list()
        await lux.aclose()
        assert server.requests == []
