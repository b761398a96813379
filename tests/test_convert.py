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


def _models_and_samples() -> list[tuple[str, type[Any], Any]]:
    import typing

    import attrs

    from luxsci_async import routes

    from .samples import SAMPLES

    cases = []
    for route in routes:
        tp, data = route.response, SAMPLES.get(route.operation_id)
        if data is None or tp is None:
            continue
        if typing.get_origin(tp) is list and data:
            tp, data = typing.get_args(tp)[0], data[0]
        if isinstance(tp, type) and attrs.has(tp) and isinstance(data, dict):
            cases.append((route.operation_id, tp, data))
    return cases


MODEL_SAMPLES = _models_and_samples()


@pytest.mark.parametrize(("operation", "cls", "data"), MODEL_SAMPLES, ids=lambda v: str(v)[:30])
def test_the_direct_structure_path_agrees_with_cattrs(operation: str, cls: Any, data: Any) -> None:
    """Models are built directly when the data is plain; cattrs' own path gives the same."""
    from luxsci_async._convert import converter, structure

    careful = converter.get_structure_hook(cls).careful
    assert structure(data, cls) == careful(dict(data))


def test_every_model_sample_is_compared() -> None:
    assert len(MODEL_SAMPLES) > 30


@pytest.mark.parametrize(
    "change",
    [
        {"services": None},  # a tuple field may not be null: cattrs refuses it
        {"services": "smtp"},  # a string is not a list of services
        {"created": "not a date"},
        {"over_quota": "maybe"},
        {"uid": {"a": 1}},
    ],
)
def test_odd_values_take_the_careful_path_with_the_same_outcome(change: dict[str, Any]) -> None:
    from luxsci_async import ResponseValidationError
    from luxsci_async._convert import converter, structure
    from luxsci_async.models import User

    from .samples import SAMPLES

    data = {**SAMPLES["getAccountUsers"][0], **change}
    careful = converter.get_structure_hook(User).careful
    try:
        expected: Any = careful(dict(data))
    except Exception:  # whatever cattrs raises, structure() reports as a typed error
        expected = ResponseValidationError
    if expected is ResponseValidationError:
        with pytest.raises(ResponseValidationError):
            structure(data, User)
    else:
        assert structure(data, User) == expected
