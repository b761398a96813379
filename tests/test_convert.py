"""Date-time conversion: LuxSci's GMT ``DATETIME`` and the forms tolerated beside it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luxsci_async._assumptions import DATETIME_FORMAT
from luxsci_async._convert import format_datetime, parse_datetime

UTC = UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-29 23:59:59", datetime(2024, 2, 29, 23, 59, 59, tzinfo=UTC)),
        (" 2024-01-01 00:00:01 ", datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)),
        ("2024-01-01", datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01T00:00:01", datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)),
        ("2024-01-01T00:00:01Z", datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)),
        ("2024-01-01T02:00:01+02:00", datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)),
        (1_704_067_201, datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)),
    ],
)
def test_parse_datetime_reads_gmt_and_iso_forms(text: Any, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text", ["2024-13-01 00:00:00", "2024-01-01 24:00:00", "2024-01-01 00:00:0Z", "soon", ""]
)
def test_parse_datetime_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_datetime(text)


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31)))
def test_fast_path_agrees_with_strptime(value: datetime) -> None:
    """The 19-character fast path reads exactly what the format string would."""
    text = value.strftime(DATETIME_FORMAT)
    expected = datetime.strptime(text, DATETIME_FORMAT).replace(tzinfo=UTC)
    assert parse_datetime(text) == expected
    assert format_datetime(parse_datetime(text)) == text
