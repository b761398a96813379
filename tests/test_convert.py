"""Date-time conversion: LuxSci's GMT ``DATETIME`` and the forms tolerated beside it."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luxsci_async._assumptions import DATETIME_FORMAT
from luxsci_async._convert import format_datetime, parse_datetime

from .conftest import SubclassHook

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


def _read(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


@given(
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M:%S")),
    st.lists(st.tuples(st.integers(0, 18), st.sampled_from("0123456789-: TZW.+,")), max_size=4),
)
def test_the_utc_suffix_reads_a_date_as_an_explicit_zero_offset_does(
    text: str, changes: list[tuple[int, str]]
) -> None:
    """``UTC_SUFFIX`` ("Z", the shorter parse) and "+00:00" agree on every 19-character
    text, changed or not: the same aware value, or no value."""
    from luxsci_async._slots import UTC_SUFFIX

    cells = list(text.rjust(19, "0")[-19:])
    for at, char in changes:
        cells[at] = char
    text = "".join(cells)
    got, expected = _read(text + UTC_SUFFIX), _read(text + "+00:00")
    assert got == expected
    if got is not None:
        assert got.tzinfo is UTC
    if not changes:
        assert got is not None  # an unchanged date always reads


@pytest.mark.parametrize("stamp", [6.8e16, -(10**20), 10**30, float("inf")])
def test_a_timestamp_out_of_range_is_a_value_error(stamp: float) -> None:
    """Not the platform's OverflowError or OSError, which would escape as untyped."""
    from luxsci_async import ResponseValidationError
    from luxsci_async._convert import structure
    from luxsci_async.models import User

    with pytest.raises(ValueError, match="timestamp out of range"):
        parse_datetime(stamp)
    with pytest.raises(ResponseValidationError, match="created"):
        structure({"uid": 1, "created": stamp}, User)


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


def test_every_model_is_built_by_a_compiled_function() -> None:
    """Each model with an ``extra`` field gets the generated one-step builder, not the loop."""
    import attrs

    from luxsci_async._convert import converter

    classes = {cls for _, cls, _ in MODEL_SAMPLES}
    assert len(classes) > 20
    for cls in classes:
        hook = converter.get_structure_hook(cls)
        assert hook.__code__.co_filename == f"<structure {cls.__name__}>", cls
        assert attrs.has(cls)


@pytest.mark.parametrize(("operation", "cls", "data"), MODEL_SAMPLES, ids=lambda v: str(v)[:30])
def test_the_three_ways_of_building_a_model_agree(operation: str, cls: Any, data: Any) -> None:
    from luxsci_async._convert import converter

    hook = converter.get_structure_hook(cls)
    built = hook(data, cls)
    assert built == hook.direct(data, cls) == hook.careful(dict(data))
    assert built.extra == hook.careful(dict(data)).extra


@pytest.mark.parametrize(("operation", "cls", "data"), MODEL_SAMPLES, ids=lambda v: str(v)[:30])
def test_objects_with_every_key_or_some_missing_build_as_cattrs_builds_them(
    operation: str, cls: Any, data: Any
) -> None:
    """An object holding every declared key is read in one call; one lacking a key, or
    holding keys the model does not declare, gives what cattrs gives all the same."""
    from luxsci_async._convert import converter, structure, unstructure

    careful = converter.get_structure_hook(cls).careful
    full = unstructure(careful(dict(data)))  # every declared key, and the sample's others
    assert len(full) >= len(data) > 0
    unknown = {**full, "not-declared": [1, "x"]}
    built = structure(unknown, cls)
    assert built == careful(dict(unknown))
    assert built.extra["not-declared"] == [1, "x"]
    assert structure(full, cls) == careful(dict(full))
    for key in list(full)[:3]:
        lacking = {k: v for k, v in unknown.items() if k != key}
        assert structure(lacking, cls) == careful(dict(lacking)), key


