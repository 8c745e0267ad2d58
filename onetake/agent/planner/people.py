"""Who presents: role, name and a description for casting ("from a CTO", "Maria, a grower")."""

from __future__ import annotations

import re

from .cue_models import Presenter
from .lexicon import COMPANY_ROLES, DESCRIPTORS, GENERIC_ROLES, NAME_STOPWORDS, ROLE_DISPLAY, TONE_FAMILIES


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
