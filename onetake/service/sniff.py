"""Content types from the bytes, never from the client. The v3 asset types: png, jpeg, mp4, webm, mp3, wav, pdf, srt."""

from __future__ import annotations

import re

import filetype

from onetake.service.errors import ApiError

EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "audio/mpeg": ".mp3",
    "audio/x-wav": ".wav",
    "audio/wav": ".wav",
    "application/pdf": ".pdf",
    "application/x-subrip": ".srt",
}
_ALIASES = {"image/jpg": "image/jpeg", "audio/wav": "audio/x-wav", "audio/wave": "audio/x-wav", "audio/mp3": "audio/mpeg", "text/srt": "application/x-subrip"}
_SRT_CUE = re.compile(rb"^\s*\d+\s*\r?\n\d\d:\d\d:\d\d[,.]\d{3} --> \d\d:\d\d:\d\d[,.]\d{3}", re.M)


def normalise(mime: str | None) -> str | None:
    if not mime:
        return None
    mime = mime.split(";")[0].strip().lower()
    return _ALIASES.get(mime, mime)


def sniff(data: bytes, param: str, declared: str | None = None) -> str:
    """The real MIME type of `data` if it is one we take; else a 400 naming the field and what the bytes are."""
    guess = filetype.guess(data[:8192])
    mime = normalise(guess.mime) if guess else None
    if mime == "video/quicktime" and data[4:8] == b"ftyp":  # ISO media with an mp4-ish brand
        mime = "video/mp4"
    if mime is None and _SRT_CUE.search(data[:4096]) and _is_text(data):
        mime = "application/x-subrip"
    if mime not in EXTENSIONS:
        what = f"'{guess.mime}'" if guess else "not a recognised media file"
        said = f" (declared {declared})" if declared else ""
        raise ApiError(400, "unsupported_media_type", f"{param}: the content is {what}{said}; accepted: png, jpeg, mp4, webm, mp3, wav, pdf, srt", param)
    declared_n = normalise(declared)
    if declared_n and declared_n != "application/octet-stream" and declared_n not in (mime, _ALIASES.get(mime, mime)):
        if EXTENSIONS.get(declared_n) != EXTENSIONS[mime]:
            raise ApiError(400, "unsupported_media_type", f"{param}: declared {declared} but the content is {mime}", param)
    return mime


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False
