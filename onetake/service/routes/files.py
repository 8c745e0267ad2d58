"""GET /files/...: generated files and previews behind signed, expiring URLs (no API key needed, like a presigned link)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from onetake.service.catalogue_media import catalogue_file
from onetake.service.context import services
from onetake.service.errors import ApiError

router = APIRouter(tags=["Files"])


@router.get("/files/{relative:path}", summary="A generated file at a signed URL")
def get_file(relative: str, request: Request, expires: int = Query(...), sig: str = Query(...)):
    svc = services(request)
    if not svc.storage.verify(relative, expires, sig):
        raise ApiError(403, "forbidden", "this file link is invalid or has expired; fetch the resource again for a fresh URL")
    try:
        path = svc.storage.materialise(svc.storage.absolute(relative))
    except ValueError:
        raise ApiError(404, "not_found", "no such file") from None
    path = catalogue_file(relative, path) or path  # previews are rendered on their first request
    if not path.is_file():
        raise ApiError(404, "not_found", "the file no longer exists (deleted?)")
    return FileResponse(path)
