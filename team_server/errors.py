"""Every error answer is `{"detail": "<French message>"}`, whatever raised it."""

from __future__ import annotations

import http
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from peewee import InterfaceError, OperationalError
from playhouse.pool import MaxConnectionsExceeded
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("team_server")

GENERIC = {
    400: "Requête mal formée.",
    401: "Session absente ou expirée : reconnectez-vous.",
    404: "Introuvable.",
    405: "Méthode non autorisée à cette adresse.",
    413: "Requête trop volumineuse.",
    416: "Plage d'octets impossible à servir.",
}
BUSY = "Le serveur est momentanément surchargé : réessayez dans quelques instants."

TYPE_MESSAGES = {
    "missing": "champ « {field} » manquant",
    "extra_forbidden": "champ « {field} » non prévu",
    "string_type": "« {field} » doit être un texte",
    "string_too_long": "« {field} » est trop long",
    "string_too_short": "« {field} » ne peut pas être vide",
    "string_pattern_mismatch": "« {field} » n'a pas le format attendu",
    "string_unicode": "« {field} » n'est pas un texte Unicode valide",
    "int_type": "« {field} » doit être un nombre entier",
    "int_parsing": "« {field} » doit être un nombre entier",
    "float_type": "« {field} » doit être un nombre",
    "bool_type": "« {field} » doit valoir true ou false",
    "bool_parsing": "« {field} » doit valoir true ou false",
    "dict_type": "« {field} » doit être un objet JSON",
    "model_type": "« {field} » doit être un objet JSON",
    "model_attributes_type": "« {field} » doit être un objet JSON",
    "list_type": "« {field} » doit être une liste",
    "too_long": "« {field} » a trop d'éléments",
    "literal_error": "« {field} » : valeur non prévue",
    "greater_than_equal": "« {field} » est trop petit",
    "less_than_equal": "« {field} » est trop grand",
    "union_tag_invalid": "type d'élément (« kind ») inconnu",
    "union_tag_not_found": "type d'élément (« kind ») manquant",
}


def describe(error: dict, skip: int = 0) -> str:
    """A French sentence for one Pydantic validation error (without its first `skip` places)."""
    location = [str(part) for part in error.get("loc", ())[skip:]]
    if location[:1] in (["body"], ["query"]):  # FastAPI's own first place
        location = location[1:]
    field = ".".join(location) or "corps"
    if error.get("type") == "value_error":  # our validators' own French reason
        reason = str(error.get("ctx", {}).get("error", "valeur invalide")).rstrip(".")
        return f"« {field} » : {reason}."
    template = TYPE_MESSAGES.get(error.get("type", ""), "« {field} » invalide")
    return template.format(field=field) + "."


def validation_message(errors: list[dict]) -> tuple[int, str]:
    """Status and French message for FastAPI's first validation error."""
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        return 400, "Corps de requête illisible : ce n'est pas du JSON valide."
    location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query")]
    # FastAPI validates a body from attributes (model_attributes_type), the sync lane from
    # JSON (model_type): either way the body is not an object.
    if first.get("type") in ("model_attributes_type", "model_type") and not location:
        return 400, "Corps de requête illisible : un objet JSON est attendu."
    return 422, "Requête invalide : " + describe(first)


ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {"detail": {"type": "string", "title": "Detail"}},
    "required": ["detail"],
}


def _document_errors(app: FastAPI) -> None:
    """Make the OpenAPI document say what errors really are: `{"detail": "<French>"}`, for
    any status. (FastAPI's default said a 422 detail is a list, and listed no other error.)"""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = build()  # cached by FastAPI in app.openapi_schema, changed in place here
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            schemas.pop("ValidationError", None)
            schemas["HTTPValidationError"] = ERROR_SCHEMA
            error = {"$ref": "#/components/schemas/HTTPValidationError"}
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.setdefault("responses", {}).setdefault(
                        "default",
                        {
                            "description": "Erreur, expliquée en français",
                            "content": {"application/json": {"schema": error}},
                        },
                    )
        return app.openapi_schema

    app.openapi = openapi


def http_error(error: StarletteHTTPException) -> JSONResponse:
    """The answer to an HTTPException: its French detail, or the status's generic one."""
    detail = error.detail
    if not isinstance(detail, str) or detail == http.HTTPStatus(error.status_code).phrase:
        detail = GENERIC.get(error.status_code, "Requête refusée.")
    return JSONResponse({"detail": detail}, status_code=error.status_code, headers=error.headers)


DATABASE_BUSY = (OperationalError, InterfaceError, MaxConnectionsExceeded)


def database_busy(error: Exception) -> JSONResponse:
    """The 503 for a database that is down or has no free connection (logged)."""
    log.warning("database unavailable: %s", error)
    return JSONResponse({"detail": BUSY}, status_code=503, headers={"Retry-After": "5"})


def internal_error(method: str, path: str) -> JSONResponse:
    """The 500 for an unexpected exception, logged with its traceback (call in `except`)."""
    log.exception("internal error on %s %s", method, path)
    return JSONResponse(
        {"detail": "Erreur interne du serveur : réessayez plus tard."}, status_code=500
    )


def install(app: FastAPI) -> None:
    """Register the French error handlers on `app` (call after the routes are included)."""
    _document_errors(app)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        status, message = validation_message(list(error.errors()))
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def refused(request: Request, error: StarletteHTTPException) -> JSONResponse:
        return http_error(error)

    async def busy(request: Request, error: Exception) -> JSONResponse:
        return database_busy(error)

    for kind in DATABASE_BUSY:
        app.add_exception_handler(kind, busy)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        return internal_error(request.method, request.url.path)
