"""Input text -> the words we time, the sentences we render, and what each word says aloud.

Timings are promised per input word (a whitespace word, or one CJK character: see
onetake.text_units), so every later step keeps an index into this word list instead of
trusting an engine's own tokenisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from onetake.text_units import CLAUSE_END as _CLAUSE_END, CLOSERS as _CLOSERS, SENTENCE_END as _TERMINAL, is_cjk, units

# Periods after these do not end a sentence ("Dr. Smith"); ambiguous ones such as
# "etc." are left out on purpose: they end sentences more often than not in scripts.
_ABBREVIATIONS = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "st.",
    "jr.",
    "sr.",
    "vs.",
    "e.g.",
    "i.e.",
    "no.",
    "approx.",
}
MAX_SENTENCE_WORDS = 60  # keeps one engine call (and its alignment matrix) small


@dataclass(frozen=True)
class Word:
    text: str  # exactly as in the input
    line_end: bool  # a line break follows it (a bullet or paragraph boundary)


def split_words(text: str) -> list[Word]:
    words = []
    for line in text.splitlines():
        line_units = units(line)
        words += [Word(u, False) for u in line_units[:-1]] + [Word(u, True) for u in line_units[-1:]]
    if words:
        words[-1] = Word(words[-1].text, text.rstrip(" \t") != text.rstrip())
    return words


def _core(word: str) -> str:
    return word.rstrip(_CLOSERS)


def ends_sentence(words: Sequence[Word], i: int) -> bool:
    w = words[i]
    if w.line_end or i == len(words) - 1:
        return True
    core = _core(w.text)
    if not core.endswith(_TERMINAL):
        return False
    if core.lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", core):
        return False
    nxt = words[i + 1].text.lstrip("\"'“‘«([{¿¡")
    return not (nxt[:1].islower())


def sentences(words: Sequence[Word], max_words: int = MAX_SENTENCE_WORDS) -> list[range]:
    """Consecutive word ranges, one per sentence; over-long ones are cut at clause punctuation."""
    out: list[range] = []
    start = 0
    last_clause = -1
    for i in range(len(words)):
        if _core(words[i].text).endswith(_CLAUSE_END):
            last_clause = i
        if ends_sentence(words, i):
            out.append(range(start, i + 1))
            start, last_clause = i + 1, -1
        elif i - start + 1 >= max_words:
            cut = last_clause if last_clause >= start else i
            out.append(range(start, cut + 1))
            start, last_clause = cut + 1, -1
    if start < len(words):
        out.append(range(start, len(words)))
    return out


def spoken_text(words: Sequence[Word], say: Callable[[str], str] = lambda w: w) -> tuple[str, list[tuple[int, int]]]:
    """Text for the engine plus each word's (start, end) character span in it.

    A line that ends without punctuation (a bullet, a title) gets a period so the
    engine pauses and falls in pitch there instead of running into the next line.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, w in enumerate(words):
        s = say(w.text)
        spans.append((pos, pos + len(s)))
        if w.line_end and i < len(words) - 1 and not _core(w.text).endswith(_TERMINAL + _CLAUSE_END):
            s += "."
        glued = i + 1 < len(words) and not w.line_end and (is_cjk(w.text[-1]) or is_cjk(words[i + 1].text[0]))
        s += "\n" if w.line_end else "" if glued else " "  # Chinese is read as written: no spaces
        parts.append(s)
        pos += len(s)
    return "".join(parts).rstrip(), spans


_MONEY = re.compile(
    r"^(?P<pre>[\"'“‘(\[]*)(?P<cur>[$€£])(?P<int>\d+(?:,\d{3})*)(?:\.(?P<frac>\d{1,2}))?"
    r"(?P<big>[kKmMbB]|bn)?(?P<post>\W*)$"
)
_CURRENCY = {"$": ("dollar", "dollars"), "€": ("euro", "euros"), "£": ("pound", "pounds")}
_BIG = {"k": "thousand", "m": "million", "b": "billion", "bn": "billion"}


def english_spoken_form(word: str) -> str:
    """Rewrite what eSpeak misreads in English: "$49" comes out as "dollar forty nine"."""
    m = _MONEY.match(word)
    if not m:
        return word
    one, many = _CURRENCY[m["cur"]]
    number = m["int"]
    if m["big"]:
        amount = f"{number}{'.' + m['frac'] if m['frac'] else ''} {_BIG[m['big'].lower()]} {many}"
    else:
        amount = f"{number} {one if number == '1' else many}"
        if m["frac"] and int(m["frac"]):
            amount += f" {int(m['frac'].ljust(2, '0'))}"
    return f"{m['pre']}{amount}{m['post']}"
