"""What the video is about: subject, company, description, benefit, audience, features."""

from __future__ import annotations

import re

from .lexicon import FICTION_RE, META_WORDS_RE, PEOPLE_NOUNS_RE, PLATFORM_WORDS, PRODUCTION_RE, VIDEO_NOUNS
from .text import split_list, split_sentences, squash


# --- subject, audience, benefits ------------------------------------------------------------

_SUBJ_RE = re.compile(
    r"\b(introducing|introduces|introduce|presenting|presents|present|showcasing|showcases|showcase|launching|"
    r"launches|launch|announcing|announces|announce|unveiling|unveils|unveil|promoting|promotes|promote|about|featuring|"
    r"explain|explains|explaining|demo|demos|demoing|highlight|highlights|highlighting|for)\s+"
    r"(?P<np>(?:a|an|the|our|its|their|this|today's|tonight's|this week's|this weekend's)\s+[^,.;:!?()\n]+)",
    re.I,
)
_SUBJ_CUT = re.compile(
    r"\s+(?:called|named|dubbed|to|for|that|which|who|from|in front of|where|while|speaking|using|"
    r"so that|and then|then|opening|featuring|via|through|in a|in an|with a presenter|with the host|"
    r"aimed at|targeting|designed for|made for|on (?:tiktok|youtube|instagram))\b.*$",
    re.I,
)
_COMPANY_RE = re.compile(
    r"(?:^|[:.]\s*|\bis\s+|\babout\s+)(a|an)\s+([a-z][a-z -]{2,40}?)\s+(?:introducing|launching|unveiling|announcing|presenting)\b",
    re.I,
)
_APPOSITIVE_RE = re.compile(r"^['\"]?\s*,\s+((?:a|an|the|our|my)\s+[^.;!?\n]+)")
_BENEFIT_RE = re.compile(
    r"\b(?:that|which)\s+((?:helps?|lets?|allows?|makes?|turns?|keeps?|saves?|brings?|gives?|"
    r"connects?|tracks?|handles?|simplifies|automates?|organi[sz]es|combines?|puts?|delivers?|"
    r"transforms?|creates?|builds?|finds?|matches?|protects?|plans?|shows?|teaches?|[a-z]{3,}(?:izes|ises|ates))\b[^.;!?\n]*)",
    re.I,
)
_AUDIENCE_RES = (
    re.compile(r"\b(?:for|aimed at|targeting|targeted at|designed for|made for|built for|audience:)\s+"
               r"((?:[a-z][\w'-]*\s*,?\s*(?:and\s+|&\s+)?){1,6})", re.I),
    re.compile(r"\bto\s+((?:prospective|potential|new|existing|busy|small|local|young)\s+[a-z]+(?:\s+[a-z]+)?)", re.I),
)
_SUCH_AS_RE = re.compile(r"\b((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:such as|including|like)\s+([^.;:!?\n]+)", re.I)


def _clean_np(np: str) -> str:
    np = FICTION_RE.sub("", np)
    np = np.replace("'", "").replace('"', "") if re.search(r"'[^']+'", np) else np
    np = _SUBJ_CUT.sub("", np)
    return squash(np).strip(" ,")


def find_subject(text: str, brand: str | None) -> str | None:
    weak: str | None = None
    for m in _SUBJ_RE.finditer(text):
        np = _clean_np(m.group("np"))
        toks = np.split()
        if not toks or len(toks) > 14:
            continue
        head = toks[-1].lower().strip("'")
        if head in VIDEO_NOUNS or PRODUCTION_RE.search(np) or re.fullmatch(r"(?:the|a|an|our)\s+\w+", np, re.I) and PEOPLE_NOUNS_RE.search(np):
            continue
        if re.search(r"\b(?:host|presenter|avatar|viewers?|camera|style|tone|look|feel)\b", np, re.I):
            continue
        bare = re.sub(r"^(?:a|an|the|our)\s+", "", np, flags=re.I)
        if brand and bare.lower() == brand.lower():
            return None
        if m.group(1).lower() == "for":
            weak = weak or np
            continue
        return np
    if weak:
        return weak
    # a topic with no article: "an explainer on photosynthesis", "a lesson about compound interest"
    m = _TOPIC_RE.search(text)
    if m and not PRODUCTION_RE.search(m.group(1)) and m.group(1).split()[-1].lower() not in VIDEO_NOUNS:
        return _clean_np(m.group(1))
    return None


