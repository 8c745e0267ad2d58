"""Typefaces by role, loaded from the fonts the set-up installs (Debian packages).

Files are looked up by path first so a missing fontconfig entry cannot change
the look silently; the system font manager is only the last resort.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import skia


def _initialise_fontconfig_quietly() -> None:
    """skia's bundled fontconfig is older than Debian 12's configuration and prints
    a harmless 'unknown element "reset-dirs"' warning on every start (in every
    worker). It initialises once per process, so silence stderr for that moment only."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            skia.FontMgr().matchFamilyStyle("Inter", skia.FontStyle.Normal())
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_initialise_fontconfig_quietly()

_FONT_FILES = {
    "display-bold": ["/usr/share/fonts/opentype/inter/InterDisplay-Bold.otf", "/usr/share/fonts/opentype/inter/Inter-Bold.otf"],
    "display-black": ["/usr/share/fonts/opentype/inter/InterDisplay-ExtraBold.otf", "/usr/share/fonts/opentype/inter/Inter-ExtraBold.otf"],
    "body": ["/usr/share/fonts/opentype/inter/Inter-Regular.otf"],
    "body-medium": ["/usr/share/fonts/opentype/inter/Inter-Medium.otf"],
    "body-semibold": ["/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"],
    "caption": ["/usr/share/fonts/opentype/inter/Inter-Bold.otf"],
}
# Fallbacks cover scripts Inter lacks (Greek and Cyrillic are in Inter; CJK, Devanagari... are not).
_FALLBACK_FILES = [
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
_FAMILY_FALLBACK = ("Inter", "Noto Sans", "DejaVu Sans")


def register_role(role: str, paths: list[str]) -> None:
    """Add a role (e.g. a style's "editorial/display-bold") backed by font files, first readable wins.

    Roles are never redefined with other files, so caches keyed by role stay valid."""
    if role not in _FONT_FILES:
        _FONT_FILES[role] = list(paths)


@lru_cache(maxsize=None)
def typeface(role: str) -> skia.Typeface:
    for candidate in _FONT_FILES.get(role, []) + _FALLBACK_FILES:
        if Path(candidate).is_file():
            face = skia.Typeface.MakeFromFile(candidate)
            if face is not None:
                return face
    manager = skia.FontMgr()
    for family in _FAMILY_FALLBACK:
        face = manager.matchFamilyStyle(family, skia.FontStyle.Normal())
        if face is not None:
            return face
    return skia.Typeface.MakeDefault()


# Han characters are drawn with Noto Sans CJK SC (face 2 of the collection): fontconfig's own pick
# is the JP face, whose forms of many characters (直, 骨, 写) read as wrong to a Chinese reader.
_CJK_FILES = {False: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", True: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"}
_CJK_SC_INDEX = 2


@lru_cache(maxsize=None)
def cjk_typeface(bold: bool) -> skia.Typeface | None:
    """Simplified Chinese Noto Sans CJK (installed by scripts/setup.sh), or None where it is missing."""
    path = _CJK_FILES[bold]
    return skia.Typeface.MakeFromFile(path, _CJK_SC_INDEX) if Path(path).is_file() else None


@lru_cache(maxsize=None)
def is_bold(role: str) -> bool:
    return typeface(role).fontStyle().weight() >= 600


@lru_cache(maxsize=None)
def fallback_typeface_for(char: str) -> skia.Typeface | None:
    """A system typeface that has `char`, for text Inter cannot draw."""
    return skia.FontMgr().matchFamilyStyleCharacter("", skia.FontStyle.Normal(), [], ord(char))


def font(role: str, size: float) -> skia.Font:
    f = skia.Font(typeface(role), size)
    f.setSubpixel(True)  # slow slides must not judder at whole-pixel steps
    f.setEdging(skia.Font.Edging.kAntiAlias)
    f.setHinting(skia.FontHinting.kNone)
    return f
