"""Fixed answers for the read-only corners of the API (servers, branding, checks...)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._shapes import DOMAIN

Canned = Callable[[Mapping[str, str], Any], Any]
"""(path values, request body or query) -> data."""


def _recipients(values: Mapping[str, str], body: Any) -> Any:
    found = body.get("recipients") or body.get("to") or [] if isinstance(body, dict) else []
    if isinstance(found, str):
        found = [found]
    return [
        {"email": r, "method": "tls" if i % 2 == 0 else "portal", "tls": 1 - i % 2}
        for i, r in enumerate(found)
    ]


CANNED: Mapping[str, Canned] = {
    "servers": lambda v, b: [
        {"server": f"mail{i}.{DOMAIN}", "role": role, "status": "ok"}
        for i, role in enumerate(("smtp", "webmail", "securesend"), 1)
    ],
    "status": lambda v, b: {"server": f"mail1.{DOMAIN}", "status": "ok", "load": 0.42, "queue": 3},
    "timezones": lambda v, b: ["UTC", "America/New_York", "America/Chicago", "Europe/London"],
    "branding": lambda v, b: {
        "company": "Example Health",
        "logo_url": f"https://www.{DOMAIN}/logo.png",
        "colors": {"primary": "#0b5394"},
    },
    "sso": lambda v, b: {"url": f"https://webmail.{DOMAIN}/sso/4f2a9c"},
    "settings": lambda v, b: {"timezone": "UTC", "language": "en", "spam_filter": 1},
    "tls": lambda v, b: {
        "domain": v.get("domain", DOMAIN),
        "valid": 1,
        "mx": [f"mx1.{v.get('domain', DOMAIN)}"],
        "tls": 1,
        "secureline_ok": 1,
    },
    "recipients": _recipients,
    "send": lambda v, b: {"message_id": f"0001.4f2a9c@mail.{DOMAIN}", "queued": 1},
    "statistics": lambda v, b: {"sent": 1234, "delivered": 1200, "bounced": 20, "opened": 640},
    "forwarding": lambda v, b: {"forward_to": [], "keep_copy": 1},
    "profile": lambda v, b: {},
}