_TOPIC_RE = re.compile(
    r"\b(?:explainer|lesson|lecture|talk|overview|introduction|intro|guide|tutorial|primer|video|film)\s+(?:on|about)\s+"
    r"(?!(?:a|an|the|our|how|why|what)\b)([a-z][\w-]*(?:\s+(?!for\b|to\b|with\b|in\b|that\b)[a-z][\w-]*){0,3})(?=\s+for\b|[,.:;!?]|$)",
    re.I,
)


def find_company(text: str) -> str | None:
    m = _COMPANY_RE.search(text)
    if not m:
        return None
    np = f"{m.group(1)} {m.group(2)}".strip()
    if PRODUCTION_RE.search(np) or m.group(2).split()[-1].lower() in VIDEO_NOUNS:
        return None
    return np


def find_description(text: str, brand: str | None) -> tuple[str | None, str | None]:
    """Appositive after the brand, and a benefit clause ('that organizes ...')."""
    desc = benefit = None
    if brand:
        for m in re.finditer(re.escape(brand), text):
            am = _APPOSITIVE_RE.match(text[m.end():])
            if am:
                phrase = _clean_np_keep(am.group(1))
                bm = _BENEFIT_RE.search(phrase)
                if bm:
                    benefit = _clean_clause(bm.group(1))
                    phrase = phrase[:bm.start()].strip(" ,")
                if len(phrase.split()) > 8:
                    # "a neighbourhood studio with morning flow, prenatal classes and a sauna":
                    # the head is the description, the list is the features
                    head = re.split(r"\s+(?:with|offering|featuring|including|where|that|which|who)\b", phrase, maxsplit=1)[0]
                    phrase = head.strip(" ,") if 2 <= len(head.split()) <= 8 else ""
                desc = phrase or None
                break
    if benefit is None:
        for s, e in split_sentences(text)[:6]:
            sent = text[s:e]
            if brand and brand not in sent and not re.search(r"\b(?:introduc|launch|announc|unveil)", sent, re.I):
                continue
            bm = _BENEFIT_RE.search(sent)
            if bm and not PRODUCTION_RE.search(bm.group(1)) and not META_WORDS_RE.search(bm.group(1)):
                benefit = _clean_clause(bm.group(1))
                break
    return desc, benefit


def _clean_np_keep(np: str) -> str:
    return squash(FICTION_RE.sub("", np)).strip(" ,")


def _clean_clause(clause: str) -> str:
    clause = re.split(r"\s+(?:while|with (?:a|an|the) (?:presenter|host)|in (?:a|an) (?:\w+ )?(?:style|tone))\b", clause)[0]
    return squash(clause).strip(" ,")


def find_audience(text: str) -> str | None:
    text = re.sub(r"(?m)^\s*[-*\u2022].*$", "", text)
    text = re.sub(r"\bbullet(?:\s+points?)?\b[^.;\n]*", "", text, flags=re.I)
    for rx in _AUDIENCE_RES:
        for m in rx.finditer(text):
            phrase = m.group(1).strip(" ,")
            phrase = re.split(r"\s+(?:who|that|with|in|to|on|and then|then|while|using)\b|[,;]\s+(?!and\b)(?=\w+\s+\w+\s+\w+)", phrase)[0]
            phrase = re.sub(r"\s+(?:and|&)$", "", phrase.strip(" ,"))
            if not phrase or not PEOPLE_NOUNS_RE.fullmatch(phrase.split()[-1]):
                continue
            if any(w in PLATFORM_WORDS for w in phrase.lower().split()) or PRODUCTION_RE.search(phrase):
                continue
            if re.search(r"\b(?:video|ads?|website|social)\b", phrase, re.I):
                continue
            return phrase
    return None


_COLON_LIST_RE = re.compile(r"(?P<left>[^.:;!?\n]{3,120}):[ \t]*(?P<body>[^.;:!?\n]+)")
_WITH_LIST_RE = re.compile(r"\b(?:with|including|features?\s+(?:like|such as|including))\s+(?P<body>[^.;:!?\n]+)", re.I)
_NOT_FEATURE_LEFT_RE = re.compile(
    r"\b(?:scenes?|structure|structured|sections?|segments?|shots|parts|sequence|outline|beats|flow|storyboard|"
    r"chapters|style|tone|palette|colou?rs?|theme|look|music|voice|script|say|says|line|cta|call to action|"
    r"note|notes|format|audience|presenter|host|avatar|narrator|speaker)\s*$",
    re.I,
)
_NOT_FEATURE_ITEM_RE = re.compile(
    r"\b(?:is|are|was|were|will|can|should|must|then|finally|show|shows|showing|open|end|close|we|you|i|it|"
    r"they|he|she|presenter|host|avatar|viewers?)\b",
    re.I,
)


