"""GET /files/...: generated files and previews behind signed, expiring URLs (no API key needed, like a presigned link)."""

from __future__ import annotations

import re
import shutil

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from onetake.service.context import services
from onetake.service.errors import ApiError

router = APIRouter(tags=["Files"])

_AVATAR_PREVIEW = re.compile(r"^catalogue/avatars/([A-Za-z0-9_\-]+)\.png$")
_VOICE_PREVIEW = re.compile(r"^catalogue/voices/([A-Za-z0-9_.\-]+)\.wav$")


def _voice_preview(voice_id: str, path) -> None:
    """A short sample of the voice, synthesised once on first request (the voices ship offline)."""
    import os
    import wave

    import numpy as np

    from onetake.voice.catalogue import get_voice
    from onetake.voice.speak import synthesize

    try:
        info = get_voice(voice_id)
    except KeyError:
        raise ApiError(404, "not_found", "no such voice") from None
    utterance = synthesize(f"Hello, I'm {info.name}. This is how I sound in your videos.", voice_id)
    pcm = (np.clip(utterance.samples, -1, 1) * 32767).astype("<i2").tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(utterance.sample_rate)
        out.writeframes(pcm)
    tmp.replace(path)


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
    voice = _VOICE_PREVIEW.match(relative)
    if voice and not path.exists():
        _voice_preview(voice.group(1), path)
    if not path.is_file():
        raise ApiError(404, "not_found", "the file no longer exists (deleted?)")
    return FileResponse(path)
