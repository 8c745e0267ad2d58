"""Tone, call to action, URLs, setting, domain and the prompt's sayable facts."""

from __future__ import annotations

import re

from .cue_models import CtaCue, Quote
from .lexicon import DOMAINS, INSTRUCTION_VERBS, META_WORDS_RE, PRODUCTION_RE, TONE_BLOCKERS_RE, TONE_FAMILIES
from .people import _ROLE_ALT
from .text import count_words, squash


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
    r"(?:(?i:com|io|ai|co|org|net|app|dev|shop|store|tv|me|uk|de|fr|us|ca|au|xyz|studio|design|art)"
    # any other lower-case top-level domain (.farm, .cafe, .ink...), but not a file name or an abbreviation
    r"|(?!(?:pdf|docx?|txt|md|jpe?g|png|gif|webp|mp[34]|mov|wav|csv|xlsx?|pptx?|zip|html?|json|py)\b)[a-z]{2,12})"
    r"(?:/[^\s,;)\"']*)?(?![\w])",
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
    # the brief's last sentence (never its only one), when it is the viewer's next step: "Shop now.", "Call 512-555-0142 to book."
    re.compile(r"[.!?]\s+((?:shop|order|buy|download|call|book|subscribe|sign up|register|apply|reserve|"
               r"follow|try|get|grab|pre-?order|claim)\b(?:[^.!?\n]|\.(?=\w)){0,80})[.!]?\s*$", re.I),
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
    r"opens?|serves?|bakes?|delivers?|combines?|uses?|needs?|loves?|gets?|takes?|would|could|"
    r"saw|grew|served|opened|won|sold|raised|reached|launched|built|hosts?|holds?|sees?|wins?)\b|"
    r"\b(?:it|he|she|this|that|which|who)\s+[a-z]+(?:s|ed)\b|\b(?:we|you|they|i)\s+(?!all\b|both\b)[a-z]{3,}\b",
    re.I,
)


# marketing copy's verbless sentences: "Fresh beans delivered every two weeks, roasted in Portland."
_PARTICIPLE_RE = re.compile(r"\b[a-z]{3,}ed\s+(?:in|by|every|to|from|at|on|with|for|daily|weekly|fresh|locally|by hand)\b", re.I)
# "Announce our summer sale: 30% off all shoes this weekend": the instruction names the subject, the rest is the news
_ANNOUNCE_HEAD_RE = re.compile(r"^((?:announce|promote|advertise|introduce|launch|celebrate|share|unveil)\s+[^:]{2,60}):\s*(\S.*)$", re.I)


# "Quarterly update for investors: revenue grew 42% to $3.1M, ...": a short label, then news with figures
_LABEL_HEAD_RE = re.compile(r"^([^:]{2,60}):\s*(\S.*)$")
_NOT_NEWS_LABEL_RE = re.compile(r"\b(?:cta|call to action|script|voice-?over|narration|scenes?|palette|colou?rs?|music|tone|style|"
                                r"look|font|logo|format|duration|length|audience|brand|title|caption|shot|b-?roll)\b", re.I)


def _news_after_label(sent: str) -> re.Match | None:
    m = _LABEL_HEAD_RE.match(sent)
    if not m or len(m.group(1).split()) > 8 or _NOT_NEWS_LABEL_RE.search(m.group(1)) or PRODUCTION_RE.search(m.group(1)):
        return None
    return m if re.search(r"\d", m.group(2)) and _FINITE_RE.search(m.group(2)) else None


def find_facts(text: str, sentences: list[tuple[int, int]], brand: str | None) -> list[str]:
    """Prompt sentences that already read as things a presenter could say."""
    out: list[str] = []
    seen: set[str] = set()
    for s, e in sentences:
        sent = text[s:e].strip()
        head = re.match(r"^([^:]{0,80}\b(?:video|ad|film|clip|reel|spot|teaser|promo|explainer|lesson|lecture|overview|"
                        r"guide|tutorial)\b[^:]{0,80}):\s*(\S.*)$", sent, re.I) or _ANNOUNCE_HEAD_RE.match(sent) or _news_after_label(sent)
        explained = False
        if head:  # "A 15-second urgent ad: Flash sale at ..." says its fact after the colon
            sent = head.group(2)
            if re.match(r"how\s+\w+\s+\w+", sent, re.I):  # "...explainer: how leaves turn light into sugar"
                sent, explained = "Here's " + sent[0].lower() + sent[1:], True
        how = re.match(r"^(?:explain|show|demonstrate|describe)\s+(how\s+\w+\s+\w+.*)$", sent, re.I)
        if how:  # "Explain how our tool, Ledgerly, automates invoicing" asks to say just that
            sent, explained = "Here's " + how.group(1), True
        if not sent or ":" in sent or sent.startswith(("-", "*", "\u2022")) or re.match(r"^\d{1,2}[.)]\s", sent):
            continue
        n = count_words(sent)
        if n < 4 or n > 35:
            continue
        first = re.match(r"[A-Za-z']+|\d", sent)
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
        if not explained and not _FINITE_RE.search(sent) and not _PARTICIPLE_RE.search(sent) and not (re.search(r"\d", sent) and n >= 5):
            continue  # a verbless line is no sentence, unless it carries a figure ("40% off all boots", "brighter skin in 2 weeks")
        sent = sent if sent[-1] in ".!?" else sent + "."
        if sent[0].islower() and not any(ch.isupper() for ch in sent.split()[0]):  # the news after a colon starts a sentence
            sent = sent[0].upper() + sent[1:]
        if sent.lower() in seen:
            continue
        seen.add(sent.lower())
        out.append(sent)
        if len(out) >= 60:
            break
    return out


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_RE = re.compile(
    rf"\b(?:on|this|next)\s+((?:{_DAYS},?\s+)?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}|{_DAYS})"
    rf"(?:,?\s+\d{{4}})?)"
    rf"(?:,?\s+(?:at|from)\s+(\d{{1,2}}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midnight))?"
    rf"(?:,?\s+((?:at|in)\s+(?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){{0,3}}))?"
)


def find_when(text: str) -> str | None:
    """An event's date, time and place as a line to say: 'Mark the date: March 14, at 7 pm, at Riverside Hall.'"""
    m = _DATE_RE.search(text)
    if not m:
        return None
    parts = [m.group(1)]
    if m.group(2):
        parts.append(f"at {m.group(2)}")
    if m.group(3):
        parts.append(m.group(3))
    return "Mark the date: " + ", ".join(parts) + "."
