"""Choosing a store: URLs checked before anything connects, the extra optional, errors typed."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from luxsci_async import ConfigurationError, LuxSciError, StoreUnavailableError
from luxsci_async._store.factory import open_store
from luxsci_async._store.memory import MemoryStore
from luxsci_async._store.url import StoreURL, parse_store_url

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "redis-pa55-do-not-print"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis://cache:6379/0", StoreURL(tls=False, host="cache", port=6379, db=0)),
        ("redis://cache", StoreURL(tls=False, host="cache", port=6379, db=0)),
        ("redis://cache:6380/", StoreURL(tls=False, host="cache", port=6380, db=0)),
        ("rediss://10.0.0.5:6390/3", StoreURL(tls=True, host="10.0.0.5", port=6390, db=3)),
        ("REDIS://[::1]:7000/1", StoreURL(tls=False, host="::1", port=7000, db=1)),
        (
            "redis://jane@cache/2",
            StoreURL(tls=False, host="cache", port=6379, db=2, username="jane"),
        ),
    ],
)
def test_good_urls(url: str, expected: StoreURL) -> None:
    assert parse_store_url(url) == expected


def test_passwords_are_kept_secret() -> None:
    parsed = parse_store_url(f"rediss://app:{PASSWORD}@cache:6380/4")
    assert parsed.username == "app"
    assert parsed.password is not None
    assert parsed.password.reveal() == PASSWORD
    assert parsed.redacted == "rediss://app:***@cache:6380/4"
    assert str(parsed) == parsed.redacted
    assert PASSWORD not in repr(parsed)
    no_user = parse_store_url(f"redis://:{PASSWORD}@cache")
    assert no_user.username is None
    assert no_user.redacted == "redis://:***@cache:6379/0"


def test_percent_encoded_user_info_is_decoded() -> None:
    parsed = parse_store_url("redis://us%40er:p%2Fss%40word@cache/0")
    assert parsed.username == "us@er"
    assert parsed.password is not None
    assert parsed.password.reveal() == "p/ss@word"


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("http://cache:6379/0", "unsupported scheme"),
        ("unix:///tmp/redis.sock", "unsupported scheme"),
        ("cache:6379", "must look like"),
        ("redis://:6379/0", "host"),
        ("redis://cache:0/0", "port"),
        ("redis://cache:99999/0", "port"),
        ("redis://cache:\uff16\uff13\uff17\uff19/0", "port"),  # full-width digits
        ("redis://cache:6379/x", "db"),
        ("redis://cache:6379/-1", "db"),
        ("redis://cache:6379/0/1", "db"),
        ("redis://cache:6379/0?ssl=true", "query"),
        ("redis://cache:6379/0#x", "query"),
        ("redis://ca che:6379/0", "must look like"),
        ("redis://cache:6379/0\n", "must look like"),
        ("redis://@cache:6379/0", "user info"),
        ("redis://[nope]:6379/0", "IPv6"),
        ("", "must look like"),
    ],
)
def test_bad_urls_name_the_setting(url: str, complaint: str) -> None:
    with pytest.raises(ConfigurationError, match=complaint) as caught:
        parse_store_url(url)
    assert str(caught.value).startswith("store")
    with pytest.raises(ConfigurationError, match=r"^LUXSCI_STORE"):
        parse_store_url(url, field="LUXSCI_STORE")


def test_a_bad_url_never_echoes_its_password() -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_store_url(f"redis://app:{PASSWORD}@cache:6379/not-a-db")
    assert PASSWORD not in str(caught.value)


def test_not_a_string() -> None:
    with pytest.raises(ConfigurationError, match="store must be a URL string"):
        parse_store_url(6379)


def test_open_store() -> None:
    assert isinstance(open_store(None, namespace="ns"), MemoryStore)
    store = open_store(f"redis://:{PASSWORD}@cache:6379/0", namespace="ns", timeout=0.5)
    assert type(store).__name__ == "RedisStore"
    assert PASSWORD not in repr(store)
    with pytest.raises(ConfigurationError, match=r"^LUXSCI_STORE"):
        open_store("memcached://x", namespace="ns", field="LUXSCI_STORE")
    with pytest.raises(ValueError, match="namespace"):
        open_store("redis://cache", namespace="has space")
    with pytest.raises(ValueError, match="timeout"):
        open_store("redis://cache", namespace="ns", timeout=0)


def test_store_unavailable_is_an_sdk_error() -> None:
    error = StoreUnavailableError("no answer within 1 s", store="redis://:***@cache:6379/0")
    assert isinstance(error, LuxSciError)
    assert str(error) == "store redis://:***@cache:6379/0 unavailable: no answer within 1 s"
    assert (error.store, error.reason) == ("redis://:***@cache:6379/0", "no answer within 1 s")
    copy = pickle.loads(pickle.dumps(error))  # as a task queue returns a task's failure
    assert type(copy) is StoreUnavailableError
    assert (str(copy), copy.store, copy.reason) == (str(error), error.store, error.reason)


def test_the_sdk_works_without_the_redis_extra() -> None:
    # Block the extra's packages, as on an install without it.
    script = textwrap.dedent(
        """
        import sys

        class Missing:
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] in ("redis", "cryptography"):
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)

        sys.meta_path.insert(0, Missing())
        import luxsci_async
        from luxsci_async._store.factory import open_store

        assert "redis" not in sys.modules
        open_store(None, namespace="ns")
        try:
            open_store("redis://cache:6379/0", namespace="ns")
        except luxsci_async.ConfigurationError as exc:
            print(exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "store=redis://cache:6379/0 needs the redis extra" in done.stdout
    assert "pip install 'luxsci-async[redis]'" in done.stdout


def test_importing_the_sdk_does_not_import_redis() -> None:
    script = (
        "import sys, luxsci_async\n"
        "print(sorted(m for m in sys.modules if m.startswith(('redis', 'cryptography'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
