"""The paginator: order, counts, bounded prefetch, clean early exit, resume, retries."""

from __future__ import annotations

import gc
import sys
import weakref
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl

import anyio
import httpx2
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luxsci_async import PaginationError, ResponseValidationError, Row, RowList
from luxsci_async.models import DeliveryRow

from .conftest import FakeClock, SubclassHook, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio

PATH = "/account/12345/report/email/smtp/delivery"
HEADER = ["seq", "date", "recipient", "status", "mystery"]


class ReportServer:
    """Serves ``total`` synthetic rows by offset and records what was asked."""

    def __init__(self, total: int, *, delay: float = 0.0, max_rows: int | None = None) -> None:
        self.total = total
        self.delay = delay
        self.max_rows = max_rows  # simulate LuxSci's 50 MB cut: fewer rows than asked
        self.asked: list[tuple[int, int]] = []
        self.queries: list[dict[str, str]] = []
        self.in_flight = 0
        self.peak = 0
        self.failures: dict[int, list[httpx2.Response]] = {}

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        query = dict(parse_qsl(request.url.query.decode()))
        self.queries.append(query)
        first, matches = int(query["first_row"]), int(query["matches"])
        self.asked.append((first, matches))
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            await anyio.sleep(self.delay)
        finally:
            self.in_flight -= 1
        if self.failures.get(first):
            return self.failures[first].pop(0)
        take = matches if self.max_rows is None else min(matches, self.max_rows)
        end = min(self.total, first + take)
        rows = [
            [i, f"2024-01-01 00:{i // 60 % 60:02d}:{i % 60:02d}", f"r{i}@x.org", "delivered", i % 3]
            for i in range(first, end)
        ]
        return ok({"header": HEADER, "rows": rows, "total_rows": self.total})


def install(api: FakeAPI, server: ReportServer) -> None:
    api.on("GET", PATH, lambda request: server(request))  # type: ignore[arg-type,return-value]


async def pull(total: int, api: FakeAPI, **kw: Any) -> tuple[list[Any], ReportServer]:
    server = ReportServer(total, delay=kw.pop("delay", 0.0), max_rows=kw.pop("max_rows", None))
    install(api, server)
    async with make_session() as lux:
        rows = [row async for row in lux.account.reports.delivery("smtp", **kw)]
    return rows, server


