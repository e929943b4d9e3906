"""The OpenAPI schema and its documentation pages, served from this site (no internet)."""

import base64
import io
import json

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator


def test_the_schema_builds_without_warnings(db):
    out = io.StringIO()
    call_command("spectacular", "--fail-on-warn", "--validate", stdout=out)
    assert "openapi: 3" in out.getvalue()


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_documentation_pages_load_their_assets_from_this_site(client, db, path):
    response = client.get(path)
    content = response.content.decode()
    assert response.status_code == 200
    assert "googleapis" not in content
    assert "/static/drf_spectacular_sidecar/" in content
    assert "<script>" not in content


def test_the_swagger_page_script_is_served_apart(client, db):
    response = client.get("/api/docs/?script=")
    assert response.status_code == 200
    assert "SwaggerUIBundle" in response.content.decode()


@pytest.fixture
def schema(db) -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_error_an_operation_can_give_is_documented_in_the_one_format(schema):
    for name, operation in _operations(schema):
        errors = {code: r for code, r in operation["responses"].items() if code.startswith("4")}
        assert errors, name
        for code, response in errors.items():
            content = response["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (name, code)
            assert content["examples"], (name, code)


def test_every_request_body_has_an_example(schema):
    for name, operation in _operations(schema):
        if "requestBody" in operation:
            assert operation["requestBody"]["content"]["application/json"].get("examples"), name


def test_logging_in_documents_the_lockout(schema):
    responses = schema["paths"]["/api/v1/auth/token/"]["post"]["responses"]
    assert {"LockedOut", "Throttled"} <= set(
        responses["429"]["content"]["application/json"]["examples"]
    )


def test_every_operation_says_what_it_does(schema):
    assert [name for name, operation in _operations(schema) if not operation.get("summary")] == []


@pytest.mark.parametrize("accept", ["application/xml", "6\t}", "text/html;q=0.9"])
def test_an_accept_header_it_cannot_satisfy_still_gets_json(student_api, accept):
    response = student_api.get("/api/v1/me/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_the_schema_still_comes_as_json_when_asked(client, db):
    assert client.get("/api/schema/?format=json")["Content-Type"].startswith(
        "application/vnd.oai.openapi+json"
    )


def _cursor(position: str) -> str:
    return base64.b64encode(f"p={position}".encode()).decode()


@pytest.mark.parametrize(
    ("path", "position"),
    [
        ("/api/v1/quizzes/", "abc"),
        ("/api/v1/articles/", "1' OR 1=1"),
        ("/api/v1/courses/", "\x00"),
        ("/api/v1/courses/", "x" * 500),
    ],
)
def test_a_forged_cursor_is_a_404_not_a_database_error(student_api, path, position):
    response = student_api.get(path, {"cursor": _cursor(position)})
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[" * 5000 + "]" * 5000, "The JSON is nested too deeply."),
        ('{"code": "\\ud800"}', "The JSON holds text that is not valid Unicode."),
    ],
)
def test_json_python_or_postgres_cannot_take_is_malformed(student_api, body, message):
    response = student_api.post("/api/v1/courses/join/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "malformed", "message": message, "fields": {}}


def test_a_body_too_large_to_read_is_a_413_in_the_format(api, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"username": "x" * 2000, "password": "y"})
    response = api.post("/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/nothing/", "/api/v1/courses/-1/report/"])
def test_a_path_the_api_does_not_have_is_its_own_json_404(api, db, path):
    response = api.get(path)
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json()["error"]["code"] == "not_found"


def test_an_unknown_format_still_gets_json(student_api):
    assert student_api.get("/api/v1/me/", {"format": "xml"}).status_code == 200
