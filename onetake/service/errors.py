"""The error envelope `{"error": {code, message, param, doc_url}}` and the exceptions that map to it."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

DOC_URL = "https://docs.heygen.com/reference/errors"  # where clients of the v3 shape already look codes up

_CODE_BY_STATUS = {
    400: "invalid_parameter",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    429: "rate_limit_exceeded",
    500: "internal_error",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, param: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.param, self.headers = status, code, message, param, headers or {}


def invalid(param: str, message: str) -> ApiError:
    return ApiError(400, "invalid_parameter", f"{param}: {message}", param)


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} '{ident}' not found")


def envelope(code: str, message: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "param": param, "doc_url": DOC_URL}}


def error_response(exc: ApiError) -> JSONResponse:
    return JSONResponse(envelope(exc.code, exc.message, exc.param), status_code=exc.status, headers=exc.headers)


def _param_of(loc: tuple) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    out = ""
    for part in parts:
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out or None


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError):
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError):
        first = exc.errors()[0]
        param = _param_of(tuple(first.get("loc", ())))
        if first.get("type") == "json_invalid":
            return error_response(ApiError(400, "invalid_parameter", f"the body is not valid JSON: {first.get('msg')}", None))
        message = f"{param}: {first.get('msg')}" if param else str(first.get("msg"))
        return error_response(ApiError(400, "invalid_parameter", message, param))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException):
        code = _CODE_BY_STATUS.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code
        return error_response(ApiError(exc.status_code, code, message, headers=dict(exc.headers or {})))

    from onetake.service.storage import StorageUnavailable

    @app.exception_handler(StorageUnavailable)
    async def _storage(_: Request, exc: StorageUnavailable):
        return error_response(ApiError(503, "storage_unavailable", str(exc), headers={"Retry-After": "30"}))

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception):
        return error_response(ApiError(500, "internal_error", f"internal error ({type(exc).__name__})"))
