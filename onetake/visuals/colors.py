"""Colour helpers: hex parsing, mixing and WCAG contrast, shared by every painter."""

from __future__ import annotations

import skia


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
    r, g, b = hex_to_rgb(value)
    return skia.ColorSetARGB(round(255 * max(0.0, min(1.0, alpha))), r, g, b)


def relative_luminance(value: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in hex_to_rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str, preferred: str, fallback_dark: str = "#0B0F19", fallback_light: str = "#FFFFFF") -> str:
    """`preferred` if it reads on `background` (WCAG 4.5:1), else black or white, whichever reads better."""
    if contrast_ratio(preferred, background) >= 4.5:
        return preferred
    return max((fallback_dark, fallback_light), key=lambda c: contrast_ratio(c, background))
