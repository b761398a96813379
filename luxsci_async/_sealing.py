"""Sealing the auth code a fleet shares, so that the store alone grants no access to LuxSci.

The code is encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the API
secret, which never reaches the store; the login's store key is bound in as associated
data, so a sealed code cannot be replayed under another login. Needs the ``redis`` extra
(``cryptography``), like the shared store itself.
"""

from __future__ import annotations

import os

_INFO = b"luxsci-async/shared-auth-code/v1"
_NONCE = 12


class Sealer:
    """Seals and opens auth codes for one login of one integration."""

    __slots__ = ("_aead", "_context")

    def __init__(self, secret: bytes, context: str) -> None:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret)
        self._aead = AESGCM(key)
        self._context = context.encode("utf-8")

    def __repr__(self) -> str:
        return "<Sealer>"

    def seal(self, code: str) -> bytes:
        """``nonce || ciphertext`` of ``code`` (a fresh nonce each time)."""
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, code.encode("utf-8"), self._context)

    def open(self, sealed: bytes) -> str | None:
        """The code, or ``None`` if ``sealed`` was not sealed by this login's key."""
        from cryptography.exceptions import InvalidTag

        try:
            plain = self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], self._context)
        except (InvalidTag, ValueError):
            return None
        return plain.decode("utf-8")
