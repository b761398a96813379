"""The emulator's stateful routes: CRUD, users and their logins, bulk changes, uploads.

Requests are signed by the independent helper of ``emulator_client``, not by the SDK.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import httpx2
import pytest

from .emulator_client import PREFIX, Signer, logged_in


@pytest.fixture(scope="module")
def acct() -> Iterator[Signer]:
    with logged_in(rows=100, seed=7) as signer:
        yield signer


def test_alias_round_trip(acct: Signer) -> None:
    base = f"/account/{acct.emu.account}/aliases"
    body = {"user": "info", "domain": "example.com", "action": "email", "dest": "a@example.com"}
    assert acct.request("POST", base, json_body=body).status_code == 200
    got = acct.request("GET", f"{base}/info@example.com").json()["data"]
    assert got["dest"] == "a@example.com"
    upd = acct.request("PUT", f"{base}/info@example.com", json_body={"dest": "b@example.com"})
    assert upd.status_code == 200
    assert acct.request("GET", f"{base}/info@example.com").json()["data"]["dest"] == "b@example.com"
    listed = acct.request("GET", base).json()["data"]
    assert "info@example.com" in [a["alias"] for a in listed]
    assert acct.request("DELETE", f"{base}/info@example.com").status_code == 200
    assert acct.request("GET", f"{base}/info@example.com").status_code == 404


def test_users_and_user_login(acct: Signer) -> None:
    emu = acct.emu
    base = f"/account/{emu.account}/users"
    created = acct.request("POST", base, json_body={"user": "new@example.com", "password": "pw-1"})
    assert created.status_code == 200
    assert "password" not in created.text
    emu.users["new@example.com"] = "pw-1"
    try:
        signer = Signer(emu, acct.http, user="new@example.com")
        assert signer.handshake().status_code == 201
        renamed = acct.request(
            "PUT", f"{base}/new@example.com/rename", json_body={"new_user": "newer@example.com"}
        )
        assert renamed.status_code == 200
        assert signer.request("GET", "/user/newer@example.com/profile").status_code == 401
    finally:
        del emu.users["new@example.com"]
    assert acct.request("DELETE", f"{base}/newer@example.com").status_code == 200


def test_webaide_entries_bulk_and_changes(acct: Signer) -> None:
    emu = acct.emu
    user = next(iter(emu.users))
    made = acct.request("POST", f"/user/{user}/webaides/calendars", json_body={"title": "Team"})
    webaide_id = made.json()["data"]["webaide_id"]
    entries = f"/user/{user}/webaides/calendars/{webaide_id}/entries"
    bulk = acct.request(
        "POST",
        f"{entries}/bulk",
        json_body={
            "entries": [
                {"title": "a", "start": "2024-05-01 10:00:00"},
                {"title": "b", "start": "2024-07-01 10:00:00"},
            ]
        },
    )
    ids = [e["entry_id"] for e in bulk.json()["data"]]
    assert len(ids) == 2
    in_range = acct.request(
        "GET",
        f"/user/{user}/webaides/calendars/{webaide_id}/range",
        {"start": "2024-04-01 00:00:00", "end": "2024-06-01 00:00:00"},
    )
    assert [e["title"] for e in in_range.json()["data"]] == ["a"]
    gone = acct.request("DELETE", f"{entries}/bulk", {"entry_ids": f"{ids[0]}"})
    assert gone.status_code == 200
    changes = acct.request(
        "GET",
        f"/user/{user}/webaides/calendars/{webaide_id}/changes",
        {"since": "2000-01-01 00:00:00"},
    ).json()["data"]
    assert changes["deleted"] == [ids[0]]
    assert len(changes["added"]) == 1


def test_content_library_upload(acct: Signer) -> None:
    emu = acct.emu
    user = next(iter(emu.users))
    path = f"{PREFIX}/user/{user}/content_library/docs/a.txt"
    content = b"hello"
    meta = json.dumps(
        {"attachments": [{"name": "a.txt", "hash": hashlib.sha256(content).hexdigest()}]}
    )

    def upload(data: bytes) -> httpx2.Response:
        cookie = acct.cookie("POST", path, "", meta.encode())
        return acct.http.post(
            path,
            headers={"cookie": cookie},
            files=[
                ("json", ("json.js", meta, "application/json")),
                ("files", ("a.txt", data, "application/octet-stream")),
            ],
        )

    assert upload(b"tampered").status_code == 400
    assert upload(content).status_code == 200, upload(content).text
    got = acct.request("GET", f"/user/{user}/content_library/docs/a.txt").json()["data"]
    assert got["size"] == 5
    listing = acct.request("GET", f"/user/{user}/content_library/docs").json()["data"]
    assert [e["name"] for e in listing] == ["a.txt"]


def test_every_route_answers(acct: Signer) -> None:
    emu = acct.emu
    from luxsci_async._routes.table import ROUTES

    user = next(iter(emu.users))
    values = {"account": emu.account, "username": user, "source": "smtp", "webaide_type": "tasks"}
    for route in ROUTES:
        if route.path == "/auth" or route.method != "GET":
            continue
        path = route.path
        for name in [s[1:-1] for s in path.split("/") if s.startswith("{")]:
            path = path.replace("{" + name + "}", values.get(name, "1"))
        params = {p.wire_name: "2024-01-01 00:00:00" for p in route.query if p.required}
        if any(p.kind == "str_list" for p in route.query if p.required):
            params = {p.wire_name: "1" for p in route.query if p.required}
        response = acct.request("GET", path, params)
        assert response.status_code in (200, 404), (route.path, response.text)
        assert response.json()["success"] == (1 if response.status_code == 200 else 0)
