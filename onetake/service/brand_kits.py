"""Brand kits over the API: uploads checked into the kit store, ownership per API key, a session's private copy.

The kit library (onetake.visuals.brand_kits) owns the files and their checks; the database only
records which key owns which kit, so another key's kit is simply not found. A session that names a
kit gets its own hard-linked copy under its inputs, like an asset: deleting the kit later never
breaks a job that was accepted with it, and the job process reads the kit from the path in its Brief.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from onetake.errors import InvalidInput
from onetake.service.errors import ApiError, invalid
from onetake.service.models import BrandKitOwner
from onetake.service.storage import Storage
from onetake.visuals.brand_kits import (COLOUR_ROLES, FONT_ROLES, MAX_FONT_BYTES, MAX_LOGO_BYTES, MAX_NAME_CHARS, BrandKit, create_brand_kit,
                                        get_brand_kit, normal_hex, read_font, read_logo)

FONT_FIELDS = {f"{role}_font": role for role in FONT_ROLES}  # form field -> the kit's font role
FILE_LIMITS = {**{field: MAX_FONT_BYTES for field in FONT_FIELDS}, "logo": MAX_LOGO_BYTES}
FORM_FIELDS = ("name", *COLOUR_ROLES, *FILE_LIMITS)
MAX_FORM_BYTES = sum(FILE_LIMITS.values()) + 64 * 1024  # every file at its limit, plus the text fields and multipart framing
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def check_name(value: str | None) -> str:
    name = (value or "").strip()
    if not name:
        raise invalid("name", "is required")
    if len(name) > MAX_NAME_CHARS:
        raise invalid("name", f"is {len(name)} characters; the limit is {MAX_NAME_CHARS}")
    return name


def check_colors(values: dict[str, str]) -> dict[str, str]:
    out = {}
    for role, value in values.items():
        try:
            out[role] = normal_hex(role, value)
        except InvalidInput:
            raise invalid(role, f"'{value}' is not a #RRGGBB colour") from None
    return out


def check_file_size(field: str, data: bytes) -> None:
    limit = FILE_LIMITS[field]
    if len(data) > limit:
        raise ApiError(413, "payload_too_large", f"{field}: the file is over the {limit:,}-byte limit", field)
    if not data:
        raise invalid(field, "the file is empty")


def store_kit(root: Path, name: str, colors: dict[str, str], uploads: dict[str, tuple[str, bytes]]) -> BrandKit:
    """Check each uploaded file by its bytes (errors name its form field), then write the kit; nothing is kept on failure."""
    with tempfile.TemporaryDirectory(prefix="onetake-kit-") as tmp:
        paths: dict[str, Path] = {}
        for field, (filename, data) in uploads.items():
            safe = _SAFE_NAME.sub("_", Path(filename or field).name).lstrip(".")[:100]  # the client's name shows in error messages
            path = Path(tmp) / field / (safe or field)
            path.parent.mkdir()
            path.write_bytes(data)
            paths[field] = path
        for field, path in paths.items():
            try:
                read_font(FONT_FIELDS[field], path) if field in FONT_FIELDS else read_logo(path)
            except InvalidInput as exc:  # "body=Brand.ttf: ..." from the library; the form field already names the role
                raise invalid(field, exc.message.removeprefix(f"{FONT_FIELDS.get(field)}=")) from None
        fonts = {FONT_FIELDS[f]: p for f, p in paths.items() if f in FONT_FIELDS}
        return create_brand_kit(name, colors, fonts, paths.get("logo"), root=root)


def kit_view(kit: BrandKit, owner: BrandKitOwner, storage: Storage) -> dict:
    fonts = {}
    for role in FONT_ROLES:
        path = kit.font_path(role)
        if path is not None:
            fonts[role] = {"format": path.suffix.lstrip("."), "url": storage.signed_url(storage.relative(path))}
    logo = kit.logo_path()
    return {"brand_kit_id": kit.id, "name": kit.name, "colors": kit.colors, "fonts": fonts,
            "logo_url": storage.signed_url(storage.relative(logo)) if logo is not None else None, "created_at": owner.created_at}


def load_kit(storage: Storage, kit_id: str) -> BrandKit | None:
    try:
        storage.materialise(storage.kits_root / kit_id)
        return get_brand_kit(kit_id, storage.kits_root)
    except InvalidInput:  # the row outlived its folder (removed by hand)
        return None


def take_brand_kit(db_session, storage: Storage, key_id: str, kit_id: str, session_id: str, param: str = "brand_kit_id") -> dict:
    """The caller's own kit, copied under the session's inputs: the request fields that point the Brief at the copy."""
    owner = db_session.get(BrandKitOwner, kit_id)
    kit = load_kit(storage, kit_id) if owner is not None and owner.key_id == key_id else None
    if kit is None:
        raise invalid(param, f"no brand kit '{kit_id}' for this API key; see GET /v3/brand-kits")
    store = storage.session_inputs(session_id) / "brand-kits"
    copy = store / kit.id
    if not copy.exists():
        store.mkdir(parents=True, exist_ok=True)
        staging = store / f".{kit.id}.{os.getpid()}.tmp"
        try:
            shutil.copytree(kit.folder(), staging, copy_function=_link_or_copy, dirs_exist_ok=True)
        except (OSError, shutil.Error):  # deleted by a concurrent DELETE
            shutil.rmtree(staging, ignore_errors=True)
            raise invalid(param, f"brand kit '{kit_id}' was deleted while this request used it") from None
        staging.rename(copy)
        storage.publish(copy)
    return {"brand_kit_id": kit.id, "brand_kit_store": storage.relative(store)}


def brief_kit(request: dict, storage: Storage) -> dict:
    """The Brief fields for a stored request's brand kit (none when it names no kit)."""
    if not request.get("brand_kit_id"):
        return {}
    return {"brand_kit_id": request["brand_kit_id"], "brand_kit_store": storage.absolute(request["brand_kit_store"])}


def _link_or_copy(src: str, dst: str) -> None:
    # A kit's files are never rewritten in place, so a hard link is as safe as a copy and costs nothing.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
