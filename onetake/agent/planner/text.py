"""Small text helpers: sentence splitting, word counts, lists, headlines, noun queries.

A regex sentence splitter is used instead of pysbd: pysbd takes ~80 ms on a
10,000-character prompt, this takes well under 1 ms, and prompts are
instructions, not literature.
"""

from __future__ import annotations

import re

from .lexicon import NON_NOUNS, PRODUCTION_RE, STOPWORDS

_QUOTE_MAP = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2022": "\u2022",
})


def normalize(text: str) -> str:
    """Straight quotes, plain spaces, Unix newlines; keeps line structure."""
    text = text.translate(_QUOTE_MAP).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r" *\n *", "\n", text).strip()


def squash(text: str) -> str:
    """One line, single spaces, no space before punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?=[^\s\d/])", r"\1 ", text)
    return re.sub(r"\s{2,}", " ", text)


_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "no", "e.g",
    "i.e", "approx", "feat", "prof", "mt", "ft", "fig", "vol", "dept", "est", "u.s", "u.k",
}
_BOUNDARY = re.compile(r"([.!?]+)([\"')\]]*)(\s+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of sentences; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for m in _BOUNDARY.finditer(line):
            if m.group(1) == ".":
                before = line[start:m.start(1)]
                last = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
                if last and (last.group(1).lower() in _ABBREV or len(last.group(1)) == 1):
                    continue
                if re.search(r"(?:^|[\s:])\d{1,2}$", before):
                    continue  # "1. Intro": a list marker, not a sentence end
            nxt = line[m.end():m.end() + 1]
            if nxt and nxt.islower():
                continue
            end = m.end(2)
            if line[start:end].strip():
                spans.append(_trim(line_start + start, line_start + end, text))
            start = m.end()
        if line[start:].strip():
            spans.append(_trim(line_start + start, line_start + len(line), text))
    return spans


def _trim(start: int, end: int, text: str) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_WORD_CHARS = re.compile(r"[A-Za-z0-9&]")


def count_words(text: str) -> int:
    """Spoken words: whitespace tokens holding a letter, a digit or '&'."""
    return sum(1 for tok in text.split() if _WORD_CHARS.search(tok))


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'&.-]*[A-Za-z0-9]|[A-Za-z0-9]|&", text)


def join_list(items: list[str], conj: str = "and") -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conj} {items[1]}"
    return ", ".join(items[:-1]) + f", {conj} {items[-1]}"


def split_list(text: str, split_and: bool = False) -> list[str]:
    """'A, B, and C' -> [A, B, C]; 'A; B' -> [A, B]. Bare 'and' splits only if asked."""
    text = text.strip().strip(".;:")
    if ";" in text:
        parts = text.split(";")
    else:
        parts = re.split(r",\s*(?:and\s+|or\s+|&\s+)?", text)
        if len(parts) > 1:
            m = re.match(r"^(.*?)\s+(?:and|or)\s+(.*)$", parts[-1])
            if m and len(m.group(1).split()) <= 3 and len(strip_article(m.group(2)).split()) <= 3:  # "... and a Saturday market stall"
                parts[-1:] = [m.group(1), m.group(2)]
    if split_and and len(parts) == 1:
        m = re.match(r"^(.{1,40}?)\s+(?:and|&)\s+(.{1,40})$", text)
        if m and len(m.group(1).split()) <= 4 and len(m.group(2).split()) <= 4:
            parts = [m.group(1), m.group(2)]
    out = []
    for p in parts:
        p = re.sub(r"^(?:and|or|&|then|plus)\s+", "", p.strip(), flags=re.I).strip(" .;:")
        if p:
            out.append(p)
    return out


_SMALL = {"a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with",
          "from", "as", "vs", "via", "per", "nor"}


def title_case(text: str) -> str:
    out = []
    for i, w in enumerate(text.split()):
        core = w.strip("\"'()")
        if any(c.isupper() for c in core[1:]) or not core[:1].isalpha() or re.search(r"\w[./]\w", core):
            out.append(w)  # PulseKey, AI, 3D, &, example.com
        elif i > 0 and core.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def capitalize_first(text: str) -> str:
    text = text.strip()
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1:]
        if c.isdigit():
            return text
    return text


def as_sentence(text: str) -> str:
    text = squash(text).strip(" ,;:-")
    if not text:
        return ""
    text = capitalize_first(text)
    if text[-1] not in ".!?":
        text += "."
    return text


def strip_article(text: str) -> str:
    return re.sub(r"^(?:a|an|the|some|our|your|their|my|its)\s+", "", text.strip(), flags=re.I)


_TAIL_STOP = _SMALL | {"and", "or", "that", "which", "who", "where", "how", "while", "into",
                       "its", "their", "our", "your", "every", "each"}


def headline(text: str, max_words: int = 6, min_words: int = 2, fallback: str = "") -> str:
    """A short on-screen headline: 2-6 words, title case, no dangling small words."""
    text = squash(re.sub(r"[\"()]", "", text)).strip(" .,;:!?")
    text = re.split(r"\s+(?:where|which|that|who|while|so that|because)\s+|[;:,.!?]\s", text)[0]
    all_toks = strip_article(text).split()
    toks = all_toks[:max_words]
    if len(all_toks) > max_words and all_toks[max_words].lower() not in _TAIL_STOP and toks[-1][:1].islower():
        # cut mid-phrase: back off to before the last small word ("in a single" -> "")
        for k in range(len(toks) - 1, 1, -1):
            if toks[k].lower() in _TAIL_STOP:
                toks = toks[:k]
                break
    while toks and toks[-1].lower().strip(",.") in _TAIL_STOP:
        toks.pop()
    if len(toks) < min_words:
        fb = fallback.split()
        if fb:
            extra = [t for t in fb if t.lower() not in (x.lower() for x in toks)]
            toks = (toks + extra)[:max_words] if toks else fb[:max_words]
    return title_case(" ".join(t.strip(",.;:") for t in toks))


def singular(word: str) -> str:
    w = word.lower()
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ics")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def noun_query(text: str, limit: int = 4) -> str:
    """Nouns only, singular, for matching icons or stock media: 'turntable vinyl record'."""
    text = PRODUCTION_RE.sub(" ", text)
    out: list[str] = []
    for tok in re.findall(r"[A-Za-z][A-Za-z-]*", text):
        low = tok.lower()
        if low in STOPWORDS or low in NON_NOUNS or len(low) < 3:
            continue
        if low.endswith(("ly", "ing", "ed", "ful", "ous", "ive", "ible", "able", "ish", "less")):
            continue
        low = singular(low)
        if low not in out:
            out.append(low)
        if len(out) >= limit:
            break
    return " ".join(out)


def has_production_words(text: str) -> bool:
    return bool(PRODUCTION_RE.search(text))


def is_steps(items: list[str]) -> bool:
    """Instructions rather than things: every item opens with a how-to verb ("click Security")."""
    from .lexicon import STEP_VERBS

    firsts = [re.sub(r"^(?:then|and|next|finally)\s+", "", i.strip(), flags=re.I).split()[:1] for i in items]
    return len(items) >= 2 and all(f and f[0].lower() in STEP_VERBS for f in firsts)
