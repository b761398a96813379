"""Undoing a response body's content codings in bounded pieces, for every backend.

The session asks for ``identity``, but a server may compress anyway; a few KiB of gzip can
inflate to gigabytes. Each layer here yields at most :data:`PIECE` decoded bytes per step,
so the size cap (:class:`._wire.BodyReader`) stops a bomb within the cap instead of after it.
gzip and deflate are decoded; any other coding is handed up as it was sent.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

PIECE = 1 << 16
"""Decoded bytes produced per step."""
MAX_CODINGS = 5
"""More layers than this are refused: no server needs them."""


class Undecodable(Exception):
    """A body that its ``Content-Encoding`` does not decode."""


class _Inflater:
    """One gzip or deflate layer."""

    def __init__(self, coding: str) -> None:
        self._deflate = coding == "deflate"
        self._first = True
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if coding == "gzip" else zlib.MAX_WBITS)

    def decode(self, data: bytes) -> Iterator[bytes]:
        first, self._first = self._first, False
        try:
            piece = self._zlib.decompress(data, PIECE)
        except zlib.error as exc:
            reason = str(exc)
        else:
            while piece:
                yield piece
                piece = self._zlib.decompress(self._zlib.unconsumed_tail, PIECE)
            return
        # Raised outside the handler, with nothing chained.
        if not (first and self._deflate):
            raise Undecodable(reason)
        # "deflate" means zlib-wrapped, but some servers send raw deflate.
        self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        yield from self.decode(data)

    def flush(self) -> bytes:
        return self._zlib.flush()


class Decoder:
    """A body's codings (``Content-Encoding``), undone in reverse order of application."""

    __slots__ = ("_layers",)

    def __init__(self, header: str | None) -> None:
        codings = [c.strip().lower() for c in header.split(",")] if header else []
        known = [c for c in codings if c in ("gzip", "deflate")]
        if len(known) > MAX_CODINGS:
            raise Undecodable(f"more than {MAX_CODINGS} content encodings")
        self._layers = [_Inflater(c) for c in reversed(known)]

    @property
    def identity(self) -> bool:
        """Whether the body is handed up as it arrives."""
        return not self._layers

    def decode(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next chunk of the body."""
        pieces: Iterator[bytes] = iter((data,))
        for layer in self._layers:
            pieces = _through(layer, pieces)
        return pieces

    def flush(self) -> Iterator[bytes]:
        """What the layers still hold once the body has ended."""
        pieces: Iterator[bytes] = iter(())
        for layer in self._layers:
            pieces = _flushed(layer, pieces)
        return pieces


def _through(layer: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from layer.decode(piece)


def _flushed(layer: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    yield from _through(layer, pieces)
    tail = layer.flush()
    if tail:
        yield tail
