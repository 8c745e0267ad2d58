"""Brand kits: a brand's colours, fonts and logo, stored on disk and applied to every scene.

Layout of a store: <root>/<id>/kit.json, <root>/<id>/fonts/<role>.ttf|otf, <root>/<id>/logo.png.
Every function takes the store's `root`; without one it is the CLI's store, $ONETAKE_HOME/brand_kits
(default ~/.local/share/onetake/brand_kits). The server keeps its kits under its own data directory
and hands the root to the pipeline inside the Brief, so job and render processes need no environment.

Uploaded files are checked by their bytes, never their names; WOFF/WOFF2 fonts
are converted to TTF once at upload (skia cannot read WOFF2), with fontTools.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from pydantic import BaseModel, Field, PrivateAttr

from onetake.agent.storyboard import Palette
from onetake.draw.colors import ensure_contrast, mix, relative_luminance
from onetake.errors import InvalidInput

MAX_FONT_BYTES = 15 * 2**20
MAX_LOGO_BYTES = 10 * 2**20
MAX_LOGO_PIXELS = 4096 * 4096
MAX_NAME_CHARS = 80
FONT_ROLES = ("display", "body")
COLOUR_ROLES = ("primary", "accent", "background", "surface", "text", "muted")
_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_ID = re.compile(r"^bk_[0-9a-f]{12}$")


class BrandKit(BaseModel):
    id: str
    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    colors: dict[str, str] = Field(default_factory=dict)  # role -> #RRGGBB
    fonts: dict[str, str] = Field(default_factory=dict)  # "display" | "body" -> file name inside the kit
    logo: str | None = None  # file name inside the kit
    created_at: float = 0.0
    _root: Path | None = PrivateAttr(default=None)  # the store it was read from (not saved in kit.json)

    def folder(self) -> Path:
        return (self._root or store_root()) / self.id

    def font_path(self, role: str) -> Path | None:
        name = self.fonts.get(role)
        return self.folder() / "fonts" / name if name else None

    def logo_path(self) -> Path | None:
        return self.folder() / self.logo if self.logo else None


def store_root(root: Path | None = None) -> Path:
    """`root` when given, else the CLI's default store."""
    if root is not None:
        return Path(root)
    home = Path(os.environ.get("ONETAKE_HOME") or Path.home() / ".local" / "share" / "onetake")
    return home / "brand_kits"


def _attached(kit: BrandKit, root: Path) -> BrandKit:
    kit._root = root
    return kit


def normal_hex(role: str, value: str) -> str:
    match = _HEX.match(value.strip())
    if not match:
        raise InvalidInput("color", f"{role}={value!r} is not a #RRGGBB colour")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.upper()


def _font_kind(data: bytes) -> str:
    head = data[:4]
    if head in (b"\x00\x01\x00\x00", b"true"):
        return "ttf"
    if head == b"OTTO":
        return "otf"
    if head == b"wOF2":
        return "woff2"
    if head == b"wOFF":
        return "woff"
    return ""


def read_font(role: str, path: Path) -> tuple[bytes, str]:
    """The font as TTF/OTF bytes that skia can load, or a clear error naming the file."""
    import skia
    from fontTools.ttLib import TTFont

    from onetake.draw import fonts  # noqa: F401  (initialises fontconfig quietly before skia loads fonts)

    data = _read_limited(path, MAX_FONT_BYTES, "font")
    kind = _font_kind(data)
    if not kind:
        raise InvalidInput("font", f"{role}={path.name}: not a TTF, OTF, WOFF or WOFF2 font")
    try:
        font = TTFont(io.BytesIO(data))
        if kind in ("woff", "woff2"):
            font.flavor = None  # write back as plain sfnt
            out = io.BytesIO()
            font.save(out)
            data = out.getvalue()
            kind = "otf" if "CFF " in font else "ttf"
        if "name" not in font or "cmap" not in font:
            raise InvalidInput("font", f"{role}={path.name}: the font has no name or character map")
    except InvalidInput:
        raise
    except Exception as exc:  # noqa: BLE001 - fontTools raises many kinds (struct, brotli, TTLib...) on hostile bytes
        raise InvalidInput("font", f"{role}={path.name}: a damaged font ({exc.__class__.__name__})") from None
    if skia.Typeface.MakeFromData(skia.Data.MakeWithCopy(data)) is None:
        raise InvalidInput("font", f"{role}={path.name}: the font cannot be drawn")
    return data, kind


def read_logo(path: Path) -> bytes:
    import skia

    from onetake.draw import fonts  # noqa: F401  (initialises fontconfig quietly before skia loads fonts)

    data = _read_limited(path, MAX_LOGO_BYTES, "logo")
    try:
        codec = skia.Codec.MakeFromData(skia.Data.MakeWithCopy(data))
    except RuntimeError:
        codec = None
    if codec is None:
        raise InvalidInput("logo", f"{path.name}: not a PNG, JPEG or WebP image")
    info = codec.getInfo()
    if info.width() * info.height() > MAX_LOGO_PIXELS:
        raise InvalidInput("logo", f"{path.name}: {info.width()}x{info.height()} pixels; the limit is 4096x4096")
    image = skia.Image.MakeFromEncoded(skia.Data.MakeWithCopy(data))
    image = image.makeRasterImage() if image is not None else None  # decoded in full once, so a damaged file is refused now
    if image is None:
        raise InvalidInput("logo", f"{path.name}: the image is damaged")
    if data[:8] == b"\x89PNG\r\n\x1a\n" or logo_file_name(data) != "logo.png":
        return data  # PNG, JPEG and WebP are kept as uploaded: re-encoding a JPEG as PNG made it ~5x larger
    return bytes(image.encodeToData(skia.kPNG, 100))  # other formats skia reads (GIF, BMP) become PNG


