"""Duration and orientation asked for in the prompt ("45-second", "1 minute", "9:16", "TikTok")."""

from __future__ import annotations

import re

from onetake.brief.models import Orientation

from .lexicon import VIDEO_NOUNS


# --- duration -----------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "twenty-five": 25, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
    "ninety": 90, "a": 1, "an": 1, "half a": 0.5, "half-a": 0.5, "a half": 0.5,
}
_NUM = r"(\d+(?:\.\d+)?|half[- ]a|" + "|".join(
    sorted((k for k in _NUMBER_WORDS if not k.startswith("half")), key=len, reverse=True)
) + r")"
_ASPECTS = {"16:9", "9:16", "4:3", "3:4", "1:1", "4:5", "5:4", "21:9", "2:1", "3:2", "2:3"}
_DUR_PATTERNS = (
    ("mmss", re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d)(?![\d:])")),
    ("minsec", re.compile(rf"\b{_NUM}[\s-]*(?:minutes?|mins?)[\s,-]*(?:and\s+)?(\d{{1,2}})[\s-]*(?:seconds?|secs?|s)\b", re.I)),
    ("min", re.compile(rf"\b{_NUM}[\s-]*(?:minutes?|mins?)\b(?:\s+and\s+a\s+half)?", re.I)),
    ("sec", re.compile(rf"\b{_NUM}[\s-]*(?:seconds?|secs?|sec)\b", re.I)),
    ("s", re.compile(r"(?<![\w'])(\d{1,3})s\b(?![-\s]*(?:style|vibe|vibes|aesthetic|era|look|music|retro|inspired|fashion|nostalgia|kids|tech|design|decor|hits|rock|pop))", re.I)),
)
_DUR_GOOD_AFTER = re.compile(
    r"^[\s-]*(?:long\b|(?:[\w-]+\s+){0,3}(?:" + "|".join(VIDEO_NOUNS) + r")\b)", re.I
)
_DUR_GOOD_BEFORE = re.compile(
    r"(?:about|around|roughly|approximately|under|max(?:imum)?|keep it(?: to)?|lasting|length|"
    r"duration|runtime|total|no longer than|at most|within|exactly|target|make it|a|an)\W*$",
    re.I,
)
_DUR_BAD_NEAR = re.compile(
    r"\b(?:each|per|every|scene|scenes|intro|outro|segment|section|shot|first|last|pause|delay|"
    r"countdown|ago|later|hold|beat|transition|logo|after|before)\b",
    re.I,
)


def _number(tok: str) -> float:
    tok = tok.lower().replace("-", " ") if tok.lower().startswith("half") else tok.lower()
    if tok.replace(" ", "-") in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[tok.replace(" ", "-")])
    if tok in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[tok])
    return float(tok)


