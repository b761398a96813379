"""Proxies: an explicit URL (``proxy=``, ``LUXSCI_PROXY``), or the environment when trusted."""

from __future__ import annotations

import base64
import logging
import socket
import traceback
from collections.abc import Iterator

import anyio
import pytest

from luxsci_async import APIError, ConfigurationError, ConnectError, LuxSci
from luxsci_async._proxy import parse_proxy_url
from luxsci_async.testing import Emulator

from .proxyserver import LoopbackProxy, loopback_proxy

pytestmark = pytest.mark.anyio
PROXY_PASSWORD = "pr0xy-pa55-do-not-print"
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(rows=20, seed=12) as emu:
        yield emu


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No proxy variable in either case (urllib reads both), and no LUXSCI_PROXY."""
    for name in (*_PROXY_VARIABLES, "REQUEST_METHOD", "LUXSCI_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.fixture
def proxy() -> Iterator[LoopbackProxy]:
    with loopback_proxy() as running:
        yield running


def _through(proxy: LoopbackProxy, emulator: Emulator) -> list[tuple[str, str]]:
    prefix = emulator.base_url
    return [(s.method, s.target.removeprefix(prefix)) for s in proxy.seen]


async def test_an_explicit_proxy_carries_every_request(
    emulator: Emulator, proxy: LoopbackProxy, clean_env: pytest.MonkeyPatch
) -> None:
    async with emulator.client(proxy=proxy.url) as lux:
        users = await lux.account.users.list()
    assert users
    account = emulator.account
    assert _through(proxy, emulator) == [
        ("POST", "/perl/api/v2/auth"),
        ("GET", f"/perl/api/v2/account/{account}/users"),
        ("DELETE", "/perl/api/v2/auth"),
    ]
    # Absolute-form request targets: what a client sends to a proxy, not to the origin.
    assert all(s.target.startswith(emulator.base_url) for s in proxy.seen)


async def test_luxsci_proxy_from_the_environment(
    emulator: Emulator, proxy: LoopbackProxy, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("LUXSCI_PROXY", proxy.url)
    async with emulator.client() as lux:
        await lux.account.domains.list()
    domains = f"/perl/api/v2/account/{emulator.account}/domains"
    assert ("GET", domains) in _through(proxy, emulator)


async def test_proxy_credentials_are_sent_and_never_shown(
    emulator: Emulator, clean_env: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with loopback_proxy(credentials=("agent", PROXY_PASSWORD)) as proxy:
        url = f"http://agent:{PROXY_PASSWORD}@127.0.0.1:{proxy.port}"
        lux = emulator.client(proxy=url)
        async with lux:
            await lux.account.domains.list()
        token = base64.b64encode(f"agent:{PROXY_PASSWORD}".encode()).decode()
        assert {s.headers.get("proxy-authorization") for s in proxy.seen} == {f"Basic {token}"}
        # The wrong password: the proxy answers 407, a typed error without the password.
        wrong = url.replace(PROXY_PASSWORD, PROXY_PASSWORD + "-wrong")
        async with emulator.client(proxy=wrong, max_retries=0) as refused:
            with pytest.raises(APIError) as info:
                await refused.account.domains.list()
    assert info.value.status == 407
    shown = [repr(lux), str(lux), repr(lux._settings), str(lux._settings.proxy), caplog.text]
    shown += ["".join(traceback.format_exception(info.value)), repr(info.value)]
    everything = "\n".join(shown)
    assert str(lux._settings.proxy) == f"http://agent:***@127.0.0.1:{proxy.port}"
    assert "username='agent'" in repr(lux._settings)
    assert PROXY_PASSWORD not in everything
    assert token not in everything


async def test_an_unreachable_proxy_is_a_connect_error_without_the_password(
    emulator: Emulator, clean_env: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://agent:{PROXY_PASSWORD}@127.0.0.1:{port}"
    async with emulator.client(proxy=url, max_retries=0) as lux:
        with pytest.raises(ConnectError) as info:
            await lux.account.domains.list()
    assert PROXY_PASSWORD not in "".join(traceback.format_exception(info.value))


async def test_trust_env_honours_http_proxy(
    emulator: Emulator, proxy: LoopbackProxy, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("HTTP_PROXY", proxy.url)
    async with emulator.client(trust_env=True) as lux:
        await lux.account.domains.list()
    domains = f"/perl/api/v2/account/{emulator.account}/domains"
    assert ("GET", domains) in _through(proxy, emulator)


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.1", "*"])
async def test_trust_env_honours_no_proxy_for_loopback(
    emulator: Emulator, proxy: LoopbackProxy, clean_env: pytest.MonkeyPatch, no_proxy: str
) -> None:
    clean_env.setenv("HTTP_PROXY", proxy.url)
    clean_env.setenv("NO_PROXY", no_proxy)
    before = emulator.stats.requests
    async with emulator.client(trust_env=True) as lux:
        await lux.account.domains.list()
    assert proxy.seen == []
    assert emulator.stats.requests > before  # went straight to the emulator


async def test_the_environment_is_ignored_by_default(
    emulator: Emulator, proxy: LoopbackProxy, clean_env: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        clean_env.setenv(name, proxy.url)
    async with emulator.client() as lux:
        await lux.account.domains.list()
    assert proxy.seen == []


async def test_connections_through_the_proxy_are_counted_and_returned(
    emulator: Emulator, clean_env: pytest.MonkeyPatch
) -> None:
    with loopback_proxy() as proxy:
        async with emulator.client(proxy=proxy.url) as lux:
            await lux.authenticate()
            proxy.hold = True
            async with anyio.create_task_group() as tg:
                tg.start_soon(lux.account.domains.list)
                assert await anyio.to_thread.run_sync(proxy.arrived.wait, 10)
                assert lux._pipeline.http.checked_out_connections() == 1
                proxy.hold = False
                proxy.release.set()
            assert lux._pipeline.http.checked_out_connections() == 0


def test_proxy_and_transport_exclude_each_other(clean_env: pytest.MonkeyPatch) -> None:
    emu = Emulator(seed=1)  # not serving: the client gets the in-process transport
    with pytest.raises(ConfigurationError, match="proxy and transport exclude each other"):
        emu.client(proxy="http://127.0.0.1:3128")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (f"ftp://agent:{PROXY_PASSWORD}@proxy:21", "unsupported scheme 'ftp'"),
        (f"http://agent:{PROXY_PASSWORD}@proxy:99999", "port must be a number"),
        (f"http://agent:{PROXY_PASSWORD}@proxy:3128/path", "no path"),
        (f"http://agent:{PROXY_PASSWORD}@pro xy:3128", "must look like"),
        (f"http://agent:{PROXY_PASSWORD}@:3128", "invalid host"),
        (3128, "must be a URL string"),
    ],
)
def test_bad_proxy_urls_are_refused_without_repeating_them(
    value: object, message: str, clean_env: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigurationError, match=message) as info:
        LuxSci(token="T", secret="s", account="1", proxy=value)  # type: ignore[arg-type]
    assert str(info.value).startswith("proxy")
    assert PROXY_PASSWORD not in str(info.value)
    clean_env.setenv("LUXSCI_PROXY", str(value))
    with pytest.raises(ConfigurationError) as from_env:
        LuxSci(token="T", secret="s", account="1")
    assert str(from_env.value).startswith("LUXSCI_PROXY")


def test_proxy_urls_are_parsed_and_masked() -> None:
    parsed = parse_proxy_url("HTTP://a%40b:p%3Ass@[::1]:8080/")
    assert (parsed.scheme, parsed.host, parsed.port) == ("http", "::1", 8080)
    assert parsed.username == "a@b"
    assert parsed.password is not None
    assert parsed.password.reveal() == "p:ss"
    assert parsed.reveal() == "http://a%40b:p%3Ass@[::1]:8080"
    assert str(parsed) == parsed.redacted == "http://a%40b:***@[::1]:8080"
    assert "p:ss" not in repr(parsed)
    assert parse_proxy_url("https://proxy").port == 443
    assert parse_proxy_url("http://proxy").reveal() == "http://proxy:80"


def test_trust_env_must_be_a_bool() -> None:
    with pytest.raises(ConfigurationError, match="trust_env must be a bool"):
        LuxSci(token="T", secret="s", account="1", trust_env="yes")  # type: ignore[arg-type]
