"""Saved photo avatars: a small on-disk store, one folder per avatar (photo copy + avatar.json).

Lives in $ONETAKE_HOME/avatars (default ~/.local/share/onetake/avatars). The face
mesh is computed once when saving, so using a saved avatar costs no detection.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from onetake.avatar.photo.model import PhotoAvatar
from onetake.avatar.photo.prepare import prepare_photo
from onetake.errors import InvalidInput

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def store_dir() -> Path:
    home = os.environ.get("ONETAKE_HOME")
    base = Path(home) if home else Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "onetake"
    return base / "avatars"


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    return s or "avatar"


def save_avatar(photo: Path, name: str, avatar_id: str | None = None, gender: str | None = None,
                voice_id: str | None = None, reserved: set[str] = frozenset()) -> PhotoAvatar:
    """Check the photo (InvalidInput on a bad one), then store it under `avatar_id` (default: from the name)."""
    avatar_id = avatar_id or slug(name)
    if not _ID.match(avatar_id):
        raise InvalidInput("id", f"'{avatar_id}' is not a valid avatar id (lowercase letters, digits and dashes, up to 40)")
    if avatar_id in reserved:
        raise InvalidInput("id", f"'{avatar_id}' is a stock presenter's id; choose another")
    if gender not in (None, "male", "female"):
        raise InvalidInput("gender", f"must be male or female, not '{gender}'")
    photo = Path(photo)
    prepared = prepare_photo(photo, field="photo", avatar_id=avatar_id, name=name, gender=gender, voice_id=voice_id)
    root = store_dir()
    root.mkdir(parents=True, exist_ok=True)
    # Write into a temporary folder and rename: a half-written avatar never shows up.
    tmp = Path(tempfile.mkdtemp(prefix=f".{avatar_id}-", dir=root))
    kept = tmp / f"photo{photo.suffix.lower() or '.img'}"
    shutil.copyfile(photo, kept)
    final = root / avatar_id
    saved = prepared.model_copy(update={"source": final / kept.name, "notes": []})
    (tmp / "avatar.json").write_text(saved.model_dump_json(indent=1), encoding="utf-8")
    if final.exists():
        shutil.rmtree(final)
    tmp.rename(final)
    return saved.model_copy(update={"notes": prepared.notes})


def load_saved(avatar_id: str) -> PhotoAvatar | None:
    if not _ID.match(avatar_id or ""):
        return None
    path = store_dir() / avatar_id / "avatar.json"
    if not path.is_file():
        return None
    return PhotoAvatar.model_validate_json(path.read_text(encoding="utf-8"))


def list_saved() -> list[PhotoAvatar]:
    root = store_dir()
    if not root.is_dir():
        return []
    out = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        avatar = load_saved(entry.name)
        if avatar is not None:
            out.append(avatar)
    return out


def delete_saved(avatar_id: str) -> bool:
    if load_saved(avatar_id) is None:
        return False
    shutil.rmtree(store_dir() / avatar_id)
    return True
