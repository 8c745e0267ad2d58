"""/v3/brand-kits: a key's brand kits (colours, fonts, logo), in the v3 style. HeyGen documents no public route for them.

A kit is created from one multipart form (fonts and logo are not asset types, so they are uploaded
here rather than referenced by asset id) and never edited: make a new one and delete the old.
"""

from __future__ import annotations

import hashlib
import json
import shutil

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select

from onetake.errors import InvalidInput
from onetake.service.brand_kits import (FILE_LIMITS, FORM_FIELDS, MAX_FORM_BYTES, check_colors, check_file_size, check_name, kit_view, load_kit,
                                        store_kit)
from onetake.service.context import current_key, services
from onetake.service.db import now
from onetake.service.errors import ApiError, invalid, not_found
from onetake.service.models import ApiKey, BrandKitOwner
from onetake.service.quotas import check_brand_kits
from onetake.service.repo import get_brand_kit_owner, page
from onetake.service.routes.common import MAX_LIMIT, idempotent
from onetake.visuals.brand_kits import COLOUR_ROLES, MAX_NAME_CHARS

router = APIRouter(tags=["Brand kits"])

_COLOUR = {"type": "string", "pattern": "^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$", "example": "#0047AB"}
_FORM_DOC = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": MAX_NAME_CHARS},
        **{role: {**_COLOUR, "description": f"the {role} colour"} for role in COLOUR_ROLES},
        "display_font": {"type": "string", "format": "binary", "description": "headline face: TTF, OTF, WOFF or WOFF2, 15 MB"},
        "body_font": {"type": "string", "format": "binary", "description": "text face: TTF, OTF, WOFF or WOFF2, 15 MB"},
        "logo": {"type": "string", "format": "binary", "description": "PNG, JPEG or WebP, 10 MB, at most 4096x4096"},
    }}}, "application/x-www-form-urlencoded": {"schema": {
    "type": "object", "required": ["name"], "description": "a kit of colours only",
    "properties": {"name": {"type": "string", "minLength": 1, "maxLength": MAX_NAME_CHARS}, **{role: _COLOUR for role in COLOUR_ROLES}}}}}}}
_FIELDS_HELP = f"a brand kit takes name, the colours {', '.join(COLOUR_ROLES)} and the files display_font, body_font, logo"


@router.post("/v3/brand-kits", summary="Create a brand kit from a form: name, colours per role, display_font, body_font, logo", openapi_extra=_FORM_DOC)
async def create_kit(request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    if not request.headers.get("content-type", "").startswith(("multipart/form-data", "application/x-www-form-urlencoded")):  # the latter: colours only
        raise ApiError(415, "unsupported_media_type", f"send the brand kit as multipart/form-data: {_FIELDS_HELP}")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_FORM_BYTES:  # refuse before reading the body
        raise ApiError(413, "payload_too_large", f"the form is {declared} bytes; the limit is {MAX_FORM_BYTES:,} (fonts 15 MB each, logo 10 MB)")
    form = await request.form(max_files=10, max_fields=30, max_part_size=4096)
    colors: dict[str, str] = {}
    uploads: dict[str, tuple[str, bytes]] = {}
    seen: set[str] = set()
    for field, value in form.multi_items():
        if field not in FORM_FIELDS:
            raise invalid(field, f"unknown field; {_FIELDS_HELP}")
        if field in seen:
            raise invalid(field, "is given twice")
        seen.add(field)
        is_file = not isinstance(value, str)
        if field in FILE_LIMITS:
            if not is_file:
                raise invalid(field, "must be a file upload")
            data = await value.read(FILE_LIMITS[field] + 1)
            check_file_size(field, data)
            uploads[field] = (value.filename or field, data)
        elif is_file:
            raise invalid(field, "must be a text field, not a file")
        elif field in COLOUR_ROLES:
            colors[field] = value
    name = check_name(form.get("name"))
    colors = check_colors(colors)
    # What the Idempotency-Key replay compares: the fields and each file's digest.
    fingerprint = json.dumps({"name": name, "colors": colors, "files": {f: hashlib.sha256(d).hexdigest() for f, (_, d) in uploads.items()}}, sort_keys=True)

    def work() -> dict:
        with svc.db.session() as s:
            check_brand_kits(svc, s, key.id, sum(len(d) for _, d in uploads.values()))
        try:
            kit = store_kit(svc.storage.kits_root, name, colors, uploads)
        except InvalidInput as exc:  # already checked field by field; a last guard keeps the envelope
            raise invalid(exc.field, exc.message) from None
        svc.storage.publish(kit.folder())
        owner = BrandKitOwner(id=kit.id, key_id=key.id, name=kit.name, created_at=now())
        try:
            with svc.db.session() as s:
                s.add(owner)
        except BaseException:
            shutil.rmtree(kit.folder(), ignore_errors=True)  # an unowned kit would be unreachable forever
            raise
        return {"data": kit_view(kit, owner, svc.storage)}

    return await idempotent(request, key, fingerprint, lambda _ticket: work())


@router.get("/v3/brand-kits", summary="List brand kits")
def list_kits(request: Request, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        rows, more, nxt = page(s, select(BrandKitOwner).where(BrandKitOwner.key_id == key.id), limit, token, BrandKitOwner.created_at, BrandKitOwner.id)
    views = [kit_view(kit, row, svc.storage) for row in rows if (kit := load_kit(svc.storage, row.id)) is not None]
    return {"data": views, "has_more": more, "next_token": nxt}


@router.get("/v3/brand-kits/{brand_kit_id}", summary="Get a brand kit, with signed URLs of its fonts and logo")
def get_kit(brand_kit_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        owner = get_brand_kit_owner(s, key.id, brand_kit_id)
    kit = load_kit(svc.storage, brand_kit_id)
    if kit is None:
        raise not_found("brand kit", brand_kit_id)
    return {"data": kit_view(kit, owner, svc.storage)}


@router.delete("/v3/brand-kits/{brand_kit_id}", summary="Delete a brand kit and its files (sessions already using it keep their copy)")
def delete_kit(brand_kit_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        s.delete(get_brand_kit_owner(s, key.id, brand_kit_id))
    svc.storage.remove_tree(svc.storage.kits_root / brand_kit_id)  # the id was checked by the owner lookup above
    return {"data": {"brand_kit_id": brand_kit_id, "deleted": True}}
