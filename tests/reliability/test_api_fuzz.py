"""The server's OpenAPI schema fuzzed with schemathesis: no 500, no answer outside the schema.

Every operation of /openapi.json gets generated requests (valid and not) from a live server,
with a real token (a fresh account for logout and account deletion, which end it) and the
protocol header; `POST /sync` bodies say protocol 1 so that they reach the exchange. Checks:
no server error, documented status codes, content types, headers and response bodies.
"""

from __future__ import annotations

import schemathesis
from fuzz import replay_hint, scale, seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from schemathesis import checks

EXAMPLES = 25  # per operation in CI; TEAM_FUZZ_SCALE multiplies
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]
# Logging out (this device, or any by its id) and deleting the account end the token.
ENDS_THE_ACCOUNT = {
    "POST /api/v1/logout",
    "DELETE /api/v1/me",
    "DELETE /api/v1/me/devices/{device_id}",
}
SET_BY_THE_TEST = {"authorization", "x-team-protocol"}


def _fuzz(operation, server, run_seed: int) -> dict[int, int]:
    account = {"now": server.new_account("fuzz")}
    statuses: dict[int, int] = {}

    @hypothesis_seed(run_seed)
    @settings(
        max_examples=EXAMPLES * scale(),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case) -> None:
        for name in list(case.headers or {}):
            if name.lower() in SET_BY_THE_TEST:
                del case.headers[name]
        if operation.label == "POST /api/v1/sync" and isinstance(case.body, dict):
            case.body["protocol"] = 1
        if operation.label in ENDS_THE_ACCOUNT:
            account["now"] = server.new_account("fuzz")
        headers = {"Authorization": f"Bearer {account['now'].token}", "X-Team-Protocol": "1"}
        response = case.call_and_validate(base_url=server.url, headers=headers, checks=CHECKS)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    run()
    return statuses


def test_every_operation_answers_within_its_schema(sqlite_server):
    schema = schemathesis.openapi.from_url(sqlite_server.url + "/openapi.json")
    run_seed = seeds("api-fuzz", 1)[0]
    failures, figures = [], {}
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            figures[operation.label] = _fuzz(operation, sqlite_server, run_seed)
        except Exception as error:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures) + f"\n{replay_hint(run_seed)}"
    assert len(figures) >= 20
    assert sum(sum(counts.values()) for counts in figures.values()) >= 15 * len(figures)


def test_the_schema_says_what_errors_and_downloads_really_are(sqlite_server):
    """Regression: the schema said a 422's detail was a list (it is a French sentence), listed
    no 401/404/426 anywhere, and no content type for pack, file and Mes données downloads."""
    document = sqlite_server.session().get(sqlite_server.url + "/openapi.json").json()
    error = document["components"]["schemas"]["HTTPValidationError"]
    assert error["properties"]["detail"]["type"] == "string"
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "default" in operation["responses"], f"{method} {path}"
    downloads = {
        "/api/v1/packs/{pack_id}/{version}": "application/zip",
        "/api/v1/blobs/{digest}": "application/octet-stream",
        "/api/v1/me/data.zip": "application/zip",
    }
    for path, media_type in downloads.items():
        assert media_type in document["paths"][path]["get"]["responses"]["200"]["content"]


def test_the_schema_publishes_each_kinds_strict_data(sqlite_server):
    """Schemathesis fuzzes `POST /sync` with these: a second client can be written from them."""
    document = sqlite_server.session().get(sqlite_server.url + "/openapi.json").json()
    schemas = document["components"]["schemas"]
    for kind in ("Entry", "Note", "Comment", "Progress", "Bookmark", "Time", "Quiz", "Answer"):
        assert schemas[f"{kind}Data"]["additionalProperties"] is False, kind
    assert schemas["EntryData"]["properties"]["deleted"]["type"] == "boolean"
    assert schemas["Attachment"]["properties"]["hash"]["pattern"] == "^[0-9a-f]{64}$"
