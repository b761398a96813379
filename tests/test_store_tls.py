"""``rediss://`` stores speak TLS and verify the server: its certificate and its name."""

from __future__ import annotations

import datetime
import ipaddress
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from luxsci_async import StoreUnavailableError

from .redis_support import answers_ping, free_port, unavailable

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # the Redis store's client is asyncio-only


def _certificates(folder: Path, name: str) -> None:
    """A CA (ca.pem) and a server certificate for ``name`` signed by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)

    def build(subject: str, key: Any, signer: Any, *, ca: bool) -> x509.Certificate:
        issuer = "luxsci test CA"
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:
            try:
                san: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(subject))
            except ValueError:
                san = x509.DNSName(subject)
            builder = builder.add_extension(x509.SubjectAlternativeName([san]), critical=False)
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    server_key = ec.generate_private_key(ec.SECP256R1())
    ca = build("luxsci test CA", ca_key, ca_key, ca=True)
    server = build(name, server_key, ca_key, ca=False)
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "server.pem").write_bytes(server.public_bytes(pem))
    (folder / "server.key").write_bytes(
        server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )


@pytest.fixture(params=["127.0.0.1", "other.example"])
def tls_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[int, str, Path]]:
    """A TLS-only Redis whose certificate names ``127.0.0.1`` or another host."""
    name = str(request.param)
    _certificates(tmp_path, name)
    for port in _tls_server(tmp_path):
        yield port, name, tmp_path / "ca.pem"


def _tls_server(folder: Path) -> Iterator[int]:
    server = shutil.which("redis-server")
    if server is None:
        unavailable("redis-server is not on PATH (apt-get install redis-server)")
        return
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", "0", "--tls-port", str(port), "--bind", "127.0.0.1",
         "--tls-cert-file", str(folder / "server.pem"),
         "--tls-key-file", str(folder / "server.key"),
         "--tls-ca-cert-file", str(folder / "ca.pem"), "--tls-auth-clients", "no",
         "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while not answers_ping(port, tls_ca=folder / "ca.pem"):
            if process.poll() is not None or time.monotonic() > deadline:
                unavailable("redis-server with TLS did not start")
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=5)


async def test_a_tls_store_checks_the_certificate_and_the_name(
    tls_server: tuple[int, str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from luxsci_async._store.redis import RedisStore

    port, name, ca = tls_server
    untrusted = RedisStore(f"rediss://127.0.0.1:{port}/0", namespace="tls")
    with pytest.raises(StoreUnavailableError, match="CERTIFICATE_VERIFY_FAILED"):
        await untrusted.pause_left()
    await untrusted.aclose()

    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # the system trust store, for this test
    trusted = RedisStore(f"rediss://127.0.0.1:{port}/0", namespace="tls")
    if name == "127.0.0.1":
        await trusted.pause(5)
        assert 4 < await trusted.pause_left() <= 5
    else:
        with pytest.raises(StoreUnavailableError, match="CERTIFICATE_VERIFY_FAILED"):
            await trusted.pause_left()  # a valid certificate, for another host
    await trusted.aclose()

    plain = RedisStore(f"redis://127.0.0.1:{port}/0", namespace="tls", timeout=0.5)
    with pytest.raises(StoreUnavailableError):
        await plain.pause_left()
    await plain.aclose()
