"""Request fields of any shape -> the session's stored request: validated now, so bad input is a 400 before anything is queued.

Files: `url` is checked against the SSRF guard now and fetched by the job (checked again); `asset_id`
must be the caller's own asset; `base64` is decoded, capped, sniffed and written under the session's
inputs before the 200, so an accepted job never depends on the request body again.
"""

from __future__ import annotations

import base64
import binascii
import shutil
import time
from pathlib import Path

from onetake.brief.intake import make_brief
from onetake.brief.models import MAX_FILES, PROMPT_MAX_CHARS
from onetake.errors import InvalidInput
from onetake.service.errors import ApiError, invalid
from onetake.service.fetch import Guard, UnsafeUrl
from onetake.service.quotas import Room
from onetake.service.repo import get_asset
from onetake.service.sniff import EXTENSIONS, sniff
from onetake.service.storage import Storage

_FIELD_NAMES = {"avatar": "avatar_id", "voice": "voice_id", "style": "style_id", "format": "output_format"}


def _default(value, default):
    """Only a missing value takes the default: 0 is a value (and out of range for quality), not "unset"."""
    return default if value is None else value


def check_brief(fields: dict, names: dict[str, str] | None = None) -> None:
    """The pipeline's own validation (limits, ids) run now, with the caller's field names in `param`."""
    from onetake.agent.casting import cast
    from onetake.visuals.styles import get_style

    names = {**_FIELD_NAMES, **(names or {})}
    prompt = fields.get("prompt") or ""
    if len(prompt) > PROMPT_MAX_CHARS:  # first, and without stripping: the limit is on what was sent
        raise invalid(names.get("prompt", "prompt"), f"is {len(prompt)} characters; the limit is {PROMPT_MAX_CHARS}")
    try:
        make_brief(prompt, orientation=fields.get("orientation"), width=fields.get("width"), height=fields.get("height"), duration=fields.get("duration"),
                   output_format=fields.get("output_format") or "mp4", quality=_default(fields.get("quality"), 85), seed=_default(fields.get("seed"), 0))
        cast("", fields.get("avatar_id"), fields.get("voice_id"))
        if fields.get("style_id"):
            get_style(fields["style_id"])
    except InvalidInput as exc:
        param = names.get(exc.field, exc.field)
        raise invalid(param, exc.message) from None


def take_files(files: list[dict], *, key_id: str, db_session, storage: Storage, guard: Guard, session_id: str, max_bytes: int, param: str = "files") -> list[dict]:
    if len(files) > MAX_FILES:
        raise invalid(param, f"{len(files)} files given; the limit is {MAX_FILES}")
    out: list[dict] = []
    deadline = time.monotonic() + guard.dns_timeout_s  # every URL of the request resolved within one deadline
    inputs: Path = storage.session_inputs(session_id)
    room = Room(db_session, storage, key_id)
    for index, item in enumerate(files):
        p = f"{param}[{index}]"
        kind = item.get("type")
        if kind == "url":
            url = item.get("url") or ""
            try:
                guard.check(url, deadline)
            except UnsafeUrl as exc:
                raise invalid(f"{p}.url", str(exc)) from None
            out.append({"url": url})
        elif kind == "asset_id":
            asset = get_asset(db_session, key_id, item.get("asset_id") or "")
            if asset is None:
                raise invalid(f"{p}.asset_id", f"no asset '{item.get('asset_id')}' for this API key")
            # A private copy: deleting the asset later must not break a job that was accepted with it.
            room.take(asset.size_bytes, f"{p}.asset_id")
            inputs.mkdir(parents=True, exist_ok=True)
            copy = _unused(inputs, f"file-{index}", EXTENSIONS.get(asset.mime_type, ".bin"))
            shutil.copyfile(storage.materialise(storage.absolute(asset.path)), copy)
            storage.publish(copy)
            out.append({"path": storage.relative(copy), "mime": asset.mime_type})
        elif kind == "base64":
            data_field = item.get("data") or ""
            if "," in data_field[:100] and data_field.startswith("data:"):
                data_field = data_field.split(",", 1)[1]  # a data URI
            if len(data_field) * 3 // 4 > max_bytes + 3:
                raise ApiError(413, "payload_too_large", f"{p}.data: the decoded file is over the {max_bytes}-byte limit", f"{p}.data")
            try:
                data = base64.b64decode(data_field, validate=True)
            except (binascii.Error, ValueError):
                raise invalid(f"{p}.data", "is not valid base64") from None
            if not data:
                raise invalid(f"{p}.data", "is empty")
            if len(data) > max_bytes:
                raise ApiError(413, "payload_too_large", f"{p}.data: the decoded file is {len(data)} bytes; the limit is {max_bytes}", f"{p}.data")
            mime = sniff(data, f"{p}.data", item.get("media_type"))
            room.take(len(data), f"{p}.data")
            inputs.mkdir(parents=True, exist_ok=True)
            path = _unused(inputs, f"file-{index}", EXTENSIONS[mime])
            path.write_bytes(data)
            storage.publish(path)
            out.append({"path": storage.relative(path), "mime": mime})
        else:
            raise invalid(f"{p}.type", f"must be url, asset_id or base64, not '{kind}'")
    return out


def _unused(folder: Path, stem: str, ext: str) -> Path:
    """file-0.png, or file-0-2.png when a follow-up's first file would overwrite the create's (they share the folder)."""
    path, n = folder / f"{stem}{ext}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{ext}"
    return path
