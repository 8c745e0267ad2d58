"""Property checks on written narration: the LLM writer's validator, and bench/check_examples.py.

Every check is a plain function of the storyboard and its sources (prompt and
attached documents' text), so a script can be judged the same way whoever wrote it.
"""

from __future__ import annotations

import re
import unicodedata

# Production vocabulary: words about making the video, never words a viewer should hear.
PRODUCTION_TERMS = (
    r"b-?\s?rolls?",
    r"cut-?aways?",
    r"close-?ups?",
    r"(?:medium|wide|tight|establishing|tracking|aerial|drone|overhead|hero|macro|beauty|product|detail|insert)\s+shots?",
    r"shots?\s+of",
    r"lower[- ]?thirds?",
    r"captions?",
    r"subtitles?",
    r"cinematic",
    r"transitions?",
    r"lighting",
    r"backdrops?",
    r"soundtrack",
    r"music\s+bed",
    r"background\s+music",
    r"motion\s+graphics?",
    r"graphics?",
    r"overlays?",
    r"title\s+cards?",
    r"end\s+cards?",
    r"depth\s+of\s+field",
    r"bokeh",
    r"camera",
    r"film\s+grain",
    r"aspect\s+ratio",
    r"16\s*[:x]\s*9",
    r"9\s*[:x]\s*16",
    r"fps",
    r"render(?:ing|ed)?",
    r"editing",
    r"edits",
    r"pacing",
    r"colou?r\s+grad(?:e|ing)",
    r"palette",
    r"avatar",
    r"on-?screen",
    r"montage",
    r"scenes?",
    r"voice-?overs?",
    r"slow[- ]motion",
    r"time-?lapse",
    r"footage",
    r"thumbnail",
    r"presenter",
    r"talking\s+head",
    r"to\s+camera",
    r"split[- ]screen",
    r"picture-in-picture",
    r"typography",
    r"fonts?",
    r"sound\s+effects?",
    r"jingle",
    r"green\s+screen",
    r"vignette",
    r"widescreen",
    r"storyboard",
    r"script(?:writing)?",
    r"animated",
    r"frames?",
    r"cutaway",
    r"zoom(?:s|ing)?",
    r"dolly",
    r"pans?\b",
)
PRODUCTION_RE = re.compile(r"\b(?:" + "|".join(PRODUCTION_TERMS) + r")\b", re.IGNORECASE)


# digits with separators ("1,200", "3.5", "24/7"); a trailing % is part of the figure
_DIGITS_RE = re.compile(r"\d+(?:[.,:/]\d+)*")
_NUMBER_WORDS = {
    # "one" is left out: it is a pronoun as often as a number ("the one you need")
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 10**6, "billion": 10**9, "dozen": 12,
    # a few of the narration languages' number words
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10, "cien": 100, "mil": 1000,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10, "cent": 100,
    "zwei": 2, "drei": 3, "vier": 4, "zehn": 10, "hundert": 100, "tausend": 1000,
}
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", re.UNICODE)
# what a brief says about the video itself, never what a viewer should hear
_DIRECTION_RE = re.compile(
    r"\b(?:b-?roll|voice-?over|lower[- ]thirds?|on-screen|close-?up|wide shot|medium shot|camera|"
    r"cinematic transitions?|transitions?|cross-?fades?|palette|hex|storyboard|aspect ratio|9:16|16:9|"
    r"captions?|subtitles?|motion graphics|end card|cta|call[- ]to[- ]action|scene \d+|shot list)\b|#[0-9a-f]{6}\b",
    re.I,
)


def _norm_number(tok: str) -> str:
    tok = tok.replace(",", "")
    if re.fullmatch(r"\d+\.0+", tok):
        tok = tok.split(".")[0]
    return tok


def numbers_in(text: str) -> set[str]:
    """Figures in `text`, digits and number words alike, in one canonical form."""
    out = {_norm_number(m.group(0)) for m in _DIGITS_RE.finditer(text)}
    for part in list(out):  # "3.1" also vouches for "3" and "1"; "24/7" for "24" and "7"
        out.update(p for p in re.split(r"[.:/]", part) if p)
    for w in _WORD_RE.findall(text.lower()):
        for piece in w.split("-"):
            if piece in _NUMBER_WORDS:
                out.add(str(_NUMBER_WORDS[piece]))
    return out


def invented_numbers(narration: str, sources: str) -> list[str]:
    """Figures said in `narration` that no source contains."""
    allowed = numbers_in(sources)
    return sorted(n for n in numbers_in(narration) if n not in allowed)


def direction_words(narration: str) -> list[str]:
    """Production directions read aloud ("medium shot", "B-roll", a hex code)."""
    hits = [m.group(0) for m in PRODUCTION_RE.finditer(narration)]
    hits += [m.group(0) for m in _DIRECTION_RE.finditer(narration)]
    return sorted({h.lower() for h in hits})


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(unicodedata.normalize("NFC", text))]


def repeated_trigram_rate(text: str) -> float:
    """Share of word trigrams that already occurred earlier in the script (0 = no repetition)."""
    ws = words(text)
    grams = list(zip(ws, ws[1:], ws[2:]))
    if not grams:
        return 0.0
    seen: set[tuple[str, str, str]] = set()
    repeats = 0
    for g in grams:
        repeats += g in seen
        seen.add(g)
    return repeats / len(grams)


def repeated_sentences(text: str) -> list[str]:
    sents = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 3]
    seen: set[str] = set()
    dup = []
    for s in sents:
        if s in seen:
            dup.append(s)
        seen.add(s)
    return dup


def echoed_prompt(narration: str, prompt: str, run: int = 12) -> str | None:
    """A run of `run` words copied from the prompt that reads as an instruction, not a line to say."""
    pw = words(prompt)
    grams = {tuple(pw[i:i + run]) for i in range(len(pw) - run + 1)}
    nw = words(narration)
    for i in range(len(nw) - run + 1):
        g = tuple(nw[i:i + run])
        if g in grams:
            chunk = " ".join(g)
            if PRODUCTION_RE.search(chunk) or re.match(r"(?:create|make|generate|produce|write)\b", chunk):
                return chunk
    return None