def logo_file_name(data: bytes) -> str:
    """logo.png | logo.jpg | logo.webp by the bytes (the renderer decodes any of them; the extension types its URL)."""
    if data[:3] == b"\xff\xd8\xff":
        return "logo.jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "logo.webp"
    return "logo.png"


def _read_limited(path: Path, limit: int, field: str) -> bytes:
    try:
        size = path.stat().st_size
    except OSError:
        raise InvalidInput(field, f"{path}: no such file") from None
    if size == 0:
        raise InvalidInput(field, f"{path.name}: the file is empty")
    if size > limit:
        raise InvalidInput(field, f"{path.name}: {size:,} bytes; the limit is {limit:,}")
    return path.read_bytes()


def create_brand_kit(name: str, colors: dict[str, str] | None = None, fonts: dict[str, Path] | None = None, logo: Path | None = None,
                     root: Path | None = None) -> BrandKit:
    """Validate everything first, then write the kit; nothing is stored for a bad upload."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise InvalidInput("name", f"must be 1-{MAX_NAME_CHARS} characters")
    checked_colors: dict[str, str] = {}
    for role, value in (colors or {}).items():
        if role not in COLOUR_ROLES:
            raise InvalidInput("color", f"unknown colour role '{role}'; valid roles: {', '.join(COLOUR_ROLES)}")
        checked_colors[role] = normal_hex(role, value)
    font_data: dict[str, tuple[bytes, str]] = {}
    for role, path in (fonts or {}).items():
        if role not in FONT_ROLES:
            raise InvalidInput("font", f"unknown font role '{role}'; valid roles: {', '.join(FONT_ROLES)}")
        font_data[role] = read_font(role, Path(path))
    logo_png = read_logo(Path(logo)) if logo else None

    root = store_root(root)
    kit = _attached(BrandKit(id="bk_" + secrets.token_hex(6), name=name, colors=checked_colors, created_at=time.time()), root)
    staging = root / f".{kit.id}.tmp"
    (staging / "fonts").mkdir(parents=True, exist_ok=True)
    for role, (data, kind) in font_data.items():
        (staging / "fonts" / f"{role}.{kind}").write_bytes(data)
        kit.fonts[role] = f"{role}.{kind}"
    if logo_png:
        kit.logo = logo_file_name(logo_png)
        (staging / kit.logo).write_bytes(logo_png)
    (staging / "kit.json").write_text(kit.model_dump_json(indent=2), encoding="utf-8")
    staging.rename(root / kit.id)  # atomic: a half-written kit is never listed
    return kit


def list_brand_kits(root: Path | None = None) -> list[BrandKit]:
    root = store_root(root)
    if not root.is_dir():
        return []
    kits = []
    for folder in root.iterdir():
        if _ID.match(folder.name) and (folder / "kit.json").is_file():
            kits.append(_attached(BrandKit.model_validate_json((folder / "kit.json").read_text(encoding="utf-8")), root))
    return sorted(kits, key=lambda k: k.created_at)


def get_brand_kit(kit_id: str, root: Path | None = None) -> BrandKit:
    if not _ID.match(kit_id or ""):
        raise InvalidInput("brand_kit", f"'{kit_id}' is not a brand kit id (bk_ and 12 hex digits)")
    root = store_root(root)
    path = root / kit_id / "kit.json"
    if not path.is_file():
        raise InvalidInput("brand_kit", f"no brand kit '{kit_id}'; see `onetake brand-kits list`")
    return _attached(BrandKit.model_validate_json(path.read_text(encoding="utf-8")), root)


def delete_brand_kit(kit_id: str, root: Path | None = None) -> None:
    kit = get_brand_kit(kit_id, root)
    shutil.rmtree(kit.folder())


def kit_palette(kit: BrandKit, base: Palette) -> Palette:
    """The kit's colours on top of `base`; roles the kit leaves out are derived so text stays readable."""
    c = kit.colors
    if not c:
        return base
    background = c.get("background", base.background)
    dark = relative_luminance(background) < 0.4
    primary = c.get("primary", base.primary)
    accent = c.get("accent", c.get("primary", base.accent))
    surface = c.get("surface", mix(background, primary, 0.12) if "background" in c else base.surface)
    text = c.get("text", "#F8FAFC" if dark else "#111827") if "background" in c else c.get("text", base.text)
    text = ensure_contrast(text, background, 4.5)
    muted = c.get("muted", ensure_contrast(mix(text, background, 0.4), background, 4.5))
    return Palette(background=background, surface=surface, primary=primary, accent=accent, text=text, muted=muted)
