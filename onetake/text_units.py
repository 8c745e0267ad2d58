"""Words as every stage after the storyboard counts, times, wraps and captions them.

Chinese and Japanese are written without spaces, so splitting on whitespace makes a
whole Chinese sentence one "word": one caption that never breaks, one timing for
twenty syllables, a pace off by a factor of ten. Here a unit is a whitespace word,
except that each CJK character is a unit of its own (eSpeak's Mandarin voice reports
one WORD event per character, and Chinese lines may break between any two). A Latin
word, number or brand inside Chinese text ("Aurora", "149", "24/7") stays one unit.
Punctuation is glued to its neighbour, so no line or caption ever starts with "，" or
ends with "（".

For text without CJK characters the units are exactly `text.split()`, so every rate
measured in words per whitespace word stays valid.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")
CLAUSE_END = (",", ";", ":", "—", "–", "，", "、", "；", "：")
CLOSERS = "\"'”’»)]}」』】》〉）"


def is_cjk(ch: str) -> bool:
    """A character of a script written without spaces (Han, kana) or its full-width punctuation."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= o <= 0x4DBF  # extension A
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= o <= 0x3FFFF  # extensions B and later
        or 0x3000 <= o <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0xFF00 <= o <= 0xFF60  # full-width forms (，！？（）)
    )


def _is_punct(token: str) -> bool:
    return all(unicodedata.category(c).startswith("P") or c in "…" for c in token)


def _opens(token: str) -> bool:
    return all(unicodedata.category(c) in ("Ps", "Pi") for c in token)


def _pieces(chunk: str) -> list[str]:
    """One whitespace chunk cut into single CJK characters and runs of everything else."""
    out: list[str] = []
    run = ""
    for ch in chunk:
        if is_cjk(ch):
            if run:
                out.append(run)
                run = ""
            out.append(ch)
        else:
            run += ch
    return out + [run] if run else out


def units(text: str) -> list[str]:
    """The units of `text` in order (see the module docstring). "".join-ing them with
    `join_units` gives the text back, up to spaces between CJK and Latin."""
    out: list[str] = []
    for chunk in text.split():
        pieces = _pieces(chunk)
        if len(pieces) == 1 and not (out and is_cjk(chunk[0]) and _is_punct(chunk) and not _opens(chunk)):
            out.append(chunk)  # the common case: a whitespace word, kept exactly
            continue
        pending = ""  # opening punctuation waiting for the unit it opens
        first = True
        for piece in pieces:
            if _is_punct(piece) and (_opens(piece) or (first and not is_cjk(piece[0]))):
                pending += piece  # opening marks, and a plain quote before CJK text, open what follows
            elif _is_punct(piece) and out and not pending:
                out[-1] += piece  # closing punctuation stays with what it closes
            else:
                out.append(pending + piece)
                pending = ""
            first = False
        if pending:
            out.append(pending)
    return out


def count_words(text: str) -> int:
    """How many words `text` says, for pace, budgets and rates: whitespace words, each CJK
    character counting as one, lone punctuation ("—", "•") not at all. The one count every
    stage after the storyboard uses."""
    return sum(1 for unit in units(text) if not _is_punct(unit))


def join_units(parts: Iterable[str]) -> str:
    """Units back into display text: a space between two units unless either side is CJK
    ("只需149元", as Chinese is usually set; a space the writer put there is not kept)."""
    out = ""
    for part in parts:
        if out and part and not (is_cjk(out[-1]) or is_cjk(part[0])):
            out += " "
        out += part
    return out


def display_width(text: str) -> int:
    """Columns `text` takes in a monospaced reading: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def has_cjk(text: str) -> bool:
    return any(is_cjk(c) for c in text)
