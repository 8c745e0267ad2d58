"""Word-level text layout on skia fonts.

Written by hand because skia-python's Paragraph exposes no word positions,
and captions (highlight the spoken word) and kinetic titles (animate each
word) need them. Layout happens once per text; drawing a laid-out block is
a handful of drawTextBlob calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import skia

from onetake.draw import fonts


@dataclass(frozen=True)
class PlacedWord:
    text: str
    x: float  # left edge, relative to the block
    baseline: float  # relative to the block top
    width: float
    blob: skia.TextBlob
    line: int


@dataclass(frozen=True)
class TextBlock:
    words: tuple[PlacedWord, ...]
    width: float
    height: float
    line_height: float
    ascent: float  # positive distance from a line's top to its baseline

    def draw(self, canvas: skia.Canvas, x: float, y: float, paint: skia.Paint) -> None:
        for word in self.words:
            canvas.drawTextBlob(word.blob, x + word.x, y + word.baseline, paint)


def _font_for(word: str, role: str, size: float) -> skia.Font:
    primary = fonts.font(role, size)
    glyphs = primary.textToGlyphs(word)
    if all(glyphs):
        return primary
    missing = next(ch for ch, g in zip(word, glyphs) if g == 0)
    face = fonts.fallback_typeface_for(missing)
    return skia.Font(face, size) if face is not None else primary


def _split_too_wide(word: str, font: skia.Font, max_width: float) -> list[str]:
    """Break a word with no spaces (CJK, long URLs) into pieces that fit."""
    pieces, current = [], ""
    for ch in word:
        if current and font.measureText(current + ch) > max_width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    return pieces + [current] if current else pieces


@lru_cache(maxsize=512)
def layout(text: str, role: str, size: float, max_width: float, line_spacing: float = 1.18, align: str = "left", max_lines: int = 0) -> TextBlock:
    """Greedy wrap on spaces. `align` is left, center or right. `max_lines` > 0 ellipsises overflow."""
    base_font = fonts.font(role, size)
    metrics = base_font.getMetrics()
    ascent = -metrics.fAscent
    line_height = size * line_spacing
    space = base_font.measureText(" ")

    lines: list[list[tuple[str, skia.Font, float]]] = [[]]
    line_width = 0.0
    for raw in text.split():
        font = _font_for(raw, role, size)
        for word in _split_too_wide(raw, font, max_width):
            width = font.measureText(word)
            needed = width if not lines[-1] else line_width + space + width
            if lines[-1] and needed > max_width:
                lines.append([])
                line_width = width
            else:
                line_width = needed
            lines[-1].append((word, font, width))
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        word, font, _ = lines[-1][-1]
        lines[-1][-1] = (word.rstrip(".,;:") + "…", font, font.measureText(word.rstrip(".,;:") + "…"))

    placed: list[PlacedWord] = []
    widest = 0.0
    for index, line in enumerate(lines):
        total = sum(w for _, _, w in line) + space * max(0, len(line) - 1)
        widest = max(widest, total)
        offset = {"left": 0.0, "center": (max_width - total) / 2, "right": max_width - total}[align]
        cursor = offset
        for word, font, width in line:
            blob = skia.TextBlob.MakeFromString(word, font)
            placed.append(PlacedWord(word, cursor, ascent + index * line_height, width, blob, index))
            cursor += width + space
    height = ascent + (len(lines) - 1) * line_height + metrics.fDescent  # fDescent is positive (below the baseline)
    return TextBlock(tuple(placed), widest if align == "left" else max_width, height, line_height, ascent)


def fit(text: str, role: str, max_size: float, min_size: float, max_width: float, max_height: float, **kwargs) -> TextBlock:
    """The largest size (in 4% steps) at which `text` fits the box."""
    size = max_size
    while True:
        block = layout(text, role, round(size, 1), max_width, **kwargs)
        if (block.height <= max_height and all(w.width <= max_width for w in block.words)) or size <= min_size:
            return block
        size = max(min_size, size * 0.96)
