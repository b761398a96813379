"""Checked by mypy --strict in tests/test_typing.py: generated signatures are visible."""

from __future__ import annotations

from datetime import datetime, timezone

from luxsci_async import LuxSci, RawResult, Report, RequestEvent, Row
from luxsci_async.models import DeliveryRow, User, UserProfile


async def usage(lux: LuxSci) -> None:
    users: list[User] = await lux.account.users.list(status="enabled")
    await lux.account.aliases.create(user="info", domain="example.com", action="email", dest="j@x")
    profile: UserProfile = await lux.user("jane@example.com").profile.get()
    report: Report[DeliveryRow] = lux.account.reports.delivery(
        "smtp", from_date=datetime(2024, 1, 1, tzinfo=timezone.utc)
    )
    async for row in report:
        reveal_type(row)
    generic: Report[Row] = lux.paginate("/account/{account}/report/email/smtp/sent")
    count: int = await generic.count()
    raw: RawResult[list[User]] = await lux.with_raw_response(
        lux.account.users.list, status="enabled"
    )
    reveal_type(raw.parsed)
    counted = await lux.with_raw_response(generic.count)
    reveal_type(counted)

    def on_request(event: RequestEvent) -> None:
        print(event.template)

    LuxSci(event_hooks={"request": [on_request]})
    print(users, profile, count, raw.status, raw.headers, raw.content)


async def misuse(lux: LuxSci) -> None:
    await lux.account.aliases.create(user="info", domain="example.com", action="forward")
    await lux.account.users.list(status=1)
    await lux.account.users.lst()
    await lux.with_raw_response(lux.account.users.list, status=1)
    LuxSci(event_hooks={"response": [on_request]})


def on_request(event: RequestEvent) -> None:
    print(event)
