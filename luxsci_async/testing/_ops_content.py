"""A user's content library: a tree of directories and files, uploaded as multipart."""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Mapping
from typing import Any

from .._assumptions import UPLOAD_ATTACHMENTS_KEY
from ._calls import NO_DATA, Call, HttpError, body_object, respond
from ._shapes import gmt
from ._store import Store
from ._validate import BadInput

Tree = dict[str, dict[str, Any]]
"""Path inside the library -> entry (a directory, or a file with its bytes)."""


def mkdirs(tree: Tree, path: str) -> None:
    """Create ``path`` and every directory above it."""
    parts = path.split("/")
    for i in range(1, len(parts) + 1):
        sub = "/".join(parts[:i])
        tree.setdefault(sub, {"type": "directory", "path": sub, "modified": gmt(time.time())})


def file_entry(path: str, data: bytes) -> dict[str, Any]:
    """A file of the library, with its size and SHA-256."""
    return {
        "type": "file",
        "path": path,
        "name": path.rpartition("/")[2],
        "size": len(data),
        "hash": hashlib.sha256(data).hexdigest(),
        "modified": gmt(time.time()),
        "data": data,
    }


def _public_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != "data"}


def _checked(call: Call) -> list[tuple[str, bytes]]:
    """Uploaded files, after checking each against the JSON part's ``attachments``."""
    if not call.files:
        raise BadInput("no file uploaded")
    listed = body_object(call).get(UPLOAD_ATTACHMENTS_KEY)
    if listed is None:
        return call.files
    if not isinstance(listed, list):
        raise BadInput(f"{UPLOAD_ATTACHMENTS_KEY} must be a list")
    hashes = {a.get("name"): str(a.get("hash", "")).lower() for a in listed if isinstance(a, dict)}
    for name, data in call.files:
        if name not in hashes:
            raise BadInput(f"file {name} is not listed in {UPLOAD_ATTACHMENTS_KEY}")
        if hashes[name] != hashlib.sha256(data).hexdigest():
            raise BadInput(f"hash mismatch for attachment {name}")
    return call.files


class ContentOps:
    """List, read, create, upload and delete in one user's library."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def content(self, call: Call) -> Any:
        tree = self.store.files.setdefault(call.values.get("username", ""), {})
        names = [n for n in call.compiled.names if n not in ("username", "account")]
        path = call.values[names[-1]].strip("/") if names else ""
        method = call.route.method
        if method == "GET":
            return _read(tree, path)
        if method == "DELETE":
            doomed = [p for p in tree if p == path or p.startswith(f"{path}/")]
            if not doomed:
                raise HttpError(404, f"no such file or directory {path}")
            for p in doomed:
                del tree[p]
            return NO_DATA
        if not call.files:
            if path in tree:
                raise HttpError(400, f"{path} already exists")
            mkdirs(tree, path)
            return NO_DATA
        saved = [_save(tree, path, name, data) for name, data in _checked(call)]
        return respond(call, saved[0] if len(saved) == 1 else saved)


def _read(tree: Tree, path: str) -> Any:
    if path not in tree and path != "":
        raise HttpError(404, f"no such file or directory {path}")
    entry = tree.get(path, {"type": "directory"})
    if entry["type"] == "directory":
        prefix = f"{path}/" if path else ""
        return [
            _public_entry(e)
            for p, e in sorted(tree.items())
            if p.startswith(prefix) and "/" not in p[len(prefix) :]
        ]
    return {**_public_entry(entry), "content": base64.b64encode(entry["data"]).decode()}


def _save(tree: Tree, path: str, name: str, data: bytes) -> Any:
    target = f"{path}/{name}" if tree.get(path, {}).get("type") == "directory" else path
    parent = target.rpartition("/")[0]
    if parent:
        mkdirs(tree, parent)
    tree[target] = file_entry(target, data)
    return _public_entry(tree[target])