_UNIT_RE = re.compile(r"(?i:seconds?|secs?\b|minutes?|mins?\b)|\d{1,3}s\b|\d:[0-5]\d")


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _UNIT_RE.finditer(text):
        s, e = max(0, m.start() - 40), min(len(text), m.end() + 40)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def parse_duration(text: str) -> float | None:
    """The requested video length in seconds, or None. Not clamped."""
    cands: list[tuple[float, int, float]] = []  # score, -pos, seconds
    taken: list[tuple[int, int]] = []
    windows = _windows(text)
    for kind, rx in _DUR_PATTERNS:
        for m in (m for ws, we in windows for m in rx.finditer(text, ws, we)):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            word_number = False
            if kind == "mmss":
                if m.group(0) in _ASPECTS or re.match(r"\s*(?:am|pm|a\.m|p\.m)\b", text[m.end():], re.I):
                    continue
                if re.search(r"(?:at|from|until|by|ratio|aspect)\s*$", text[max(0, m.start() - 10):m.start()], re.I):
                    continue
                secs = int(m.group(1)) * 60 + int(m.group(2))
            elif kind == "minsec":
                secs = _number(m.group(1)) * 60 + int(m.group(2))
                word_number = not m.group(1)[0].isdigit()
            elif kind == "min":
                secs = _number(m.group(1)) * 60
                if "half" in m.group(0).lower() and m.group(0).lower().endswith("half"):
                    secs += 30
                word_number = not m.group(1)[0].isdigit()
            elif kind == "sec":
                secs = _number(m.group(1))
                word_number = not m.group(1)[0].isdigit()
            else:
                secs = float(m.group(1))
                if re.search(r"\bthe\s*$", text[max(0, m.start() - 5):m.start()], re.I):
                    continue
            if secs <= 0:
                continue
            before = text[max(0, m.start() - 30):m.start()]
            after = text[m.end():m.end() + 30]
            score = 1.0
            if _DUR_GOOD_AFTER.match(after):
                score += 2
            if _DUR_GOOD_BEFORE.search(before):
                score += 1
            near = text[max(0, m.start() - 25):m.end() + 25]
            if _DUR_BAD_NEAR.search(near):
                score -= 3
            if word_number and m.group(1).lower() in ("a", "an") and score < 2:
                continue
            if score < 0:
                continue
            taken.append((m.start(), m.end()))
            cands.append((score, -m.start(), secs))
    if not cands:
        return None
    cands.sort(reverse=True)
    return float(cands[0][2])


# --- orientation --------------------------------------------------------------------------

_PORTRAIT_RES = (
    re.compile(r"\b9\s*[:x×/]\s*16\b"),
    re.compile(r"\bvertical\b(?!\s+(?:farm|integration|market|slice|line|axis|stripes?|lines?|scroll))", re.I),
    re.compile(r"\bportrait\b(?!\s+(?:of|photo|photograph|painting|shot))(?<!self-portrait)", re.I),
    re.compile(r"\btik\s?tok\b", re.I),
    re.compile(r"\b(?:instagram|ig|facebook|fb)\s+(?:reels?|stor(?:y|ies))\b", re.I),
    re.compile(r"\bReels?\b"),
    re.compile(r"\b(?:youtube\s+)?Shorts\b"),
    re.compile(r"\byoutube\s+shorts\b", re.I),
    re.compile(r"\b(?:for|as|in)\s+(?:a\s+)?Stor(?:y|ies)\b"),
    re.compile(r"\bStories\s+(?:format|ad|post|video)\b", re.I),
    re.compile(r"\bsnapchat\b", re.I),
)
_LANDSCAPE_RES = (
    re.compile(r"\b16\s*[:x×/]\s*9\b"),
    re.compile(r"\bhorizontal\b(?!\s+(?:lines?|stripes?|scroll|axis))", re.I),
    re.compile(r"\blandscape\s+(?:mode|format|orientation|video|aspect|ratio|frame)\b", re.I),
    re.compile(r"\b(?:in|as|horizontal|widescreen)\s+landscape\b(?!\s+(?:of|photo|photography|shots?))", re.I),
    re.compile(r"\bwidescreen\b", re.I),
    re.compile(r"\byoutube\b(?!\s+shorts)", re.I),
)


_ORIENT_HINT_RE = re.compile(
    r"(?i:vertical|portrait|tik\s?tok|reel|shorts|stor(?:y|ies)|snapchat|horizontal|landscape|widescreen|youtube)|\d\s*[:x×/]\s*\d"
)


def parse_orientation(text: str) -> Orientation | None:
    if not _ORIENT_HINT_RE.search(text):
        return None
    best: tuple[int, int, Orientation] | None = None  # (-count, first pos, value)
    for value, rxs in ((Orientation.portrait, _PORTRAIT_RES), (Orientation.landscape, _LANDSCAPE_RES)):
        hits = [m.start() for rx in rxs for m in rx.finditer(text)]
        if hits:
            key = (-len(hits), min(hits), value)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None
