"""A client of the API that knows it only through its OpenAPI schema, as an app would.

It imports nothing of the project, only the standard library. It downloads the schema, calls
operations by their `operationId`, and refuses what the schema does not describe: an unknown
operation or parameter, a request body missing a required field, an answer with a status the
operation does not document, or a body missing a required property or of the wrong type."""

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

SCHEMA_PATH = "/api/schema/?format=json"
METHODS = {"get", "put", "post", "delete", "patch"}
JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}


class OffSchema(AssertionError):
    """A request or an answer the schema does not describe."""


@dataclass
class Answer:
    status: int
    body: object  # the decoded JSON, or None when there is no body
    headers: dict[str, str]  # their names in lower case


class SchemaClient:
    def __init__(self, base_url: str):
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"Not an http(s) address: {base_url}")
        self.base_url = base_url.rstrip("/")
        self.access: str | None = None
        self.refresh: str | None = None
        status, body, _ = self._send("GET", SCHEMA_PATH, None, {})
        if status != 200:
            raise OffSchema(f"GET {SCHEMA_PATH} answered {status}")
        self.schema = body
        self.operations = {
            operation["operationId"]: (method.upper(), path, operation)
            for path, item in body["paths"].items()
            for method, operation in item.items()
            if method in METHODS
        }

    def call(self, operation_id: str, body=None, *, query=None, headers=None, **path) -> Answer:
        """Call an operation; `path` fills the path's `{parameters}`."""
        if operation_id not in self.operations:
            raise OffSchema(f"No operation {operation_id} in the schema")
        method, template, operation = self.operations[operation_id]
        parameters = operation.get("parameters", [])
        declared = {(p["in"], p["name"]) for p in parameters}
        required = {(p["in"], p["name"]) for p in parameters if p.get("required")}
        given = {("path", name) for name in path} | {("query", name) for name in query or {}}
        given |= {("header", name) for name in headers or {}}
        if given - declared:
            raise OffSchema(f"{operation_id} has no parameters {sorted(given - declared)}")
        if required - given:
            raise OffSchema(f"{operation_id} needs the parameters {sorted(required - given)}")
        url = re.sub(r"{(\w+)}", lambda match: urllib.parse.quote(str(path[match[1]])), template)
        if query:
            url += "?" + urllib.parse.urlencode(query)
        self._check_request(operation_id, operation, body)
        sent = dict(headers or {})
        if self.access and self._takes_bearer(operation):
            sent["Authorization"] = f"Bearer {self.access}"
        status, answer, answer_headers = self._send(method, url, body, sent)
        self._check_answer(operation_id, operation, status, answer)
        return Answer(status, answer, answer_headers)

    def log_in(self, username: str, password: str) -> Answer:
        answer = self.call("v1_auth_token_create", {"username": username, "password": password})
        if answer.status == 200:
            self.access, self.refresh = answer.body["access"], answer.body["refresh"]
        return answer

    def renew(self) -> Answer:
        answer = self.call("v1_auth_token_refresh_create", {"refresh": self.refresh})
        if answer.status == 200:
            self.access, self.refresh = answer.body["access"], answer.body["refresh"]
        return answer

    def _send(self, method: str, url: str, body, headers: dict) -> tuple[int, object, dict]:
        data = None if body is None else json.dumps(body).encode()
        # S310: base_url was checked to be http(s).
        request = urllib.request.Request(self.base_url + url, data=data, method=method)  # noqa: S310
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in headers.items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                status, raw, answer_headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:  # a 304, 4xx or 5xx
            status, raw, answer_headers = error.code, error.read(), error.headers
        lowered = {name.lower(): value for name, value in answer_headers.items()}
        return status, json.loads(raw) if raw else None, lowered

    def _takes_bearer(self, operation: dict) -> bool:
        schemes = self.schema["components"]["securitySchemes"]
        return any(
            schemes[name].get("scheme") == "bearer"
            for requirement in operation.get("security", [])
            for name in requirement
        )

    def _check_request(self, operation_id: str, operation: dict, body) -> None:
        described = operation.get("requestBody")
        if described is None:
            if body is not None:
                raise OffSchema(f"{operation_id} takes no body")
            return
        if body is None:
            if described.get("required"):
                raise OffSchema(f"{operation_id} needs a body")
            return
        schema = described["content"]["application/json"]["schema"]
        if problems := self._problems(body, schema, "body"):
            raise OffSchema(f"{operation_id} request: {problems}")

    def _check_answer(self, operation_id: str, operation: dict, status: int, body) -> None:
        responses = operation["responses"]
        documented = responses.get(str(status)) or responses.get("default")
        if documented is None:
            raise OffSchema(f"{operation_id} answered {status}; documented: {sorted(responses)}")
        content = documented.get("content")
        if content is None:
            if body is not None:
                raise OffSchema(f"{operation_id} answered {status} with an undocumented body")
            return
        if body is None:
            raise OffSchema(f"{operation_id} answered {status} without the body documented")
        if problems := self._problems(body, content["application/json"]["schema"], "body"):
            raise OffSchema(f"{operation_id} answered {status} off the schema: {problems}")

    def _resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            # "#/components/schemas/Name"
            node = self.schema
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def _problems(self, value, schema: dict, where: str) -> list[str]:
        """What in `value` is off `schema`: missing required properties and wrong types. The
        rest of JSON Schema (formats, lengths, oneOf) is left to the schemathesis tests."""
        schema = self._resolve(schema)
        if value is None:
            typed = "type" in schema or "allOf" in schema
            return [f"{where}: null"] if typed and not schema.get("nullable") else []
        problems = []
        for part in schema.get("allOf", []):
            problems += self._problems(value, part, where)
        kind = schema.get("type")
        wanted = JSON_TYPES.get(kind)
        if wanted and (
            not isinstance(value, wanted) or isinstance(value, bool) != (kind == "boolean")
        ):
            return [*problems, f"{where}: not {kind}"]
        if isinstance(value, dict):
            for name in schema.get("required", []):
                if name not in value:
                    problems.append(f"{where}.{name}: missing")
            for name, inner in schema.get("properties", {}).items():
                if name in value:
                    problems += self._problems(value[name], inner, f"{where}.{name}")
        elif isinstance(value, list) and "items" in schema:
            for index, item in enumerate(value):
                problems += self._problems(item, schema["items"], f"{where}[{index}]")
        return problems
