"""Facts read from the prompt: duration, orientation, brand, subject, presenter, CTA, quotes...

Everything here is a pure function of the prompt text. Scene structure is read
separately (structure.py) because it needs these facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onetake.brief.models import Orientation

from .lexicon import (
    COMPANY_ROLES,
    DESCRIPTORS,
    DOMAINS,
    FICTION_RE,
    GENERIC_AUDIENCE_RE,
    GENERIC_ROLES,
    INSTRUCTION_VERBS,
    META_WORDS_RE,
    NAME_STOPWORDS,
    PEOPLE_NOUNS_RE,
    PLATFORM_WORDS,
    PRODUCTION_RE,
    ROLE_DISPLAY,
    TONE_BLOCKERS_RE,
    TONE_FAMILIES,
    VIDEO_NOUNS,
)
from .palette import extract_colours
from .text import count_words, normalize, split_list, split_sentences, squash


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "script" | "name" | "cta" | "other"


@dataclass
class Presenter:
    role: str | None = None  # display form: "CTO", "Weather Reporter"
    name: str | None = None
    hint: str = ""
    company_voice: bool = False  # speaks as the company: "our new platform"

    @property
    def specific(self) -> bool:
        return bool(self.name) or (self.role is not None and self.role.lower() not in GENERIC_ROLES)


@dataclass
class CtaCue:
    requested: bool = False
    action: str | None = None  # imperative, e.g. "book a private styling appointment"
    verbatim: str | None = None  # a quoted line to say as is
    url: str | None = None


@dataclass
class Cues:
    text: str
    sentences: list[tuple[int, int]]
    duration: float | None = None
    orientation: Orientation | None = None
    brand: str | None = None
    subject: str | None = None  # "a boutique vinyl subscription club"
    company: str | None = None  # "a boutique jewelry house"
    description: str | None = None  # appositive after the brand: "a smart everyday gadget"
    benefit: str | None = None  # verb clause: "organizes notes, payments, and travel access ..."
    audience: str | None = None
    features: list[str] = field(default_factory=list)
    feature_head: str | None = None  # "design principles"
    presenter: Presenter = field(default_factory=Presenter)
    tones: list[str] = field(default_factory=list)
    tone: str = "warm"
    colours: list[str] = field(default_factory=list)
    colour_mode: str | None = None
    cta: CtaCue = field(default_factory=CtaCue)
    quotes: list[Quote] = field(default_factory=list)
    avatar_image: bool = False
    setting: str | None = None
    kind: str | None = None
    domain: str = "general"
    facts: list[str] = field(default_factory=list)

    def scripts(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == "script"]


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
    rf"unveils|meet|presenting|presents|promoting|promotes|about|(?:intro|introduction|welcome|welcomes|welcoming)"
    rf"(?:\s+(?:viewers|everyone|people))?\s+to)\s+(?:the\s+|our\s+)?({_NAME_SEQ})"
)
_AT_BRAND_RE = re.compile(rf"\b(?:at|from)\s+({_NAME_SEQ})")
_REPEATED_NAME_RE = re.compile(r"(?<![\w'])((?:[A-Z][a-z]+|[A-Z]{2,}|[a-z]+[A-Z]\w*)(?:[ \t]+(?:&[ \t]+)?(?:[A-Z][a-z]+|[A-Z]{2,}|[a-z]+[A-Z]\w*)){0,3})\b")
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
    for m in _BRAND_LABEL_RE.finditer(text):
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


# --- subject, audience, benefits ------------------------------------------------------------

_SUBJ_RE = re.compile(
    r"\b(introducing|introduces|introduce|presenting|presents|showcasing|showcases|launching|"
    r"launches|announcing|announces|unveiling|unveils|promoting|promotes|about|featuring|for)\s+"
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
_APPOSITIVE_RE = re.compile(r"^['\"]?\s*,\s+((?:a|an|the)\s+[^.;!?\n]+)")
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
    return weak


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
    return items


def find_features(text: str) -> tuple[list[str], str | None]:
    # "X: a, b, c and d" after a colon (not a scene list, style or script)
    for m in _COLON_LIST_RE.finditer(text):
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
    return [], None


# --- presenter ------------------------------------------------------------------------------

_ROLE_ALT = "|".join(sorted((re.escape(k) for k in ROLE_DISPLAY if k not in ("guide", "agent")), key=len, reverse=True))
_PNAME = r"((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
_NAME_RES = (
    re.compile(rf"\b(?i:our|the|my|their)\s+((?i:{_ROLE_ALT})),?\s+{_PNAME}"),
    re.compile(rf"\b(?i:presented|hosted|narrated)\s+by\s+{_PNAME}(?:,\s*(?i:our|the|a)?\s*((?i:{_ROLE_ALT})))?"),
    re.compile(rf"\b(?i:host|presenter|narrator|speaker|avatar|reporter|anchor)\s+(?i:named|called)\s+{_PNAME}"),
)
_NAME_ROLE_RE = re.compile(rf"\b{_PNAME},\s+(?i:our|the|a|an)\s+(?:[\w-]+\s+){{0,2}}?((?i:{_ROLE_ALT}))\b")
_ROLE_NAME_RE = re.compile(rf"\b((?i:{_ROLE_ALT}))\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_MAKE_HOST_RE = re.compile(
    r"\b(?:make|have)\s+the\s+(?:host|presenter|avatar|speaker|narrator)\s+([^.;\n]+)|"
    r"\b(?:host|presenter|avatar|speaker|narrator)\s+(?:should\s+)?(?:be|remain|feel|look|sound|stay)s?\s+([^.;\n]+)|"
    r"\b(?:host|presenter|avatar|speaker|narrator)\b[^.\n]{0,40}?\bwith\s+([\w\s,-]+?)\s+(?:energy|presence|delivery|demeanou?r|voice)",
    re.I,
)


def _role_display(raw: str) -> str:
    return ROLE_DISPLAY.get(raw.lower(), raw.title())


_ROLE_KEYS = {k for k in ROLE_DISPLAY if k not in ("guide", "agent")}
_ROLE_FIRST = {k.split()[0] for k in _ROLE_KEYS}
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _role_hits(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, role key, descriptor words) for each role word, longest phrase first."""
    toks = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    hits = []
    i = 0
    while i < len(toks):
        if toks[i][0] not in _ROLE_FIRST:
            i += 1
            continue
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            phrase = " ".join(t[0] for t in toks[i:i + n])
            if phrase in _ROLE_KEYS and " ".join(text[toks[i][1]:toks[i + n - 1][2]].split()).lower() == phrase:
                end = toks[i + n - 1][2]
                if text[end:end + 1] in ("-",) or phrase.endswith("'s"):
                    continue
                j = i - 1
                desc: list[str] = []
                while j >= 0 and len(desc) < 4 and toks[j][0] in DESCRIPTORS and text[toks[j][2]:toks[j + 1][1]].strip(" ,") == "":
                    desc.insert(0, toks[j][0])
                    j -= 1
                start = toks[j + 1][1]
                hits.append((start, end, phrase, " ".join(desc)))
                i += n - 1
                break
        i += 1
    return hits