@pytest.mark.parametrize(("total", "page_size"), [(0, 10), (1, 10), (10, 10), (95, 10), (101, 7)])
async def test_every_row_once_in_order(api: FakeAPI, total: int, page_size: int) -> None:
    rows, server = await pull(total, api, page_size=page_size, concurrency=3)
    assert [r.extra["seq"] for r in rows] == list(range(total))
    assert all(isinstance(r, DeliveryRow) for r in rows)
    expected_pages = max(1, -(-total // page_size))
    assert len(server.asked) == expected_pages
    assert all(matches == page_size for _, matches in server.asked)


async def test_typed_rows_are_converted_and_unknown_columns_kept(api: FakeAPI) -> None:
    rows, _ = await pull(3, api)
    row = rows[2]
    assert row.date == datetime(2024, 1, 1, 0, 0, 2, tzinfo=UTC)
    assert row.recipient == "r2@x.org"
    assert row.extra == {"seq": 2, "mystery": 2}


async def test_generic_rows_are_read_only_mappings(api: FakeAPI) -> None:
    server = ReportServer(25)
    install(api, server)
    async with make_session() as lux:
        report = lux.paginate(
            "/account/{account}/report/email/smtp/delivery",
            params={"from_date": date(2024, 1, 1)},
            page_size=10,
        )
        rows = [row async for row in report]
    assert [r["seq"] for r in rows] == list(range(25))
    assert isinstance(rows[0], Row)
    assert dict(rows[0]) == dict(
        zip(HEADER, [0, "2024-01-01 00:00:00", "r0@x.org", "delivered", 0])
    )
    with pytest.raises(TypeError):
        rows[0]["seq"] = 5  # type: ignore[index]
    assert server.queries[0]["from_date"] == "2024-01-01 00:00:00"


async def test_pages_carry_offsets_and_total(api: FakeAPI) -> None:
    server = ReportServer(23)
    install(api, server)
    async with make_session() as lux:
        pages = [p async for p in lux.account.reports.delivery("smtp", page_size=10).pages()]
    assert [(p.first_row, len(p.rows), p.total) for p in pages] == [
        (0, 10, 23),
        (10, 10, 23),
        (20, 3, 23),
    ]
    assert pages[-1].next_row == 23


async def test_count_asks_for_no_rows(api: FakeAPI) -> None:
    server = ReportServer(12345)
    install(api, server)
    async with make_session() as lux:
        assert await lux.account.reports.delivery("smtp").count() == 12345
    assert server.asked == [(0, 0)]


async def test_window_is_pinned_when_iteration_starts(api: FakeAPI) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    rows, server = await pull(30, api, page_size=10)
    pinned = {q["through_date"] for q in server.queries}
    assert len(pinned) == 1
    assert datetime.strptime(pinned.pop(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC) >= before
    _, server = await pull(5, api, through_date=date(2024, 2, 1))
    assert server.queries[0]["through_date"] == "2024-02-01 23:59:59"  # inclusive end


async def test_prefetch_never_exceeds_the_bound(api: FakeAPI) -> None:
    rows, server = await pull(500, api, page_size=10, concurrency=4, delay=0.005)
    assert len(rows) == 500
    assert server.peak == 4


async def test_early_break_leaves_nothing_running(api: FakeAPI) -> None:
    server = ReportServer(10_000, delay=0.005)
    install(api, server)
    async with make_session() as lux:
        seen = 0
        async for _ in lux.account.reports.delivery("smtp", page_size=10, concurrency=4):
            seen += 1
            if seen == 25:
                break
        assert server.in_flight == 0
        # first page, then one window of 4: nothing is fetched ahead beyond the bound
        assert len(server.asked) <= 1 + 4
        await anyio.sleep(0.05)
        assert server.in_flight == 0
        assert len(server.asked) <= 1 + 4


async def test_rows_come_from_a_generator_the_event_loop_never_finalises(api: FakeAPI) -> None:
    """Dropped after a few rows, the row generator closes itself in place: the loop's hooks
    never see it (trio warns about each unfinished one they do), and are left unchanged."""
    install(api, ReportServer(100))
    handed: list[weakref.ref[Any]] = []
    hooks = sys.get_asyncgen_hooks()
    assert hooks.firstiter is not None  # both loops install them

    def firstiter(agen: Any) -> None:
        handed.append(weakref.ref(agen))
        hooks.firstiter(agen)  # type: ignore[misc]

    sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=hooks.finalizer)
    try:
        async with make_session() as lux:
            report = lux.paginate("/account/{account}/report/email/smtp/delivery", page_size=10)
            rows = aiter(report)
            assert sys.get_asyncgen_hooks().firstiter is firstiter
            assert [(await anext(rows))["seq"] for _ in range(3)] == [0, 1, 2]
            assert not any(ref() is rows for ref in handed)
            del rows
    finally:
        sys.set_asyncgen_hooks(firstiter=hooks.firstiter, finalizer=hooks.finalizer)


async def test_a_page_read_to_its_end_is_let_go_before_the_next_is_fetched(
    api: FakeAPI,
) -> None:
    server = ReportServer(40)
    alive: list[int] = []

    async def answer(request: httpx2.Request) -> httpx2.Response:
        alive.append(sum(isinstance(o, RowList) for o in gc.get_objects()))
        return await server(request)

    api.on("GET", PATH, answer)  # type: ignore[arg-type]
    async with make_session() as lux:
        report = lux.paginate(
            "/account/{account}/report/email/smtp/delivery", page_size=10, concurrency=1
        )
        seen = 0
        async for _ in report:
            seen += 1
    assert seen == 40
    assert alive == [0, 0, 0, 0]  # at each of the four fetches, no earlier page still held


def _python_calls_in(module: Any) -> tuple[list[str], Any]:
    """The names of the Python frames of ``module`` entered (or resumed) while profiling."""
    names: list[str] = []
    path = module.__file__

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_filename == path:
            names.append(frame.f_code.co_qualname)

    return names, profile


def _pages_of(pages: list[RowList]) -> Any:
    class Page:
        def __init__(self, rows: RowList) -> None:
            self.rows = rows

    async def each() -> Any:
        for rows in pages:
            yield Page(rows)

    return each()


async def test_a_mapping_row_is_made_without_a_python_call() -> None:
    """Per row, only the row generator's own frame runs: making a Row calls no Python code
    (a Python ``__init__`` per row was ~40% of what a row cost)."""
    from luxsci_async import _rows

    ready = [
        _rows.mapping_rows(["n", "sq"], [[i, i * i] for i in range(start, start + 500)])
        for start in (0, 500)
    ]
    names, profile = _python_calls_in(_rows)
    got = []
    rows = _rows.each_row(_pages_of(ready))
    sys.setprofile(profile)
    try:
        async for row in rows:
            got.append(row)
    finally:
        sys.setprofile(None)
    assert [(r["n"], r["sq"]) for r in got] == [(i, i * i) for i in range(1000)]
    assert all(type(r) is Row for r in got)
    assert {*names} == {"_each_row"}  # resumed once per row, and nothing else ran
    assert names.count("_each_row") == 1000 + 1  # a step per row, and the last, which ends

    names.clear()
    page = _rows.mapping_rows(["n"], [[i] for i in range(300)])
    again = []
    sys.setprofile(profile)
    try:
        for row in page:
            again.append(row)
    finally:
        sys.setprofile(None)
    assert [r["n"] for r in again] == list(range(300))
    assert names == ["RowList.__iter__"] * 301
    assert page[7] == {"n": 7} == again[7]


async def test_cancellation_mid_pull_leaves_nothing_running(api: FakeAPI) -> None:
    server = ReportServer(10_000, delay=0.01)
    install(api, server)
    got: list[Any] = []
    async with make_session() as lux:
        with anyio.move_on_after(0.05):
            async for row in lux.account.reports.delivery("smtp", page_size=10, concurrency=4):
                got.append(row)
        await anyio.sleep(0.03)
        assert server.in_flight == 0
    assert [r.extra["seq"] for r in got] == list(range(len(got)))


async def test_resume_from_start_row(api: FakeAPI) -> None:
    rows, server = await pull(50, api, page_size=10, start_row=23)
    assert [r.extra["seq"] for r in rows] == list(range(23, 50))
    assert server.asked[0] == (23, 10)


async def test_failed_page_is_retried_without_loss_or_duplicates(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    server = ReportServer(60)
    server.failures[30] = [fail(503, "busy"), fail(500, "oops")]
    install(api, server)
    async with make_session(max_retries=3) as lux:
        rows = [r async for r in lux.account.reports.delivery("smtp", page_size=10, concurrency=3)]
    assert [r.extra["seq"] for r in rows] == list(range(60))
    assert server.asked.count((30, 10)) == 3


async def test_page_failing_after_retries_names_the_resume_row(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    server = ReportServer(60)
    server.failures[40] = [fail(503, "down")] * 10
    install(api, server)
    got: list[Any] = []
    async with make_session(max_retries=1) as lux:
        with pytest.raises(PaginationError) as info:
            async for row in lux.account.reports.delivery("smtp", page_size=10, concurrency=4):
                got.append(row)
        assert info.value.resume_row == 40
        assert [r.extra["seq"] for r in got] == list(range(40))
        # resuming finishes the pull with nothing lost or repeated
        server.failures.clear()
        rest = [r async for r in lux.account.reports.delivery("smtp", page_size=10, start_row=40)]
    assert [r.extra["seq"] for r in got + rest] == list(range(60))


async def test_short_pages_are_refetched_from_where_they_ended(api: FakeAPI) -> None:
    rows, server = await pull(100, api, page_size=30, concurrency=3, max_rows=20)
    assert [r.extra["seq"] for r in rows] == list(range(100))


async def test_malformed_page_is_a_typed_error(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok({"header": ["a", "b"], "rows": [[1]], "total_rows": 1})])
    async with make_session() as lux:
        with pytest.raises(PaginationError) as info:
            _ = [r async for r in lux.account.reports.delivery("smtp")]
    assert "malformed report page" in str(info.value)
    assert info.value.resume_row == 0


def _no_failure(row: Any, exc: Exception) -> Any:
    raise AssertionError(f"row {row!r} failed: {exc!r}")


def test_fast_and_careful_row_builders_agree() -> None:
    """The row iterator's fast path and its careful fallback give identical rows."""
    from luxsci_async._rows import _row_builder, typed_row_iterator

    header = ("date", "message_id", "recipient", "status", "size_hint", "date")
    rows: list[list[Any]] = [
        ["2024-01-01 00:00:01", "m1", "a@x.org", "delivered", 1, "dup"],  # fast path
        [None, "m2", "b@x.org", None, 2, "dup"],  # None date -> careful
        ["2024-01-02", 3, "c@x.org", "bounced", None, "dup"],  # date only, int for str
        ["2024-01-03T04:05:06+02:00", "m4", "d@x.org", "queued", 4, "dup"],  # an offset
    ]
    fast = list(typed_row_iterator(DeliveryRow, header)(rows, _no_failure))
    careful = [_row_builder(DeliveryRow, header)(r) for r in rows]
    assert fast == careful
    assert fast[0].date == datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert fast[1].date is None
    assert fast[2].message_id == "3"
    assert fast[2].date == datetime(2024, 1, 2, tzinfo=UTC)
    assert fast[3].date == datetime(2024, 1, 3, 2, 5, 6, tzinfo=UTC)
    assert fast[0].extra == {"size_hint": 1, "date": "dup"}
    assert fast[0].status_detail is None  # a column the page lacks gets the default
    # The page decoder refuses rows of another length; given one, the fast path's unpacking
    # refuses it too, and the careful path decides (it reads the header's cells).
    longer = [[*rows[0], "surplus"]]
    assert list(typed_row_iterator(DeliveryRow, header)(longer, _no_failure)) == [fast[0]]


def test_a_date_only_cell_on_the_fast_path_is_aware_midnight() -> None:
    from luxsci_async._rows import typed_row_iterator

    header = ("date", "message_id", "updated")
    rows = [["2024-01-02", "m1", "2024-01-02 03:04:05"]]  # every other cell fast-path ready
    [row] = typed_row_iterator(DeliveryRow, header)(rows, _no_failure)
    assert row.date == datetime(2024, 1, 2, tzinfo=UTC)
    assert row.date.tzinfo is not None
    assert row.updated == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@settings(max_examples=150, derandomize=True, deadline=None)
@given(keep=st.lists(st.booleans(), min_size=1, max_size=30), page_size=st.integers(1, 7))
def test_a_row_the_caller_keeps_is_never_filled_again(
    keep: list[bool], page_size: int, backend: str
) -> None:
    """Rows let go are filled again for later rows; whichever rows a caller keeps, each still
    reads as its own row once the pull is over, over report iteration and ``page.rows``."""
    from luxsci_async._rows import each_row, mapping_rows

    cells: list[Any] = [[n, f"v{n}"] for n in range(len(keep))]
    pages = [
        mapping_rows(["n", "v"], cells[i : i + page_size]) for i in range(0, len(cells), page_size)
    ]
    expected = [{"n": n, "v": f"v{n}"} for n in range(len(keep))]

    async def pull() -> tuple[list[Any], list[Any]]:
        seen, kept = [], []
        async for row in each_row(_pages_of(pages)):
            seen.append(dict(row))
            if keep[row["n"]]:
                kept.append(row)
        return seen, kept

    seen, kept = anyio.run(pull, backend=backend)
    assert seen == expected
    assert [dict(row) for row in kept] == [expected[n] for n in range(len(keep)) if keep[n]]

    seen, kept = [], []
    for page in pages:
        for row in page:
            seen.append(dict(row))
            if keep[row["n"]]:
                kept.append(row)
    assert seen == expected
    assert [dict(row) for row in kept] == [expected[n] for n in range(len(keep)) if keep[n]]


async def test_rows_let_go_are_filled_again_rather_than_made(monkeypatch: Any) -> None:
    """A caller that lets each row go gets two rows taking turns per page; one that keeps
    them gets a row each (a Row made and freed was a third of what a mapping row adds)."""
    from luxsci_async import _rows

    made = 0

    class Counted(Row):
        __slots__ = ()

        def __new__(cls) -> Counted:
            nonlocal made
            made += 1
            return super().__new__(cls)

    monkeypatch.setattr(_rows, "Row", Counted)
    pages = [_rows.mapping_rows(["n"], [[n] for n in range(s, s + 500)]) for s in (0, 500)]
    total = 0
    async for row in _rows.each_row(_pages_of(pages)):
        total += row["n"]
    assert (total, made) == (sum(range(1000)), 2 * 2)

    made = 0
    kept = [row async for row in _rows.each_row(_pages_of(pages))]
    assert ([row["n"] for row in kept], made) == (list(range(1000)), 1000)

    made = 0
    assert sum(row["n"] for row in pages[1]) == sum(range(500, 1000))
    assert made == 2
    made = 0
    assert [row["n"] for row in list(pages[0])] == list(range(500))
    assert made == 500

    monkeypatch.setattr(_rows, "_references", _rows._never_alone)
    made = 0
    assert sum(row["n"] for row in pages[0]) == sum(range(500))
    assert made == 500


def test_rows_are_reused_only_where_reference_counts_show_who_holds_them(
    monkeypatch: Any,
) -> None:
    """The loops reuse rows only after showing, on themselves, that a kept row is never
    handed out again; counts one short (a borrowed reference) or another runtime turn it off."""
    from luxsci_async import _rows

    assert _rows._references is sys.getrefcount
    assert _rows._kept_rows_stay_whole()
    assert _rows._choose_references() is sys.getrefcount

    monkeypatch.setattr(_rows, "_references", lambda row: sys.getrefcount(row) - 2)
    assert not _rows._kept_rows_stay_whole()
    assert _rows._choose_references() is _rows._never_alone

    monkeypatch.setattr(_rows, "_references", sys.getrefcount)
    monkeypatch.setattr(sys, "implementation", type("Other", (), {"name": "pypy"})())
    assert _rows._choose_references() is _rows._never_alone


@settings(max_examples=400, derandomize=True)
@given(
    st.one_of(
        st.text(alphabet="0123456789-: TZW.+", min_size=8, max_size=26),
        st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M:%S")),
        st.dates().map(str),
    )
)
# Forms of other lengths that the fast path reads too: a week date, minutes only, a
# fraction, a trailing space; and ones it leaves to the careful path.
@example("2024W01T00")
@example("2024-01-01T00:00")
@example("2024-01-01 00:00:00.5")
@example("2024-01-01 00:00:00 ")
@example(" 2024-01-01 00:00:00")
@example("2024-01-01 00:00:00+01:00")
def test_fast_and_careful_dates_agree(text: str) -> None:
    """For any date cell the fast path gives the careful path's result, or defers to it."""
    from luxsci_async._rows import _row_builder, typed_row_iterator

    header = ("date", "message_id")
    careful = _row_builder(DeliveryRow, header)
    try:
        expected: Any = careful([text, "m"])
    except (TypeError, ValueError) as exc:
        expected = type(exc)

    def fail(row: Any, exc: Exception) -> Any:
        raise exc

    try:
        [got] = typed_row_iterator(DeliveryRow, header)([[text, "m"]], fail)
    except (TypeError, ValueError) as exc:
        got = type(exc)
    assert got == expected
    if isinstance(got, DeliveryRow) and got.date is not None:
        assert got.date.tzinfo is not None


def test_typed_row_list_builds_rows_when_reached() -> None:
    from luxsci_async._rows import TypedRowList, typed_row_iterator

    header = ("date", "message_id")
    cells: list[list[Any]] = [[f"2024-01-01 00:00:0{i}", f"m{i}"] for i in range(4)]
    failures: list[tuple[Any, Exception]] = []

    def fail(row: Any, exc: Exception) -> Any:
        failures.append((row, exc))
        raise ValueError("bad row")

    rows = TypedRowList[DeliveryRow](cells, typed_row_iterator(DeliveryRow, header), fail)
    assert len(rows) == 4
    assert [r.message_id for r in rows] == ["m0", "m1", "m2", "m3"]
    assert list(rows) == list(rows)  # built again, equal
    assert rows[-1].date == datetime(2024, 1, 1, 0, 0, 3, tzinfo=UTC)
    assert [r.message_id for r in rows[1:3]] == ["m1", "m2"]
    assert "4 rows" in repr(rows)
    assert rows == list(rows)  # compared row by row, built again each time
    assert rows == tuple(rows)
    assert rows[1:3] == rows[1:3] != rows[0:2]
    assert rows != list(rows)[:3]
    assert rows != "not rows"

    cells[2][0] = "the day after"  # a bad cell is only found when its row is reached
    it = iter(rows)
    assert [next(it).message_id, next(it).message_id] == ["m0", "m1"]
    with pytest.raises(ValueError, match="bad row"):
        next(it)
    assert failures[0][0] is cells[2]
    assert "the day after" in str(failures[0][1])
    with pytest.raises(ValueError, match="bad row"):
        rows[2]


def test_a_row_is_never_handed_out_unbuilt_even_if_fail_returns() -> None:
    from luxsci_async._rows import typed_row_iterator

    seen: list[Any] = []
    iterate = typed_row_iterator(DeliveryRow, ("date", "message_id"))
    rows = iterate([["2024-01-01 00:00:00", "m0"], ["never", "m1"]], lambda r, e: seen.append(r))
    assert next(rows).message_id == "m0"
    with pytest.raises(ValueError, match="never"):  # the conversion error itself
        next(rows)
    assert seen == [["never", "m1"]]


def test_row_list_compares_and_slices_like_a_sequence() -> None:
    from luxsci_async._rows import mapping_rows

    rows = mapping_rows(["a", "b"], [[1, "x"], [2, "y"], [3, "z"]])
    assert len(rows) == 3
    assert rows[-1]["b"] == "z"
    assert rows == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}, {"a": 3, "b": "z"}]
    assert rows[1:] == mapping_rows(["a", "b"], [[2, "y"], [3, "z"]])
    assert rows != rows[1:]
    assert repr(rows) == "RowList(3 rows)"
    with pytest.raises(TypeError):
        hash(rows)


async def test_bad_cell_ends_the_pull_at_its_row(api: FakeAPI) -> None:
    """Every row before a row that cannot be built is handed out, then the pull stops."""
    rows = [[i, f"2024-01-01 00:00:{i:02d}", f"r{i}@x.org", "delivered", 0] for i in range(30)]
    rows[13][1] = "not a date"
    pages = [
        ok({"header": HEADER, "rows": rows[first : first + 10], "total_rows": 30})
        for first in (0, 10, 20)
    ]
    api.on("GET", PATH, pages)
    got: list[Any] = []
    async with make_session() as lux:
        iterator = aiter(lux.account.reports.delivery("smtp", page_size=10, concurrency=1))
        with pytest.raises(PaginationError) as info:
            async for row in iterator:
                got.append(row)
        assert [r.extra["seq"] for r in got] == list(range(13))
        assert (info.value.resume_row, info.value.bad_row) == (13, 13)
        cause = info.value.__cause__
        assert isinstance(cause, ResponseValidationError)
        assert "malformed report row 13" in cause.message
        assert "not a date" in cause.message
        assert "not a date" in cause.body
        with pytest.raises(StopAsyncIteration):  # nothing after the bad row is handed out
            await iterator.__anext__()


async def test_bad_cell_read_through_pages_resumes_at_its_page(api: FakeAPI) -> None:
    """Whoever reads ``page.rows`` whole kept none of that page: the documented resume
    loop (docs/reports.md) must lose no row when it resumes at ``resume_row``."""
    state = {"mended": False}

    def answer(request: httpx2.Request) -> httpx2.Response:
        first = int(dict(parse_qsl(request.url.query.decode()))["first_row"])
        rows = [
            [i, f"2024-01-01 00:00:{i:02d}", f"r{i}@x.org", "delivered", 0]
            for i in range(first, min(30, first + 10))
        ]
        if first == 10 and not state["mended"]:
            rows[3][1] = "not a date"  # row 13
        return ok({"header": HEADER, "rows": rows, "total_rows": 30})

    api.on("GET", PATH, answer)
    stored: list[int] = []
    errors: list[tuple[int, int | None]] = []
    next_row = 0
    async with make_session() as lux:
        while True:
            report = lux.account.reports.delivery(
                "smtp", page_size=10, concurrency=1, start_row=next_row
            )
            try:
                async for page in report.pages():
                    stored.extend([r.extra["seq"] for r in page.rows])  # all or nothing
                    next_row = page.next_row
                break
            except PaginationError as exc:
                errors.append((exc.resume_row, exc.bad_row))
                next_row = exc.resume_row
                state["mended"] = True
    assert errors == [(10, 13)]
    assert stored == list(range(30))


def test_paused_gc_restores_the_collector() -> None:
    """Large bodies are decoded with the GC paused; it is back on afterwards, errors included."""
    import gc

    from luxsci_async._envelope import paused_gc

    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        raise ValueError("decoding failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # the caller's choice is left alone
    finally:
        gc.enable()


@pytest.mark.parametrize(("size", "paused"), [(100, False), (1 << 17, True)])
def test_only_large_bodies_are_decoded_with_the_gc_paused(
    monkeypatch: pytest.MonkeyPatch, size: int, paused: bool
) -> None:
    import gc

    import orjson

    from luxsci_async import _envelope
    from luxsci_async._wire import RawResponse

    seen: list[bool] = []
    real_loads = orjson.loads

    def loads(content: bytes) -> Any:
        seen.append(gc.isenabled())
        return real_loads(content)

    monkeypatch.setattr(_envelope.orjson, "loads", loads)
    body = orjson.dumps({"success": 1, "data": "x" * size})
    raw = RawResponse(status=200, headers={}, content=body)
    data, _ = _envelope.read(raw, "GET", "/x")
    assert data == "x" * size
    assert seen == [not paused]
    assert gc.isenabled()


# -- pages planned for a rate budget -------------------------------------------------------


async def test_with_a_rate_limit_pulls_ask_for_the_largest_pages_one_at_a_time(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    from luxsci_async import RateLimit

    server = ReportServer(120_000)
    install(api, server)
    async with make_session(rate_limit=RateLimit(per_minute=60)) as lux:
        report = lux.account.reports.delivery("smtp")
        assert (report.page_size, report.window) == (50_000, 1)
        rows = [r.extra["seq"] async for r in report]
    assert rows == list(range(120_000))
    assert [matches for _, matches in server.asked] == [50_000] * 3
    assert server.peak == 1  # never a second large page in flight


async def test_large_pages_cut_short_lose_and_repeat_nothing(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    from luxsci_async import RateLimit

    server = ReportServer(110_000, max_rows=30_000)  # the server sends less than asked
    install(api, server)
    async with make_session(rate_limit=RateLimit(per_minute=60)) as lux:
        rows = [r.extra["seq"] async for r in lux.account.reports.delivery("smtp")]
    assert rows == list(range(110_000))
    assert [first for first, _ in server.asked] == [0, 30_000, 60_000, 90_000]


async def test_without_a_rate_limit_the_default_page_and_window_stay(api: FakeAPI) -> None:
    from luxsci_async._defaults import PAGE_SIZE

    async with make_session() as lux:
        report = lux.account.reports.delivery("smtp")
    assert (report.page_size, report.window) == (PAGE_SIZE, 8)


def test_typed_rows_built_through_a_twin_are_genuine_frozen_rows() -> None:
    """Rows filled on a twin class and switched to the row class are the row class's own."""
    import attrs

    from luxsci_async._rows import typed_row_iterator
    from luxsci_async._slots import slot_twin

    twin = slot_twin(DeliveryRow)
    # Every report row class takes the fast stores, through the cheaper subclass twin.
    assert twin is not None
    assert issubclass(twin, DeliveryRow)
    header = ("date", "message_id", "recipient", "status")
    cells = [["2024-01-01 00:00:01", "m1", "a@x.org", "delivered"]]
    (row,) = typed_row_iterator(DeliveryRow, header)(cells, _no_failure)
    assert type(row) is DeliveryRow
    assert row == DeliveryRow(
        date=datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC),
        message_id="m1",
        recipient="a@x.org",
        status="delivered",
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.status = "bounced"  # type: ignore[misc]


def test_a_row_class_whose_layout_has_no_twin_is_built_through_its_setters() -> None:
    import attrs

    from luxsci_async._rows import typed_row_iterator
    from luxsci_async._slots import slot_twin

    # A __weakref__ slot (no sibling twin can match it) and a hook on subclassing.
    @attrs.frozen(kw_only=True)
    class Plain(SubclassHook):
        name: str | None = None
        size: int | None = None

    assert slot_twin(Plain) is None
    (row,) = typed_row_iterator(Plain, ("name", "size"))([["a", 1]], _no_failure)
    assert row == Plain(name="a", size=1)


def test_a_row_class_with_a_weakref_slot_is_filled_through_a_subclass_twin() -> None:
    """attrs' default layout (with ``__weakref__``) takes the fast stores too."""
    import weakref

    import attrs

    from luxsci_async._rows import typed_row_iterator
    from luxsci_async._slots import slot_twin

    @attrs.frozen(kw_only=True)
    class Plain:
        name: str | None = None
        size: int | None = None

    twin = slot_twin(Plain)
    assert twin is not None
    assert issubclass(twin, Plain)
    rows = typed_row_iterator(Plain, ("name", "size"))([["a", 1], ["b", 2]], _no_failure)
    first, second = rows
    assert (type(first), type(second)) == (Plain, Plain)
    assert (first, second) == (Plain(name="a", size=1), Plain(name="b", size=2))
    assert weakref.ref(first)() is first
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.name = "c"  # type: ignore[misc]


@pytest.mark.parametrize("hook", ["__new__", "__del__", "__init_subclass__"])
def test_a_row_class_with_hooks_gets_a_twin_that_runs_none_of_them(hook: str) -> None:
    """A subclass twin would run its class's ``__new__`` per row, or ``__del__`` on a twin
    dropped half filled: such classes get the sibling twin, which inherits nothing."""
    import attrs

    from luxsci_async._rows import typed_row_iterator
    from luxsci_async._slots import slot_twin

    ran: list[str] = []

    def record(cls_or_self: Any, *args: Any, **kwargs: Any) -> Any:
        ran.append(hook)
        return object.__new__(cls_or_self) if hook == "__new__" else None

    body = {"__new__": record} if hook == "__new__" else {}
    if hook == "__del__":
        body["__del__"] = record
    if hook == "__init_subclass__":
        body["__init_subclass__"] = classmethod(record)
    fields = {"__annotations__": {"name": "str | None", "size": "int | None"}}
    made = type("Plain", (), {**fields, "name": None, "size": None, **body})
    Plain: Any = attrs.frozen(kw_only=True, weakref_slot=False)(made)

    ran.clear()
    twin = slot_twin(Plain)
    assert twin is not None
    assert not issubclass(twin, Plain)
    cells: list[list[Any]] = [["a", 1], ["b", "7"]]  # the second goes the careful way
    rows = list(typed_row_iterator(Plain, ("name", "size"))(cells, _no_failure))
    # Only the careful path's own construction runs __new__; no twin ran a hook.
    assert ran == (["__new__"] if hook == "__new__" else [])
    assert rows == [Plain(name="a", size=1), Plain(name="b", size=7)]


class _Text(str):
    """A str subclass: no decoder makes one, but the fast path must still agree on it."""


_DECODED_CELLS = st.one_of(
    st.text(max_size=5),
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.text(max_size=3).map(_Text),
)


@settings(max_examples=300, derandomize=True)
@given(st.lists(_DECODED_CELLS, min_size=4, max_size=4))
def test_fast_and_careful_text_cells_agree(cells: list[Any]) -> None:
    """Whatever a decoder gives for a text column, the fast path's row is the careful one's."""
    from luxsci_async._rows import _row_builder, typed_row_iterator

    header = ("message_id", "sender", "status", "source")
    careful = _row_builder(DeliveryRow, header)(cells)
    [fast] = typed_row_iterator(DeliveryRow, header)([cells], _no_failure)
    assert fast == careful
    for name in ("message_id", "sender", "status", "source"):
        assert getattr(fast, name) is None or type(getattr(fast, name)) is str