def test_a_model_reads_objects_by_the_key_objects_of_the_first_it_read_whole() -> None:
    """Once an object with every key is read, keys are looked up as that object's own key
    objects (orjson hands out the same ones again: found by identity, not compared); an
    object whose keys are other, equal strings still reads the same."""
    import operator

    import attrs
    import orjson

    from luxsci_async._convert import _compiled_structure

    @attrs.frozen(kw_only=True)
    class Pair:
        name: str | None = None
        size: int = 0

    def fallback(value: Any, _: Any) -> Any:
        raise AssertionError(f"took the slower path for {value!r}")

    build = _compiled_structure(Pair, {"name": str | None, "size": int}, fallback)
    assert build is not None
    assert build({"name": "x", "other": 1}, Pair) == Pair(name="x")  # key by key
    assert not isinstance(build.__globals__["pick"], operator.itemgetter)  # nothing adopted
    body = b'{"size":2,"name":"a"}'
    first = orjson.loads(body)
    assert build(first, Pair) == Pair(name="a", size=2)
    pick = build.__globals__["pick"]
    assert isinstance(pick, operator.itemgetter)
    held = pick.__reduce__()[1]
    assert held == ("name", "size")
    own = {key: key for key in first}
    assert all(key is own[key] for key in held)
    again = orjson.loads(body)
    assert all(key is own[key] for key in again)  # what the adoption counts on
    fresh = {"".join(["si", "ze"]): 3, "".join(["na", "me"]): "b"}
    assert not any(key is own[key] for key in fresh)
    assert build(fresh, Pair) == Pair(name="b", size=3)
    assert build(again, Pair) == Pair(name="a", size=2)


_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=25),
    st.sampled_from(["2024-01-02 03:04:05", "2024-01-02", " 2024-01-02 03:04:05", "1", "0"]),
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


@given(
    changes=st.dictionaries(
        st.sampled_from(
            ["uid", "user", "flags", "disk_quota", "over_quota", "created", "unknown", "extra"]
        ),
        _ODD_VALUES,
        max_size=4,
    ),
    dropped=st.sets(st.sampled_from(["uid", "services", "created", "status"]), max_size=2),
)
def test_compiled_builder_gives_what_cattrs_gives(
    changes: dict[str, Any], dropped: set[str]
) -> None:
    """For any values, the compiled builder returns cattrs' result or raises as it would."""
    from luxsci_async import ResponseValidationError
    from luxsci_async._convert import converter, structure
    from luxsci_async.models import User

    from .samples import SAMPLES

    data = {**SAMPLES["getAccountUsers"][0], **changes}
    for key in dropped:
        data.pop(key, None)
    careful = converter.get_structure_hook(User).careful
    try:
        expected: Any = careful(dict(data))
    except Exception:
        with pytest.raises(ResponseValidationError):
            structure(data, User)
        return
    assert structure(data, User) == expected


def test_models_built_through_a_twin_are_genuine_frozen_models() -> None:
    """The compiled builder fills a plain twin, then gives it the model's class."""
    import copy
    import pickle

    import attrs

    from luxsci_async._convert import structure
    from luxsci_async._slots import slot_twin
    from luxsci_async.models import User, UserProfile

    from .samples import SAMPLES

    data = SAMPLES["getAccountUsers"][0]
    twin = slot_twin(UserProfile)
    assert twin is not None
    assert issubclass(twin, UserProfile)
    profile = structure(data, UserProfile)
    assert type(profile) is UserProfile
    assert isinstance(profile, User)
    assert profile.user == data["user"]
    assert profile.services == tuple(data["services"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        profile.user = "x"  # type: ignore[misc]
    assert copy.copy(profile) == profile == pickle.loads(pickle.dumps(profile))
    assert attrs.evolve(profile, city="Paris").city == "Paris"


def test_a_model_whose_layout_has_no_twin_is_built_through_its_setters() -> None:
    import attrs

    from luxsci_async._convert import _compiled_structure
    from luxsci_async._slots import slot_twin

    # A hook on subclassing (no subclass twin) and a __weakref__ slot (no sibling twin).
    @attrs.frozen(kw_only=True)
    class Plain(SubclassHook):
        name: str | None = None
        size: int = 0

    def fallback(value: Any, _: Any) -> Any:
        raise AssertionError(f"took the slower path for {value!r}")

    assert slot_twin(Plain) is None
    build = _compiled_structure(Plain, {"name": str | None, "size": int}, fallback)
    assert build is not None
    built = build({"name": "a", "size": 2}, Plain)
    assert type(built) is Plain
    assert built == Plain(name="a", size=2)
    assert build({}, Plain) == Plain()


@pytest.mark.parametrize("value", [math.inf, -math.inf, 1e400])
def test_an_integer_field_given_infinity_is_a_validation_error(value: float) -> None:
    """``int(inf)`` raises OverflowError, which no path may let escape untyped."""
    from luxsci_async import ResponseValidationError
    from luxsci_async._convert import structure
    from luxsci_async.models import User

    with pytest.raises(ResponseValidationError, match="uid"):
        structure({"uid": value}, User)
    with pytest.raises(ResponseValidationError):
        structure(value, int)