def find_presenter(text: str) -> Presenter:
    p = Presenter()
    descriptor = ""
    generic: tuple[str, str] | None = None
    hits = _role_hits(text)
    for start, end, key, desc in hits:
        before = text[max(0, start - 12):start].lower()
        if re.search(r"\b(?:for|to|with|about)\s+(?:a|an|the)?\s*$", before) and "from" not in before:
            continue
        sent_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
        if re.search(r"\b(?:b-?\s?roll|shots?\s+of|footage|cut-?aways?|close-?ups?|montage|show(?:s|ing)?)\b", text[max(sent_start, start - 80):start], re.I):
            continue
        role = _role_display(key)
        if role.lower() in GENERIC_ROLES:
            generic = generic or (role, desc)
            continue
        p.role, descriptor = role, desc
        break
    if p.role is None and generic:
        p.role, descriptor = generic
    windows = [text[max(0, s - 60):e + 40] for s, e, _, _ in hits[:12]]
    windows += [text[max(0, m.start() - 10):m.end() + 60] for m in re.finditer(r"\b(?:presented|hosted|narrated) by\b", text)]
    for w in windows:
        for rx in _NAME_RES:
            m = rx.search(w)
            if not m:
                continue
            for g in (g for g in m.groups() if g):
                if g.lower() in ROLE_DISPLAY:
                    p.role = _role_display(g)
                elif g.split()[0] not in NAME_STOPWORDS and p.name is None:
                    p.name = g
            if p.name:
                break
        if p.name:
            break
    if p.name is None:
        for w in windows:
            m = _NAME_ROLE_RE.search(w)
            if m and m.group(1).split()[0] not in NAME_STOPWORDS:
                p.name, p.role = m.group(1), _role_display(m.group(2))
                break
            m = _ROLE_NAME_RE.search(w)
            if m and m.group(2).split()[0] not in NAME_STOPWORDS:
                p.role, p.name = _role_display(m.group(1)), m.group(2)
                break
    adjectives: list[str] = []
    for m in _MAKE_HOST_RE.finditer(text):
        chunk = next(g for g in m.groups() if g)
        for w in re.findall(r"[a-z][a-z-]+", chunk.lower()):
            if (w in TONE_FAMILIES or w in DESCRIPTORS) and w not in adjectives:
                adjectives.append(w)
    parts: list[str] = []
    if p.name:
        parts.append(p.name)
    role_txt = ""
    if p.role:
        role_txt = p.role if p.role.isupper() else p.role.lower()
    person = " ".join(x for x in (descriptor, role_txt) if x)
    extra = [a for a in adjectives if a not in descriptor.split()][:3]
    if extra:
        person = ", ".join(extra) + (" " + person if person else " presenter")
    if person:
        parts.append(person)
    p.hint = ", ".join(parts)[:120]
    del adjectives[3:]
    p.company_voice = p.role in COMPANY_ROLES
    return p