def _short_np_list(body: str) -> list[str]:
    """'quick capture, shared notebooks, offline sync and search' -> four items, else []."""
    body = re.split(r",?\s+then\s+", body)[0]
    if "," not in body:
        return []
    items = [FICTION_RE.sub("", i).strip(" ,") for i in split_list(body)]
    if not 3 <= len(items) <= 8:
        return []
    for it in items:
        n = len(it.split())
        if not 1 <= n <= 5 or PRODUCTION_RE.search(it) or _NOT_FEATURE_ITEM_RE.search(it) or re.search(r"\d", it):
            return []
        if PEOPLE_NOUNS_RE.search(it.split()[-1]):
            return []
    if sum(_is_colour(it) for it in items) * 2 >= len(items):  # "cream, burgundy, and brass accents" is a palette
        return []
    return items


def _is_colour(item: str) -> bool:
    from onetake.agent.reading.palette import NAMED_COLOURS

    words = [w for w in item.lower().split() if w not in ("accents", "accent", "tones", "details", "and", "with")]
    return bool(words) and " ".join(words) in NAMED_COLOURS or all(w in NAMED_COLOURS for w in words)


def _colon_lists(text: str):
    """_COLON_LIST_RE.finditer(text), tried only where a colon is: the bare scan costs
    ~0.1 s on a 10,000-character brief, this ~1 ms (same matches)."""
    pos = 0
    for colon in re.finditer(":", text):
        i = colon.start()
        if i < pos:
            continue
        bad = max(text.rfind(ch, pos, i) for ch in ".:;!?\n")
        start = max(pos, bad + 1, i - 120)
        if i - start < 3:
            continue
        m = _COLON_LIST_RE.match(text, start)
        if m and m.start("left") == start and m.end("left") == i:
            yield m
            pos = m.end()


def find_features(text: str) -> tuple[list[str], str | None]:
    # "X: a, b, c and d" after a colon (not a scene list, style or script)
    for m in _colon_lists(text):
        left = m.group("left")
        if _NOT_FEATURE_LEFT_RE.search(left) or re.search(r"[\"\u201c\u201d]", m.group(0)):
            continue
        items = _short_np_list(m.group("body"))
        if items:
            return items[:8], None
    for m in _SUCH_AS_RE.finditer(text):
        head = m.group(1).strip()
        items = split_list(re.split(r",?\s+then\s+", m.group(2))[0])
        items = [FICTION_RE.sub("", i).strip() for i in items if 0 < len(i.split()) <= 6]
        if len(items) >= 2 and not any(PRODUCTION_RE.search(i) for i in items):
            head_words = [w for w in head.split() if w.lower() not in ("highlighting", "showing", "featuring", "on", "of", "with", "and")]
            return items[:6], " ".join(head_words) or None
    for m in _WITH_LIST_RE.finditer(text):
        items = _short_np_list(m.group("body"))
        if items:
            return items[:8], None
    # a verbless sentence that is a list: "Fresh beans daily, oat milk on tap and a quiet back room."
    for s, e in split_sentences(text[:3000]):  # a product's own list sits near the top of a brief
        sent = text[s:e].strip().rstrip(".!")
        if "," not in sent or ":" in sent or '"' in sent or re.search(r"\d", sent) or PRODUCTION_RE.search(sent):
            continue
        items = split_list(sent)
        last = re.match(r"^(.+?)\s+and\s+(.+)$", items[-1]) if items else None
        if last and len(last.group(1).split()) <= 5 and len(last.group(2).split()) <= 5:
            items[-1:] = [last.group(1), last.group(2)]
        if _VIDEO_REQUEST_RE.match(items[0]):  # "A video for my studio, Bloom Yoga." asks for the video, lists nothing
            continue
        if 2 <= len(items) <= 6 and all(1 <= len(i.split()) <= 5 for i in items) and not _VERBISH_RE.search(sent):
            return items, None
    return [], None


_VIDEO_REQUEST_RE = re.compile(r"(?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,2}(?:video|ad|advert|clip|promo|reel|spot|explainer)\b", re.I)
_VERBISH_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|will|can|be|create|make|use|include|show|visit|book|join|try|order|shop|"
    r"register|download|sign|call|end|open|start|keep|add|feature|highlight|mention|explain|introduce)\b"
    r"|\b(?:we|you|they|it|i)\b|\b\d+[- ]?(?:second|sec|minute|min)s?\b",
    re.I,
)
