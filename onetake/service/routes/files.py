"""GET /files/...: generated files and previews behind signed, expiring URLs (no API key needed, like a presigned link)."""

from __future__ import annotations

import re
import shutil

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from onetake.service.app import services
from onetake.service.errors import ApiError

router = APIRouter(tags=["Files"])

_AVATAR_PREVIEW = re.compile(r"^catalogue/avatars/([A-Za-z0-9_\-]+)\.png$")


@router.get("/files/{relative:path}", summary="A generated file at a signed URL")
def get_file(relative: str, request: Request, expires: int = Query(...), sig: str = Query(...)):
    svc = services(request)
    if not svc.storage.verify(relative, expires, sig):
        raise ApiError(403, "forbidden", "this file link is invalid or has expired; fetch the resource again for a fresh URL")
    try:
        path = svc.storage.absolute(relative)
    except ValueError:
        raise ApiError(404, "not_found", "no such file") from None
    match = _AVATAR_PREVIEW.match(relative)
    if match and not path.exists():
        from onetake.avatar.preview import preview_image

        try:
            rendered = preview_image(match.group(1))
        except KeyError:
            raise ApiError(404, "not_found", "no such avatar") from None
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(rendered, path)
    if not path.is_file():
        raise ApiError(404, "not_found", "the file no longer exists (deleted?)")
    return FileResponse(path)
