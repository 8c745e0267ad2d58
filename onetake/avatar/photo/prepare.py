"""A photo file -> PhotoAvatar: decode, find the face, say what was decided."""

from __future__ import annotations

from pathlib import Path

from onetake.avatar.photo.landmarks import FaceFit, find_face
from onetake.avatar.photo.model import PhotoAvatar
from onetake.avatar.photo.source import load_photo


def prepare_photo(path: Path, field: str = "avatar_image", avatar_id: str = "photo", name: str = "",
                  gender: str | None = None, voice_id: str | None = None) -> PhotoAvatar:
    """Raises InvalidInput naming `field` for photos that cannot become an avatar."""
    path = Path(path)
    rgb = load_photo(path, field)
    fit = _fit(path, rgb, field)
    notes = []
    if fit.faces_found > 1:
        notes.append(f"'{path.name}' shows {fit.faces_found} faces; the largest one speaks.")
    return PhotoAvatar(
        id=avatar_id, name=name, source=path.resolve(), width=rgb.shape[1], height=rgb.shape[0],
        points=[(float(x), float(y)) for x, y in fit.points], faces_found=fit.faces_found,
        gender=gender, voice_id=voice_id, notes=notes,
    )


_FITS: dict[tuple, FaceFit] = {}


def _fit(path: Path, rgb, field: str) -> FaceFit:
    """Landmarks once per file version: the CLI checks a photo before planning, then casting uses it."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _FITS:
        _FITS[key] = find_face(rgb, field, path.name)
    return _FITS[key]
