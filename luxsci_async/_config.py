"""Resolving a session's settings: keyword arguments, ``LUXSCI_*`` variables, and their checks."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping

import attrs

from . import _defaults
from ._backends import backend_name
from ._proxy import ProxyURL, parse_proxy_url
from ._secret import Secret
from ._settings import CallOptions, RateLimit, RetryPolicy, Settings, Timeout
from ._store.url import StoreURL, parse_store_url
from .errors import ConfigurationError

ENV_PREFIX = "LUXSCI_"
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?$")
_DIGITS = re.compile(r"[0-9]+")
"""ASCII digits only: ``str.isdigit`` and ``\\d`` also accept '²' and other scripts' digits."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ConfigurationError(f"{name} must not be empty")
    if any(ch in value for ch in "\r\n\x00"):
        raise ConfigurationError(f"{name} must not contain CR, LF or NUL")
    return value


def _port(where: str, text: str) -> None:
    if not _DIGITS.fullmatch(text) or not 1 <= int(text) <= 65535:
        raise ConfigurationError(
            f"{where}: the port must be a number from 1 to 65535, got {text!r}"
        )


def _base_url(host: str | None, base_url: str | None) -> str:
    if host is not None and base_url is not None:
        raise ConfigurationError("give either host or base_url, not both")
    if base_url is None:
        host = host or _defaults.HOST
        if not _HOSTNAME.match(host):
            raise ConfigurationError(f"host must be a bare host name like {_defaults.HOST!r}")
        if ":" in host:
            _port("host", host.rsplit(":", 1)[1])
        return f"https://{host}"
    match = re.match(r"^(https?)://([^/?#]+)/?$", base_url)
    if not match:
        raise ConfigurationError("base_url must look like https://host[:port] (no path)")
    scheme, netloc = match.groups()
    if "@" in netloc:  # user info: "http://localhost:80@evil.com" would go to evil.com
        raise ConfigurationError("base_url must not contain user info ('user@')")
    hostname, port = netloc, None
    if netloc.startswith("["):  # an IPv6 literal, maybe with a port after "]"
        hostname, _, rest = netloc.partition("]")
        hostname += "]"
        if rest:
            if not rest.startswith(":"):
                raise ConfigurationError("base_url must look like https://host[:port] (no path)")
            port = rest[1:]
    elif ":" in netloc:
        hostname, port = netloc.rsplit(":", 1)
    if port is not None:
        _port("base_url", port)
    if not hostname.startswith("[") and not _HOSTNAME.match(hostname):
        raise ConfigurationError(f"base_url: {hostname!r} is not a host name")
    if scheme == "http" and not _is_loopback(hostname):
        raise ConfigurationError(
            "plain http:// is only allowed for a loopback base_url (e.g. the emulator)"
        )
    return base_url.rstrip("/")


def _number(name: str, value: object, *, minimum: float, integer: bool = False) -> float:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        expected = "an int" if integer else "a number"
        raise ConfigurationError(f"{name} must be {expected}, got {value!r}")
    if not minimum <= value < float("inf"):  # also refuses NaN
        raise ConfigurationError(f"{name} must be a finite number >= {minimum}, got {value!r}")
    return value  # an int stays exact (float() of a huge one would overflow)


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be a bool, got {type(value).__name__}")
    return value


def _store(argument: str | None, environment: str | None) -> StoreURL | None:
    if argument is not None:
        return parse_store_url(argument, field="store")
    if environment is not None:
        return parse_store_url(environment, field="LUXSCI_STORE")
    return None


def _proxy(argument: str | None, environment: str | None) -> ProxyURL | None:
    if argument is not None:
        return parse_proxy_url(argument, field="proxy")
    if environment is not None:
        return parse_proxy_url(environment, field="LUXSCI_PROXY")
    return None


def _timeout(timeout: float | Timeout | None) -> Timeout | None:
    if timeout is None or isinstance(timeout, Timeout):
        return timeout
    seconds = _number("timeout", timeout, minimum=0.001)
    return Timeout(connect=seconds, read=seconds, write=seconds, pool=seconds)


def _retry(retry: RetryPolicy | None, max_retries: int | None, base: RetryPolicy) -> RetryPolicy:
    if retry is not None and not isinstance(retry, RetryPolicy):
        raise ConfigurationError("retry must be a RetryPolicy")
    if max_retries is None:
        return retry or base
    count = int(_number("max_retries", max_retries, minimum=0, integer=True))
    if retry is not None and retry.max_retries != count:
        raise ConfigurationError("max_retries contradicts retry.max_retries; give one")
    return attrs.evolve(retry or base, max_retries=count)


