"""Colour maths on #RRGGBB strings (mixing, WCAG contrast), shared by the planner and the painters.

Pure Python: the planner imports this without loading skia.
"""

from __future__ import annotations


def hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def mix(a: str, b: str, amount: float) -> str:
    """`amount` 0 gives a, 1 gives b."""
    ra, rb = hex_to_rgb(a), hex_to_rgb(b)
    return rgb_to_hex(tuple(x + (y - x) * amount for x, y in zip(ra, rb)))


def skcolor(value: str, alpha: float = 1.0) -> int:
    """A skia ARGB colour (an int, so skia itself is not needed to build it)."""
    r, g, b = hex_to_rgb(value)
    a = round(255 * max(0.0, min(1.0, alpha)))
    return (a << 24) | (r << 16) | (g << 8) | b


def relative_luminance(value: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in hex_to_rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def chroma(value: str) -> float:
    """0 for greys, up to 1 for pure hues."""
    rgb = hex_to_rgb(value)
    return (max(rgb) - min(rgb)) / 255


def ensure_contrast(colour: str, background: str, ratio: float) -> str:
    """Move `colour` towards white or black (whichever helps) until it reaches `ratio`."""
    if contrast_ratio(colour, background) >= ratio:
        return colour
    towards = "#FFFFFF" if relative_luminance(background) < 0.18 else "#000000"
    for step in range(1, 21):
        candidate = mix(colour, towards, step / 20)
        if contrast_ratio(candidate, background) >= ratio:
            return candidate
    other = "#000000" if towards == "#FFFFFF" else "#FFFFFF"
    return towards if contrast_ratio(towards, background) >= contrast_ratio(other, background) else other


def readable_on(background: str, preferred: str, fallback_dark: str = "#0B0F19", fallback_light: str = "#FFFFFF") -> str:
    """`preferred` if it reads on `background` (WCAG 4.5:1), else black or white, whichever reads better."""
    if contrast_ratio(preferred, background) >= 4.5:
        return preferred
    return max((fallback_dark, fallback_light), key=lambda c: contrast_ratio(c, background))
