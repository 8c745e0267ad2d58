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
from onetake.text_units import is_cjk, units


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
    face = (fonts.cjk_typeface(fonts.is_bold(role)) if is_cjk(missing) else None) or fonts.fallback_typeface_for(missing)
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
    """Greedy wrap between text_units units: at spaces, and between CJK characters (which are set
    without spaces; punctuation stays on its character's line). `align` is left, center or right.
    `max_lines` > 0 ellipsises overflow."""
    base_font = fonts.font(role, size)
    metrics = base_font.getMetrics()
    ascent = -metrics.fAscent
    line_height = size * line_spacing
    space = base_font.measureText(" ")

    # (word, font, width, gap before it when not first on its line)
    lines: list[list[tuple[str, skia.Font, float, float]]] = [[]]
    line_width = 0.0
    previous = ""
    for raw in units(text):
        font = _font_for(raw, role, size)
        for word in _split_too_wide(raw, font, max_width):
            width = font.measureText(word)
            gap = 0.0 if previous and (is_cjk(previous[-1]) or is_cjk(word[0])) else space
            needed = width if not lines[-1] else line_width + gap + width
            if lines[-1] and needed > max_width:
                lines.append([])
                line_width = width
            else:
                line_width = needed
            lines[-1].append((word, font, width, gap))
            previous = word
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        word, font, _, gap = lines[-1][-1]
        cut = word.rstrip(".,;:，。；：、") + "…"
        lines[-1][-1] = (cut, font, font.measureText(cut), gap)

    placed: list[PlacedWord] = []
    widest = 0.0
    for index, line in enumerate(lines):
        total = sum(w + g for _, _, w, g in line) - (line[0][3] if line else 0.0)
        widest = max(widest, total)
        offset = {"left": 0.0, "center": (max_width - total) / 2, "right": max_width - total}[align]
        cursor = offset
        for position, (word, font, width, gap) in enumerate(line):
            cursor += gap if position else 0.0
            blob = skia.TextBlob.MakeFromString(word, font)
            placed.append(PlacedWord(word, cursor, ascent + index * line_height, width, blob, index))
            cursor += width
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
