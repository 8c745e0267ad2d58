"""Quoted lines, brand and product names read from the prompt."""

from __future__ import annotations

import re

from .cue_models import Quote
from .lexicon import INSTRUCTION_VERBS, NAME_STOPWORDS, PLATFORM_WORDS, PRODUCTION_RE
from .text import count_words


# --- quotes, brand -----------------------------------------------------------------------

_DQ_RE = re.compile(r'"([^"\n]{1,1200})"')
_SQ_RE = re.compile(r"(?<![A-Za-z0-9])'([^'\n]{1,200}?)'(?![A-Za-z0-9])")
_CTA_CTX = re.compile(
    r"(?:\bcta|call[- ]to[- ]action|end card|end(?:ing)? (?:with|on)|close (?:with|on)|closing line|"
    r"sign[- ]?off|final line|tagline at the end)\W*(?:[\w-]+\W+){0,4}$",
    re.I,
)
_NAME_CTX = re.compile(
    r"(?:called|named|titled|dubbed|known as|brand(?:ed)?(?: as)?|brand name|name(?: is)?|company|"
    r"product|app|device|museum|store|shop|studio|club|restaurant)\W*$",
    re.I,
)
_SCRIPT_CTX = re.compile(
    r"(?:\bsay|says|saying|said|script|line|lines|narration|narrate|voice-?over|\bvo|read|reads|"
    r"tagline|slogan|quote|words|hook|greet\w*(?: \w+)? with|open(?:s|ing)? with|starts? with|"
    r"asks?|exclaims?|tells? (?:viewers|the audience|them))\W*$",
    re.I,
)


def _looks_like_name(s: str) -> bool:
    toks = s.split()
    if not toks or len(toks) > 6 or s.rstrip()[-1:] in ".!?":
        return False
    caps = sum(1 for t in toks if t[:1].isupper() or t[:1].isdigit() or any(c.isupper() for c in t[1:]) or t == "&")
    return caps >= max(1, len(toks) - 1)


def _speakable(s: str) -> bool:
    """A quoted sentence with no cue around it counts as a line to say only if it reads like one."""
    first = re.match(r"[A-Za-z']+", s)
    if first and first.group(0).lower() in INSTRUCTION_VERBS - {"welcome", "meet"}:
        return False
    return not PRODUCTION_RE.search(s) and not re.search(r"\b(?:video|avatar|scene|prompt|b-?roll)\b", s, re.I)


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    spans: list[tuple[int, int]] = []
    for rx in (_DQ_RE, _SQ_RE):
        for m in rx.finditer(text):
            if any(m.start() < e and m.end() > s for s, e in spans):
                continue
            inner = m.group(1).strip()
            if not inner:
                continue
            spans.append((m.start(), m.end()))
            prefix = text[max(0, m.start() - 45):m.start()]
            n = count_words(inner)
            if _CTA_CTX.search(prefix):
                kind = "cta"
            elif _NAME_CTX.search(prefix) and _looks_like_name(inner):
                kind = "name"
            elif _SCRIPT_CTX.search(prefix):
                kind = "script"
            elif n >= 5 and not _looks_like_name(inner) and _speakable(inner):
                kind = "script"
            elif _looks_like_name(inner):
                kind = "name"
            else:
                kind = "other"
            quotes.append(Quote(inner, m.start(), m.end(), kind))
    quotes.sort(key=lambda q: q.start)
    return quotes


