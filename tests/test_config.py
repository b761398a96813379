"""Settings: arguments, LUXSCI_* variables, and clear errors for bad or contradictory ones."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx2
import pytest

from luxsci_async import ConfigurationError, LuxSci, RateLimit, RetryPolicy, Timeout

from .conftest import PASSWORD, SECRET, TOKEN


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TOKEN", "SECRET", "ACCOUNT", "USER", "PASSWORD", "HOST", "BASE_URL"):
        monkeypatch.delenv(f"LUXSCI_{name}", raising=False)


def test_account_scope_defaults() -> None:
    lux = LuxSci(token=TOKEN, secret=SECRET, account="12345")
    assert (lux.scope, lux.account_code, lux.base_url) == (
        "account",
        "12345",
        "https://rest.luxsci.com",
    )


def test_int_account_is_accepted() -> None:
    assert LuxSci(token=TOKEN, secret=SECRET, account=12345).account_code == "12345"


def test_user_scope() -> None:
    lux = LuxSci(token=TOKEN, secret=SECRET, user="jane@example.com", password=PASSWORD)
    assert (lux.scope, lux.username) == ("user", "jane@example.com")


def test_everything_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUXSCI_TOKEN", TOKEN)
    monkeypatch.setenv("LUXSCI_SECRET", SECRET)
    monkeypatch.setenv("LUXSCI_USER", "jane@example.com")
    monkeypatch.setenv("LUXSCI_PASSWORD", PASSWORD)
    monkeypatch.setenv("LUXSCI_HOST", "api.example.luxsci.net")
    lux = LuxSci()
    assert lux.scope == "user"
    assert lux.base_url == "https://api.example.luxsci.net"


def test_explicit_scope_ignores_environment_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUXSCI_ACCOUNT", "999")
    lux = LuxSci(token=TOKEN, secret=SECRET, user="jane@example.com", password=PASSWORD)
    assert lux.scope == "user"
    assert lux.account_code is None


def test_base_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUXSCI_BASE_URL", "http://127.0.0.1:8080")
    lux = LuxSci(token=TOKEN, secret=SECRET, account="1")
    assert lux.base_url == "http://127.0.0.1:8080"


BAD: list[tuple[dict[str, Any], str]] = [
    ({"secret": SECRET, "account": "1"}, "token"),
    ({"token": TOKEN, "account": "1"}, "secret"),
    ({"token": TOKEN, "secret": SECRET}, "no scope"),
    ({"token": TOKEN, "secret": SECRET, "password": "x"}, "without user"),
    (
        {"token": TOKEN, "secret": SECRET, "account": "1", "user": "u@x", "password": "p"},
        "contradictory",
    ),
    ({"token": TOKEN, "secret": SECRET, "account": "abc"}, "numeric"),
    ({"token": "", "secret": SECRET, "account": "1"}, "empty"),
    (
        {
            "token": TOKEN,
            "secret": SECRET,
            "account": "1",
            "host": "a.b",
            "base_url": "https://a.b",
        },
        "not both",
    ),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "host": "https://a.b"}, "bare host"),
    (
        {"token": TOKEN, "secret": SECRET, "account": "1", "base_url": "http://example.com"},
        "loopback",
    ),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "base_url": "ftp://x"}, "https://host"),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "base_url": "https://x/path"}, "no path"),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "max_concurrency": 0}, "max_concurrency"),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "timeout": -1}, "timeout"),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "auth_ttl": float("nan")}, "auth_ttl"),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "max_retries": 1.5}, "max_retries"),
    (
        {
            "token": TOKEN,
            "secret": SECRET,
            "account": "1",
            "max_retries": 1,
            "retry": RetryPolicy(max_retries=3),
        },
        "contradicts",
    ),
    ({"token": TOKEN, "secret": SECRET, "account": "1", "rate_limit": 60}, "RateLimit"),
    ({"token": TOKEN + "\r\nX: y", "secret": SECRET, "account": "1"}, "CR"),
]


@pytest.mark.parametrize(("kwargs", "fragment"), BAD)
def test_bad_settings_raise_configuration_error(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment) as info:
        LuxSci(**kwargs)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize(
    ("transport", "named"),
    [(object(), "builtins.object"), (httpx2.HTTPTransport(), "httpx2.HTTPTransport")],
)
def test_a_transport_that_is_not_an_async_httpx2_one_is_refused_at_once(
    transport: Any, named: str
) -> None:
    with pytest.raises(ConfigurationError, match="transport must be an httpx2") as info:
        LuxSci(token=TOKEN, secret=SECRET, account="1", transport=transport)
    assert named in str(info.value)


def test_an_httpx_transport_is_refused_naming_its_library() -> None:
    """httpx's own transports look alike but fail deep inside httpx2 on the first request.
    Checked in a fresh interpreter: this suite's conftest maps ``httpx`` to httpx2."""
    script = (
        "import httpx\n"
        "from luxsci_async import ConfigurationError, LuxSci\n"
        "mock = httpx.MockTransport(lambda request: httpx.Response(200))\n"
        "try:\n"
        "    LuxSci(token='t', secret='s', account='1', transport=mock)\n"
        "except ConfigurationError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "transport must be an httpx2.AsyncBaseTransport" in out.stdout
    assert "got httpx." in out.stdout


def test_settings_objects_validate() -> None:
    with pytest.raises(ValueError, match="per_minute"):
        RateLimit(per_minute=0)
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    assert RateLimit.shared_server() == RateLimit(per_minute=60, per_day=6000)
    assert Timeout(read=3).read == 3


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        LuxSci(TOKEN, SECRET)  # type: ignore[misc]


def test_http_loopback_variants_allowed() -> None:
    for url in ("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9000"):
        assert LuxSci(token=TOKEN, secret=SECRET, account="1", base_url=url).base_url == url


def test_http2_needs_its_extra() -> None:
    try:
        import h2  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigurationError, match="http2 extra"):
            LuxSci(token=TOKEN, secret=SECRET, account="1", http2=True)
    else:
        assert LuxSci(token=TOKEN, secret=SECRET, account="1", http2=True).scope == "account"
