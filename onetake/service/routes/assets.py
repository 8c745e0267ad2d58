"""POST /v3/assets: multipart upload, capped, type sniffed from the bytes."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from onetake.service.context import current_key, services
from onetake.service.db import now
from onetake.service.errors import ApiError, invalid
from onetake.service.ids import new_id
from onetake.service.models import ApiKey, Asset
from onetake.service.quotas import check_assets
from onetake.service.repo import get_asset
from onetake.service.sniff import EXTENSIONS, sniff

router = APIRouter(tags=["Assets"])


_MULTIPART_DOC = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}}}


# The form is read by hand (not a File() parameter) so an oversized upload is refused from its
# Content-Length before any of it is spooled to disk.
@router.post("/v3/assets", summary="Upload an asset (png, jpeg, mp4, webm, mp3, wav, pdf, srt; 32 MB)", openapi_extra=_MULTIPART_DOC)
async def upload(request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    limit = svc.config.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:  # refuse before reading the body
        raise ApiError(413, "payload_too_large", f"file: the upload is {declared} bytes; the limit is {limit}", "file")
    form = await request.form(max_part_size=limit + 1)
    file = form.get("file")
    if not isinstance(file, UploadFile) and not hasattr(file, "read"):
        raise invalid("file", "a multipart field named 'file' is required")
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, "payload_too_large", f"file: the upload is over the {limit}-byte limit", "file")
    if not data:
        raise invalid("file", "is empty")
    mime = sniff(data, "file", file.content_type)

    def store() -> Asset:
        with svc.db.session() as s:
            check_assets(svc, s, key.id, len(data))
        asset_id = new_id("asset")
        folder = svc.storage.asset_dir(asset_id)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"asset{EXTENSIONS[mime]}"
        path.write_bytes(data)
        svc.storage.publish(path)
        row = Asset(id=asset_id, key_id=key.id, name=(file.filename or path.name)[:300], path=svc.storage.relative(path), mime_type=mime, size_bytes=len(data), created_at=now())
        with svc.db.session() as s:
            s.add(row)
        return row

    row = await run_in_threadpool(store)
    return {"data": {"asset_id": row.id, "url": svc.storage.signed_url(row.path), "mime_type": row.mime_type, "size_bytes": row.size_bytes}}


@router.get("/v3/assets/{asset_id}", summary="Get an asset")
def get_asset_route(asset_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        row = get_asset(s, key.id, asset_id)
        if row is None:
            raise ApiError(404, "not_found", f"asset '{asset_id}' not found")
        return {"data": {"id": row.id, "name": row.name, "owner": key.id, "space_id": key.id, "type": row.mime_type.split("/")[0], "uploaded_at": row.created_at,
                         "folder_id": None, "url": svc.storage.signed_url(row.path)}}


@router.delete("/v3/assets/{asset_id}", summary="Delete an asset and its file")
def delete_asset(asset_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        row = get_asset(s, key.id, asset_id)
        if row is None:
            raise ApiError(404, "not_found", f"asset '{asset_id}' not found")
        s.delete(row)
    svc.storage.remove_tree(svc.storage.asset_dir(asset_id))
    return {"data": {"id": asset_id}}