# --- tone, CTA, misc -----------------------------------------------------------------------

def find_tones(text: str) -> tuple[list[str], str]:
    tones: list[str] = []
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in re.finditer(r"[A-Za-z][A-Za-z-]+", text):
        w = m.group(0).lower()
        fam = TONE_FAMILIES.get(w)
        if fam is None:
            continue
        if TONE_BLOCKERS_RE.match(text[m.end():m.end() + 60]):
            continue
        if w not in tones:
            tones.append(w)
        counts[fam] = counts.get(fam, 0) + 1
        first.setdefault(fam, m.start())
    if not counts:
        return tones, ""
    fam = max(counts, key=lambda f: (counts[f], -first[f]))
    return tones, fam


_URL_RE = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\."
    r"(?:com|io|ai|co|org|net|app|dev|shop|store|tv|me|uk|de|fr|us|ca|au|xyz|studio|design|art)"
    r"(?:/[^\s,;)\"']*)?(?![\w])",
    re.I,
)
_CTA_WORD_RE = re.compile(r"\b(?:cta|call[- ]to[- ]action|calls? to action)\b", re.I)
_CTA_ACTION_RES = (
    re.compile(r"\b(?:cta|call[- ]to[- ]action)\s*[:\-\u2013\u2014]\s*((?:[^\n.]|\.(?=\w))+?)(?:[.!]\s|[.!]?$|\n)", re.I),
    re.compile(
        r"\b(?:inviting|invite|invites|asking|ask|asks|encouraging|encourage|encourages|urging|urge|"
        r"prompting|prompt|telling|tell|directing|direct|reminding|remind)\s+(?:the\s+)?(?:viewers?|people|customers|"
        r"audiences?|them|users|visitors|families|everyone|listeners|fans|you|prospects|guests|readers)\s+"
        r"to\s+((?:[^.;!\n]|\.(?=\w))+)",
        re.I,
    ),
    re.compile(r"\b(?:cta|call[- ]to[- ]action)\s+(?:to|that says|saying|telling viewers to|urging viewers to)\s+((?:[^.;!\n]|\.(?=\w))+)", re.I),
    re.compile(r"\b(?:end|close|finish|wrap up|sign off)\s+(?:by|with)\s+(?:a\s+)?(?:line\s+)?(?:inviting|asking|telling|encouraging)?\s*"
               r"((?:visit(?:ing)?|sign(?:ing)? up|book(?:ing)?|join(?:ing)?|shop(?:ping)?)\b(?:[^.;!\n]|\.(?=\w))*)", re.I),
)


