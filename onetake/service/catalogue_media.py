"""Catalogue previews behind signed URLs, rendered on their first GET: avatar stills and greeting videos,
style thumbnails and preview videos, voice samples.

Listing the catalogue never renders (every style's preview takes seconds); a URL names what to render.
Avatar and style media are served from onetake's render caches, whose names carry a fingerprint of the
look or style, so a redrawn presenter or restyled template never serves a stale preview.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

from onetake.errors import InvalidInput
from onetake.service.errors import ApiError

_ID = r"([A-Za-z0-9_\-]+)"
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _avatar_image(presenter_id: str, _: Path) -> Path:
    from onetake.avatar.preview import preview_image

    return preview_image(presenter_id)


def _avatar_video(presenter_id: str, _: Path) -> Path:
    from onetake.avatar.preview import preview_video

    return preview_video(presenter_id, render=True)


def _style_thumbnail(style_id: str, _: Path) -> Path:
    from onetake.render.style_previews import style_media

    return style_media(style_id, thumbnail=True).thumbnail


def _style_video(style_id: str, _: Path) -> Path:
    from onetake.render.style_previews import style_media

    return style_media(style_id, thumbnail=False, preview=True).preview_video


def _voice_sample(voice_id: str, path: Path) -> Path:
    """A short sample of the voice, synthesised once into the files directory (the voices ship offline)."""
    from onetake.audio import write_wav
    from onetake.voice.catalogue import get_voice
    from onetake.voice.speak import synthesize

    if path.is_file():
        return path
    info = get_voice(voice_id)
    utterance = synthesize(f"Hello, I'm {info.name}. This is how I sound in your videos.", voice_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    write_wav(tmp, utterance.sample_rate, utterance.samples)
    tmp.replace(path)
    return path


# relative name -> (what it is, for a 404, and how to make it)
_RENDERERS: list[tuple[re.Pattern, str, Callable[[str, Path], Path]]] = [
    (re.compile(rf"^catalogue/avatars/{_ID}\.png$"), "avatar", _avatar_image),
    (re.compile(rf"^catalogue/avatars/{_ID}\.mp4$"), "avatar", _avatar_video),
    (re.compile(rf"^catalogue/styles/{_ID}\.jpg$"), "style", _style_thumbnail),
    (re.compile(rf"^catalogue/styles/{_ID}\.mp4$"), "style", _style_video),
    (re.compile(r"^catalogue/voices/([A-Za-z0-9_.\-]+)\.wav$"), "voice", _voice_sample),
]


def catalogue_file(relative: str, default: Path) -> Path | None:
    """The file behind a catalogue URL, rendered now if it is not cached yet; None if `relative` is no catalogue preview.
    `default` is where the signed name points in the files directory (voice samples are written there)."""
    for pattern, what, render in _RENDERERS:
        match = pattern.match(relative)
        if match is None:
            continue
        with _lock(relative):  # a burst of first requests renders once; the rest wait and get the cached file
            try:
                return render(match.group(1), default)
            except (KeyError, InvalidInput):
                raise ApiError(404, "not_found", f"no such {what} '{match.group(1)}'") from None
    return None


def _lock(relative: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(relative, threading.Lock())
