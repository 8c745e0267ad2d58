"""Font pairings: a style's (or a brand kit's) typefaces registered as text roles.

Painters ask for roles ("display-bold", "body", "caption"...). A pairing
registers those roles under its own prefix ("editorial/display-bold"), so text
layouts cached for one look never leak into another.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

from onetake.draw import fonts

ROLES = ("display-bold", "display-black", "body", "body-medium", "body-semibold", "caption")

_FONTSOURCE = Path(os.environ.get("ONETAKE_FONTS_DIR", Path(__file__).resolve().parents[2] / "vendor" / "fonts")) / "node_modules" / "@fontsource"
_INTER = "/usr/share/fonts/opentype/inter"
_NOTO = "/usr/share/fonts/truetype/noto"

# Debian-packaged faces by weight; every other family comes from npm @fontsource (scripts/setup.sh).
_DEBIAN = {
    "inter": {400: f"{_INTER}/Inter-Regular.otf", 500: f"{_INTER}/Inter-Medium.otf", 600: f"{_INTER}/Inter-SemiBold.otf",
              700: f"{_INTER}/Inter-Bold.otf", 800: f"{_INTER}/Inter-ExtraBold.otf", 900: f"{_INTER}/Inter-Black.otf"},
    "inter-display": {600: f"{_INTER}/InterDisplay-SemiBold.otf", 700: f"{_INTER}/InterDisplay-Bold.otf",
                      800: f"{_INTER}/InterDisplay-ExtraBold.otf", 900: f"{_INTER}/InterDisplay-Black.otf"},
    "noto-serif": {400: f"{_NOTO}/NotoSerif-Regular.ttf", 700: f"{_NOTO}/NotoSerif-Bold.ttf"},
}
FAMILIES = sorted(set(_DEBIAN) | {
    "bebas-neue", "bodoni-moda", "caveat", "cormorant-garamond", "dm-sans", "dm-serif-display", "figtree", "fraunces",
    "ibm-plex-mono", "ibm-plex-sans", "montserrat", "nunito", "outfit", "poppins", "space-grotesk", "syne",
})


class Face(BaseModel):
    family: str
    weight: int = 400


class FontPairing(BaseModel):
    """Which face plays each text role. `files` (from a brand kit) beat families when set."""

    display_bold: Face
    display_black: Face
    body: Face
    body_medium: Face
    body_semibold: Face
    caption: Face
    uppercase_display: bool = False  # condensed all-caps faces (Bebas) read as designed only in capitals

    def face(self, role: str) -> Face:
        return getattr(self, role.replace("-", "_"))


def pairing(display: str, body: str, bold: int = 700, black: int = 800, caption: str | None = None, caption_weight: int = 700, **kw) -> FontPairing:
    return FontPairing(
        display_bold=Face(family=display, weight=bold), display_black=Face(family=display, weight=black),
        body=Face(family=body, weight=400), body_medium=Face(family=body, weight=500), body_semibold=Face(family=body, weight=600),
        caption=Face(family=caption or body, weight=caption_weight), **kw,
    )


def face_files(face: Face) -> list[str]:
    """Candidate files for a face, nearest weight first; Inter closes every list."""
    if face.family.startswith("/"):  # a brand kit's own font file
        return [face.family]
    if face.family in _DEBIAN:
        weights = _DEBIAN[face.family]
        return [weights[w] for w in sorted(weights, key=lambda w: abs(w - face.weight))]
    files = _FONTSOURCE / face.family / "files"
    found = [files / f"{face.family}-latin-{w}-normal.woff" for w in (face.weight, *range(100, 1000, 100))]
    ordered = sorted(dict.fromkeys(found), key=lambda p: abs(int(p.name.split("-")[-2]) - face.weight))
    return [str(p) for p in ordered if p.is_file()]


def register(prefix: str, pair: FontPairing) -> None:
    """Register the pairing's roles as `prefix/role`; falls back to Inter for any file missing."""
    inter = FontPairing.model_validate(pairing("inter-display", "inter").model_dump())
    for role in ROLES:
        fonts.register_role(f"{prefix}/{role}", face_files(pair.face(role)) + face_files(inter.face(role)))


def installed(family: str) -> bool:
    return bool(face_files(Face(family=family))) and (family in _DEBIAN or (_FONTSOURCE / family).is_dir())