def _clean_action(action: str) -> str:
    action = re.split(
        r"\s+(?:while|with (?:a|an|the)? ?(?:logo|url|button|end card|music|text|graphic|title)|"
        r"in (?:the|a) (?:final|last|end)|on (?:the|an) end card|at the end)\b|,\s*(?:and\s+)?(?:keep|use|make|with)\b",
        action, flags=re.I,
    )[0]
    action = re.sub(r"\btheir\b", "your", action, flags=re.I)
    action = re.sub(r"\bthem\b", "you", action, flags=re.I)
    action = re.sub(r"\b(?:visiting|booking|joining|signing)\b", lambda m: {
        "visiting": "visit", "booking": "book", "joining": "join", "signing": "sign"}[m.group(0).lower()], action, count=1, flags=re.I)
    action = squash(action).strip(" ,.:;")
    if action and action.split()[0][:1].isupper() and action.split()[0].lower() in INSTRUCTION_VERBS | {"visit", "book", "join", "sign", "download", "subscribe", "try", "discover", "get", "order", "shop", "call", "follow", "learn", "register", "buy", "contact", "explore", "reserve"}:
        action = action[0].lower() + action[1:]
    return action


def find_cta(text: str, quotes: list[Quote]) -> CtaCue:
    cta = CtaCue(requested=bool(_CTA_WORD_RE.search(text)))
    for q in quotes:
        if q.kind == "cta":
            cta.verbatim = q.text
            cta.requested = True
            break
    for rx in _CTA_ACTION_RES:
        m = rx.search(text)
        if m:
            action = _clean_action(m.group(1).strip(" \"'"))
            if action and not PRODUCTION_RE.search(action) and 1 <= count_words(action) <= 20:
                cta.action = action
                cta.requested = True
                break
    url = _URL_RE.search(text)
    if url:
        cta.url = url.group(0).rstrip(".")
        cta.requested = True
        if cta.action is None and cta.verbatim is None:
            # keep the brief's own verb: "Book at bloomyoga.studio", "Join us at acme.io"
            vm = _CTA_VERB_URL_RE.search(text[max(0, url.start() - 60):url.start()])
            if vm:
                verb = vm.group(1).lower()
                lead = squash(vm.group(0)).strip()
                cta.action = _clean_action(lead[0].lower() + lead[1:] + " " + cta.url) if verb else None
            if not cta.action:
                cta.action = f"visit {cta.url}"
    return cta


_CTA_VERB_URL_RE = re.compile(
    r"\b(book|join|visit|download|sign up|signup|try|call|order|subscribe|shop|register|reserve|buy|"
    r"get started|learn more|find out more|start|discover|explore|follow|contact|apply|enrol|enroll)\b"
    r"(?:[ \t]+(?!(?:and|or|but|then)\b)[\w'-]+){0,5}?[ \t]+(?:at|on|via|from|through)?[ \t]*$",
    re.I,
)


_SETTING_RE = re.compile(
    r"\b(?:in front of|inside|in|at|on)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,3}(?:backdrop|setting|room|studio|office|"
    r"interior|kitchen|skyline|apartment|gallery|atelier|lounge|cafe|café|shop|store|street|city|park|beach|"
    r"library|classroom|clinic|lab|warehouse|garden|stage|workshop|showroom|home|living room|newsroom))\b",
    re.I,
)
_SETTING2_RE = re.compile(
    r"\b((?:[\w-]+\s+){0,2}(?:office|studio|kitchen|room|city|skyline|interior|atelier|showroom|lounge))\s+(?:backdrop|background|setting)\b",
    re.I,
)
_SETTING3_RE = re.compile(r"\bvisual style:\s*((?:[\w-]+\s+){0,4}?(?:room|studio|office|interior|lounge|city|apartment|kitchen))\b", re.I)


def find_setting(text: str) -> str | None:
    for rx in (_SETTING2_RE, _SETTING3_RE, _SETTING_RE):
        m = rx.search(text)
        if m:
            return re.sub(r"^(?:(?:and|or|a|an|the|with|in)\s+)+", "", squash(m.group(1)), flags=re.I)
    return None


