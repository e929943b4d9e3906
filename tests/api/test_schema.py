"""The OpenAPI schema and its documentation pages, served from this site (no internet)."""

import io

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
