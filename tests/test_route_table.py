"""The route table against the endpoint catalogue, the README's required functions, the models."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

from luxsci_async import models
from luxsci_async._assumptions import API_PREFIX, REPORT_DATE_PARAMS
from luxsci_async._convert import structure
from luxsci_async._routes.spec import Route
from luxsci_async._routes.table import ROUTES
from luxsci_async.models import EncryptionMethod, Job, JobStatus, RecipientEncryption, User

from .samples import SAMPLES

CATALOGUE = Path(__file__).parents[2] / "shared" / "luxsci-api"
CATALOGUE_FILES = ("endpoints-account.yaml", "endpoints-user.yaml")
SCOPE_PARAMS = {"account", "username"}
PAGINATOR_PARAMS = {"first_row", "matches", "destination", "start_row"}


def _catalogue() -> list[dict[str, Any]]:
    yaml = pytest.importorskip("yaml")
    if not all((CATALOGUE / name).is_file() for name in CATALOGUE_FILES):
        pytest.skip(f"endpoint catalogue not found in {CATALOGUE}")
    entries: list[dict[str, Any]] = []
    for name in CATALOGUE_FILES:
        entries.extend(yaml.safe_load((CATALOGUE / name).read_text(encoding="utf-8")))
    return entries


def _route(scope: str, group: str, name: str) -> Route:
    for route in ROUTES:
        if (route.scope, route.group, route.name) == (scope, group, name):
            return route
    raise AssertionError(f"no route {scope}.{group}.{name}")


def _names(params: tuple[Any, ...]) -> list[str]:
    return [p.name for p in params]


# --- (a) the catalogue --------------------------------------------------------------------


def test_every_catalogue_operation_has_a_route() -> None:
    missing = [
        e["operation_id"]
        for e in _catalogue()
        if e["operation_id"] not in ROUTES and e["operation_id"] not in ROUTES.excluded
    ]
    assert not missing, f"operations without a route: {missing}"


def test_excluded_operations_are_catalogue_entries_with_a_reason() -> None:
    ids = {e["operation_id"] for e in _catalogue()}
    for op, reason in ROUTES.excluded.items():
        assert op in ids
        assert op not in ROUTES
        assert reason.strip()


def test_method_and_path_match_the_catalogue_or_record_a_deviation() -> None:
    undocumented = []
    for entry in _catalogue():
        op = entry["operation_id"]
        if op in ROUTES.excluded:
            continue
        route = ROUTES[op]
        ours = (route.method, API_PREFIX + route.path)
        theirs = (entry["method"], entry["path"])
        if ours != theirs and not route.deviation:
            undocumented.append(f"{op}: {ours} != {theirs}")
    assert not undocumented, "\n".join(undocumented)


def test_added_routes_are_marked_and_explained() -> None:
    ids = {e["operation_id"] for e in _catalogue()}
    for route in ROUTES:
        if route.operation_id in ids:
            assert route.evidence != "added", route.operation_id
        else:
            assert route.evidence == "added", route.operation_id
            assert route.deviation, route.operation_id


def test_speculative_catalogue_entries_stay_speculative() -> None:
    for entry in _catalogue():
        if entry.get("evidence_level") == "speculative":
            assert ROUTES[entry["operation_id"]].evidence == "speculative"


# --- (b) path templates -------------------------------------------------------------------


@pytest.mark.parametrize("route", list(ROUTES), ids=lambda r: r.operation_id)
def test_path_template_matches_path_params(route: Route) -> None:
    names = re.findall(r"{(\w+)}", route.path)
    assert [n for n in names if n not in SCOPE_PARAMS] == _names(route.path_params)
    prefix = {"account": "/account/{account}/", "user": "/user/{username}/", "auth": "/auth"}
    assert route.path.startswith(prefix[route.scope])
    assert not route.path.startswith(API_PREFIX)
    assert route.summary.strip()
    assert "\n" not in route.summary


@pytest.mark.parametrize("route", list(ROUTES), ids=lambda r: r.operation_id)
def test_parameter_names_are_unique_and_python_identifiers(route: Route) -> None:
    names = _names(route.params)
    assert len(names) == len(set(names))
    assert all(n.isidentifier() and n not in ("self", "pass") for n in names)
    assert sum(p.positional for p in route.params) <= 1
    assert sum(p.merge for p in route.query) <= 1
    assert sum(p.merge for p in route.body) <= 1


@pytest.mark.parametrize("route", [r for r in ROUTES if r.paginated], ids=lambda r: r.operation_id)
def test_report_routes_leave_paging_to_the_paginator(route: Route) -> None:
    assert route.response is None
    assert route.method == "GET"
    assert _names(route.query) == list(REPORT_DATE_PARAMS)
    assert not PAGINATOR_PARAMS & set(_names(route.query))
    assert all(p.kind == "datetime" for p in route.query)
    source = [p for p in route.path_params if p.name == "source"]
    if source:
        assert source[0].allowed == ("smtp", "webmail")


# --- (c) samples decode into the response types ---------------------------------------------


def test_every_route_has_a_sample() -> None:
    assert set(SAMPLES) == {r.operation_id for r in ROUTES}


@pytest.mark.parametrize("route", list(ROUTES), ids=lambda r: r.operation_id)
def test_sample_structures_into_response(route: Route) -> None:
    sample = SAMPLES[route.operation_id]
    if route.report is not None:
        header, rows = sample["header"], sample["rows"]
        assert isinstance(sample["total_rows"], int)
        assert rows
        for row in rows:
            assert len(row) == len(header)
            decoded = structure(dict(zip(header, row, strict=True)), route.report.row)
            assert not decoded.extra, f"columns not on {route.report.row.__name__}"
    elif route.response is None:
        assert sample is None
    else:
        assert sample is not None
        structure(sample, route.response)


# --- (d) models tolerate what the server may add --------------------------------------------

MODEL_CLASSES = [
    getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_model_conventions(cls: type[Any]) -> None:
    fields = attrs.fields(cls)
    assert fields[-1].name == "extra"
    assert all(f.default is not attrs.NOTHING for f in fields)
    assert (cls.__doc__ or "").strip()
    assert structure({}, cls) == cls()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cls().extra = {}


def test_unknown_keys_land_in_extra() -> None:
    user = structure({"uid": "7", "user": "a@x.org", "brand_new": [1, 2]}, User)
    assert user.uid == 7
    assert user.extra == {"brand_new": [1, 2]}


def test_unknown_enum_values_are_tolerated() -> None:
    job = structure({"job_id": 1, "status": "paused"}, Job)
    assert job.status == "paused"
    check = structure([{"address": "a@x.org", "method": "quantum"}], list[RecipientEncryption])
    assert check[0].method == "quantum"


def test_enum_values_become_members() -> None:
    assert structure({"status": "complete"}, Job).status is JobStatus.COMPLETE
    job = structure({"status": "paused"}, Job)
    assert isinstance(job.status, JobStatus)
    assert job.status.value == "paused"
    check = structure([{"method": "quantum"}], list[RecipientEncryption])
    assert isinstance(check[0].method, EncryptionMethod)


def test_datetimes_and_flags_are_parsed() -> None:
    user = structure({"created": "2021-04-08 13:46:02", "over_quota": "1"}, User)
    assert user.created is not None
    assert user.created.utcoffset() is not None
    assert user.created.isoformat() == "2021-04-08T13:46:02+00:00"
    assert user.over_quota is True


def test_report_rows_keep_unknown_columns() -> None:
    row = structure({"date": "2024-03-01 10:00:00", "spam_score": 2.5}, models.DeliveryRow)
    assert row.extra == {"spam_score": 2.5}


# --- (e) the README's required functions --------------------------------------------------


@pytest.mark.parametrize(
    ("group", "name"),
    [
        ("marketing", "list_contacts"),
        ("marketing", "get_contact"),
        ("marketing", "insert_contact"),
        ("marketing", "update_contact"),
        ("marketing", "delete_contact"),
        ("marketing", "list_lists"),
        ("marketing", "get_list"),
        ("marketing", "insert_list"),
        ("marketing", "update_list"),
        ("marketing", "delete_list"),
        ("marketing", "list_contacts_of_list"),
        ("marketing", "statistics"),
    ],
)
def test_secure_marketing_at_account_scope(group: str, name: str) -> None:
    route = _route("account", group, name)
    assert route.path.startswith("/account/{account}/marketing/")


def test_marketing_contacts_need_no_filter() -> None:
    route = _route("account", "marketing", "list_contacts")
    assert not any(p.required for p in route.params)


def test_securesend_users_by_numeric_namespace_id() -> None:
    routes = ROUTES.groups("account")["securesend"]
    assert {r.name for r in routes} >= {"list", "upsert", "set_password", "sso_url"}
    for route in routes:
        assert "/securesend/namespaces/{namespace_id}/users" in route.path
        assert route.path_params[0].name == "namespace_id"
        assert route.path_params[0].kind == "int"
        assert route.deviation


@pytest.mark.parametrize(
    ("scope", "group", "name", "response"),
    [
        ("user", "profile", "sso_url", models.LoginUrl),
        ("account", "securesend", "sso_url", models.LoginUrl),
        ("user", "profile", "branding", models.Branding),
        ("user", "secureline", "check_domain", models.DomainTlsCheck),
        ("user", "secureline", "check_recipients", list[RecipientEncryption]),
        ("account", "servers", "get_status", models.ServerStatus),
        ("account", "servers", "list", list[models.Server]),
        ("account", "jobs", "get", Job),
        ("user", "jobs", "get", Job),
        ("account", "jobs", "list", list[Job]),
        ("user", "jobs", "list", list[Job]),
        ("user", "profile", "get", models.UserProfile),
        ("account", "users", "list", list[User]),
    ],
)
def test_required_function_present(scope: str, group: str, name: str, response: Any) -> None:
    assert _route(scope, group, name).response == response


def test_recipient_check_takes_recipients_positionally_and_is_retry_safe() -> None:
    route = _route("user", "secureline", "check_recipients")
    assert route.method == "POST"
    assert route.retry_safe
    assert route.idempotent
    first = route.body[0]
    assert (first.name, first.kind, first.positional) == ("to", "str_list", True)
    assert _route("user", "secureline", "send").upload == "attachments"


def test_secure_form_rows_since_index_or_date() -> None:
    route = _route("account", "secure_forms", "list_rows")
    kinds = {p.name: p.kind for p in route.query}
    assert kinds["after_row"] == "int"
    assert kinds["after_date"] == "datetime"
    assert route.deviation
    assert {r.name for r in ROUTES.groups("account")["secure_forms"]} >= {
        "get_row",
        "delete_row",
        "get_file",
        "delete_file",
    }


def test_server_and_job_details_take_their_id() -> None:
    assert "{server}" in _route("account", "servers", "get_status").path
    for scope in ("account", "user"):
        job_id = _route(scope, "jobs", "get").path_params[0]
        assert (job_id.name, job_id.kind, job_id.positional) == ("job_id", "int", True)


REPORT_NAMES = {
    "delivery",
    "clicks",
    "opens",
    "fbl",
    "suppressions",
    "smtp_failures",
    "sent_smtp",
    "sent_webmail",
    "statistics",
}


@pytest.mark.parametrize("scope", ["account", "user"])
def test_reports_at_both_scopes(scope: str) -> None:
    routes = ROUTES.groups(typing.cast(Any, scope))["reports"]
    assert {r.name for r in routes} == REPORT_NAMES
    delivery = _route(scope, "reports", "delivery")
    assert "through_date" in _names(delivery.query)
    assert "to_date" not in _names(delivery.query)
    assert delivery.report is not None
    assert delivery.report.row is models.DeliveryRow


def test_example_usages_are_expressible() -> None:
    status = _route("account", "users", "list").query[0]
    assert (status.name, status.required) == ("status", False)
    create = _route("account", "aliases", "create")
    assert {"user", "domain", "action", "dest"} <= set(_names(create.body))
    action = next(p for p in create.body if p.name == "action")
    assert action.allowed == ("bounce", "email")
    assert _route("account", "jobs", "list").params == ()
    assert _route("user", "profile", "get").params == ()


def test_auth_routes() -> None:
    auth = _route("auth", "auth", "authenticate")
    assert (auth.method, auth.path) == ("POST", "/auth")
    assert next(p for p in auth.body if p.name == "password").wire_name == "pass"
    revoke = _route("auth", "auth", "revoke")
    assert (revoke.method, revoke.path) == ("DELETE", "/auth")


def test_user_management_and_webaides_are_covered() -> None:
    users = {r.name for r in ROUTES.groups("account")["users"]}
    assert users == {"list", "create", "update", "rename", "delete"}
    webaides = _route("user", "webaides", "list")
    assert webaides.path_params[0].allowed == (
        "calendars",
        "tasks",
        "addressbooks",
        "notes",
        "links",
    )
    assert any(p.merge for p in webaides.query)
    rng = _route("user", "calendar", "range")
    assert [p.name for p in rng.query if p.required] == ["start", "end"]