_KIND_RE = re.compile(
    r"\b(walkthrough|walk-through|tutorial|explainer|announcement|demo|how-to|forecast|testimonial|"
    r"launch|teaser|invitation|report|update|welcome|onboarding|recap|review)\b",
    re.I,
)
_AVATAR_IMAGE_RE = re.compile(
    r"\b(?:provided|input|uploaded|attached|given|my|this|the|that)\s+(?:input\s+|reference\s+)?"
    r"(?:image|photo|picture|portrait|headshot|selfie)\s+(?:as|for)\s+(?:the|a|my)?\s*"
    r"(?:speaking\s+|talking\s+)?(?:presenter\s+)?(?:avatar|presenter|host|speaker|face|spokesperson)",
    re.I,
)


def find_domain(*texts: str | None) -> str:
    for t in texts:
        if not t:
            continue
        for name, rx in DOMAINS:
            if rx.search(t):
                return name
    return "general"


_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|will|won't|can't|does|do|did|isn't|aren't|it's|we're|"
    r"you're|they're|we've|you'll|we'll|offers?|helps?|lets?|makes?|gives?|provides?|brings?|includes?|"
    r"supports?|works?|runs?|keeps?|saves?|turns?|connects?|tracks?|features?|comes?|ships?|costs?|"
    r"opens?|serves?|bakes?|delivers?|combines?|uses?|needs?|loves?|gets?|takes?)\b|"
    r"\b(?:it|he|she|this|that|which|who)\s+[a-z]+(?:s|ed)\b|\b(?:we|you|they|i)\s+(?!all\b|both\b)[a-z]{3,}\b",
    re.I,
)


def find_facts(text: str, sentences: list[tuple[int, int]], brand: str | None) -> list[str]:
    """Prompt sentences that already read as things a presenter could say."""
    out: list[str] = []
    seen: set[str] = set()
    for s, e in sentences:
        sent = text[s:e].strip()
        if not sent or ":" in sent or sent.startswith(("-", "*", "\u2022")) or re.match(r"^\d{1,2}[.)]\s", sent):
            continue
        n = count_words(sent)
        if n < 4 or n > 35:
            continue
        first = re.match(r"[A-Za-z']+", sent)
        if not first or first.group(0).lower() in INSTRUCTION_VERBS:
            continue
        if PRODUCTION_RE.search(sent) or META_WORDS_RE.search(sent) or '"' in sent:
            continue
        if re.match(r"^(?:the|a|an)\s+(?:host|presenter|avatar|speaker|narrator)\b", sent, re.I):
            continue
        if re.search(r"\b(?:should|must|needs? to|please|make sure|i want|we want|i need|we need)\b", sent, re.I):
            continue
        if re.match(r"^(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _ROLE_ALT + r")\b", sent, re.I):
            continue
        if not _FINITE_RE.search(sent):
            continue
        sent = sent if sent[-1] in ".!?" else sent + "."
        if sent.lower() in seen:
            continue
        seen.add(sent.lower())
        out.append(sent)
        if len(out) >= 60:
            break
    return out


def extract(prompt: str) -> Cues:
    text = normalize(prompt)
    sentences = split_sentences(text)
    cues = Cues(text=text, sentences=sentences)
    cues.duration = parse_duration(text)
    cues.orientation = parse_orientation(text)
    cues.quotes = find_quotes(text)
    cues.brand = find_brand(text, cues.quotes)
    for q in cues.quotes:
        if cues.brand and q.text == cues.brand:
            q.kind = "name"
    cues.subject = find_subject(text, cues.brand)
    cues.company = find_company(text)
    cues.description, cues.benefit = find_description(text, cues.brand)
    cues.audience = find_audience(text)
    if cues.audience and GENERIC_AUDIENCE_RE.match(cues.audience):
        cues.audience = None
    cues.features, cues.feature_head = find_features(text)
    cues.presenter = find_presenter(text)
    cues.tones, cues.tone = find_tones(text)
    cues.colours, cues.colour_mode = extract_colours(text, sentences)
    cues.cta = find_cta(text, cues.quotes)
    cues.avatar_image = bool(_AVATAR_IMAGE_RE.search(text))
    cues.setting = find_setting(text)
    km = _KIND_RE.search(text[:sentences[0][1]] if sentences else text)
    cues.kind = km.group(1).lower() if km else None
    cues.domain = find_domain(cues.subject, cues.description, cues.brand, cues.company, text)
    cues.facts = find_facts(text, sentences, cues.brand)
    if not cues.tone:
        cues.tone = "confident" if cues.domain in ("software", "device") else "warm"
    return cues
