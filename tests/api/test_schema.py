"""The OpenAPI schema and its documentation pages, served from this site (no internet)."""

import io

import pytest
from django.core.management import call_command


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