_NAME_TOKEN = r"(?:[A-Z0-9](?:[\w'+-]|\.(?=\w))*|[a-z]+[A-Z](?:[\w'+-]|\.(?=\w))*)"
_NAME_SEQ = rf"{_NAME_TOKEN}(?:[ \t]+(?:(?:&|and|of|the|de|du|la|n'|\+)[ \t]+)?{_NAME_TOKEN})*"
_CALLED_RE = re.compile(rf"\b(called|named|dubbed|titled|known as)\s+({_NAME_SEQ})")
_PERSONISH_RE = re.compile(
    r"\b(?:host|presenter|narrator|speaker|avatar|reporter|woman|man|girl|guy|boy|lady|character|"
    r"mascot|dog|cat|person|chef|doctor|teacher|founder|ceo|cto|owner|anchor|coach)\s*,?\s*$",
    re.I,
)
_FOR_BRAND_RE = re.compile(rf"\bfor\s+({_NAME_SEQ})")
_INTRO_BRAND_RE = re.compile(
    rf"\b(?:introducing|introduces|introduce|launching|launches|announcing|announces|unveiling|"
    rf"unveils|meet|presenting|presents|promoting|promotes|about|(?:intro|introduction|welcome|welcomes|welcoming|"
    rf"invitation|invite|inviting|tickets?)"
    rf"(?:\s+(?:viewers|everyone|people))?\s+to)\s+(?:the\s+|our\s+)?({_NAME_SEQ})"
)
_AT_BRAND_RE = re.compile(rf"\b(?:at|from)\s+({_NAME_SEQ})")
_REPEATED_NAME_RE = re.compile(r"(?<![\w'])((?:[A-Z][a-z]+|[A-Z]{2,}|[a-z]+[A-Z]\w*)(?:[ \t]+(?:&[ \t]+)?(?:[A-Z][a-z]+|[A-Z]{2,}|[a-z]+[A-Z]\w*)){0,3})\b")
# "our bakery, Crumb & Co, in Leeds": a common noun, then its proper name set off by commas
_APPOSITIVE_BRAND_RE = re.compile(rf"\b(?:our|my|the)\s+(?:[\w-]+\s+){{0,3}}[a-z][a-z-]+,\s+({_NAME_SEQ})(?=\s*(?:[,.;:!?)]|$))")
_BRAND_LABEL_RE = re.compile(r"\b(?:brand|brand name|company|product name|product)\s*:\s*([^\n.,;]{2,40})", re.I)


def _clean_name(name: str) -> str | None:
    name = re.sub(r"['’]s$", "", name.strip(" .,'\""))  # "Acme's new office": the name is Acme
    toks = name.split()
    while toks and toks[-1].lower() in ("&", "and", "of", "the", "de", "du", "la", "+"):
        toks.pop()
    if not toks:
        return None
    name = " ".join(toks)
    if all(t in NAME_STOPWORDS or t.lower() in PLATFORM_WORDS for t in toks):
        return None
    if toks[0] in NAME_STOPWORDS and len(toks) == 1:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?\w*", name):
        return None
    return name


def find_brand(text: str, quotes: list[Quote]) -> str | None:
    for m in _CALLED_RE.finditer(text):
        if _PERSONISH_RE.search(text[max(0, m.start() - 25):m.start()]):
            continue
        q = next((q for q in quotes if q.start == m.end(1) + 1 or q.start == m.start(2) - 1), None)
        if q is not None:
            return q.text
        name = _clean_name(m.group(2))
        if name:
            return name
    # quoted 'Name' right after called/named
    for q in quotes:
        before = text[max(0, q.start - 25):q.start]
        if re.search(r"(?:called|named|dubbed|titled|known as)\s*$", before, re.I) and not _PERSONISH_RE.search(
            text[max(0, q.start - 40):q.start].rsplit(" called", 1)[0] + " "
        ):
            return q.text
    for rx in (_BRAND_LABEL_RE, _APPOSITIVE_BRAND_RE):
        for m in rx.finditer(text):
            name = _clean_name(m.group(1))
            if name:
                return name
    for q in quotes:
        if q.kind == "name" and not PRODUCTION_RE.search(q.text):
            return q.text
    counts: dict[str, int] = {}
    mid: set[str] = set()
    for m in _REPEATED_NAME_RE.finditer(text):
        name = _clean_name(m.group(1))
        if not name or name.split()[0] in NAME_STOPWORDS:
            continue
        counts[name] = counts.get(name, 0) + 1
        if not re.search(r"(?:^|[.!?:\n\"]\s*)$", text[max(0, m.start() - 3):m.start()]):
            mid.add(name)
    repeated = [n for n, k in counts.items() if k >= 2 and (len(n.split()) >= 2 or n in mid)]
    for rx in (_INTRO_BRAND_RE, _FOR_BRAND_RE, _AT_BRAND_RE):
        for m in rx.finditer(text):
            name = _clean_name(m.group(1))
            if not name:
                continue
            toks = name.split()
            if len(toks) == 1 and toks[0].isupper() and len(toks[0]) <= 3:
                continue  # "AI video platform"
            after = text[m.end(1):m.end(1) + 2]
            if after.startswith("'s"):
                continue
            return name
    if repeated:
        return max(repeated, key=lambda n: counts[n])
    return None