def call_options(
    settings: Settings,
    current: CallOptions,
    *,
    timeout: float | Timeout | None,
    max_retries: int | None,
    retry: RetryPolicy | None,
    max_wait: float | None,
) -> CallOptions:
    """``current`` with the given overrides, checked as the session's settings are."""
    base = current.retry or settings.retry
    return CallOptions(
        timeout=_timeout(timeout) or current.timeout,
        retry=_retry(retry, max_retries, base)
        if (retry or max_retries is not None)
        else current.retry,
        max_wait=current.max_wait if max_wait is None else _number("max_wait", max_wait, minimum=0),
    )


def resolve(
    *,
    token: str | None,
    secret: str | None,
    account: str | int | None,
    user: str | None,
    password: str | None,
    host: str | None,
    base_url: str | None,
    timeout: float | Timeout | None,
    max_retries: int | None,
    retry: RetryPolicy | None,
    rate_limit: RateLimit | None,
    max_concurrency: int,
    auth_ttl: float | None,
    max_response_bytes: int | None = None,
    max_wait: float | None = None,
    store: str | None = None,
    proxy: str | None = None,
    trust_env: bool = False,
    http_backend: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Merge arguments with ``LUXSCI_*`` variables (arguments win) and check the result.

    Scope settings (account, user, password) come all from the arguments when any is given,
    otherwise all from the environment, so a stray ``LUXSCI_ACCOUNT`` cannot contradict an
    explicit user login.
    """
    env = os.environ if environ is None else environ

    def from_env(name: str) -> str | None:
        return env.get(ENV_PREFIX + name) or None

    token = _text("token", token if token is not None else from_env("TOKEN"))
    secret = _text("secret", secret if secret is not None else from_env("SECRET"))
    if token is None or secret is None:
        missing = " and ".join(n for n, v in (("token", token), ("secret", secret)) if v is None)
        raise ConfigurationError(f"{missing} required (argument or LUXSCI_{missing.upper()})")

    if isinstance(account, int) and not isinstance(account, bool):
        account = str(account)
    if account is None and user is None and password is None:
        account, user, password = from_env("ACCOUNT"), from_env("USER"), from_env("PASSWORD")
    account = _text("account", account)
    user = _text("user", user)
    password = _text("password", password)
    if password is not None and user is None:
        raise ConfigurationError("password given without user")
    if password is not None and account is not None:
        raise ConfigurationError(
            "contradictory scope: give account (account scope) or user and password "
            "(user scope), not both"
        )
    if password is None and account is None:
        raise ConfigurationError(
            "no scope: give account (account scope) or user and password (user scope)"
        )
    if account is not None and not _DIGITS.fullmatch(account):
        raise ConfigurationError("account must be the numeric account code, e.g. '12345'")

    if host is None and base_url is None:
        host, base_url = from_env("HOST"), from_env("BASE_URL")
    url = _base_url(_text("host", host), _text("base_url", base_url))

    timeout_obj = _timeout(timeout) or Timeout()
    retry = _retry(retry, max_retries, RetryPolicy())
    if rate_limit is not None and not isinstance(rate_limit, RateLimit):
        raise ConfigurationError("rate_limit must be a RateLimit (or None)")

    return Settings(
        token=token,
        secret=Secret(secret),
        scope="user" if password is not None else "account",
        account=account,
        user=user,
        password=Secret(password) if password is not None else None,
        base_url=url,
        timeout=timeout_obj,
        retry=retry,
        rate_limit=rate_limit,
        max_concurrency=int(_number("max_concurrency", max_concurrency, minimum=1, integer=True)),
        auth_ttl=_number(
            "auth_ttl", _defaults.AUTH_TTL if auth_ttl is None else auth_ttl, minimum=0.01
        ),
        max_wait=_defaults.MAX_WAIT
        if max_wait is None
        else _number("max_wait", max_wait, minimum=0),
        store=_store(store, from_env("STORE")),
        proxy=_proxy(proxy, from_env("PROXY")),
        trust_env=_flag("trust_env", trust_env),
        http_backend=backend_name(http_backend, from_env("HTTP_BACKEND")),
        max_response_bytes=int(
            _number(
                "max_response_bytes",
                _defaults.MAX_RESPONSE_BYTES if max_response_bytes is None else max_response_bytes,
                minimum=1024,
                integer=True,
            )
        ),
    )
