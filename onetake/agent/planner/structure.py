"""Scene structure: the scenes the prompt asks for, in order, or a default shape.

Reads numbered lists ("1) ...", "1. ...", "Scene 1: ..."), "Scenes: a; b; c",
colon lists after structure words ("... with multiple scenes: A, B, then C"),
"Include scenes showing A; B; C", "Open with ... then ... end with ...",
bullet lines (-, *, •) and "bullet points for X, Y, and Z".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onetake.agent.storyboard import Layout, LowerThird, SceneRole

from .cues import Cues
from .lexicon import FICTION_RE, PRODUCTION_RE
from .text import headline, noun_query, split_list, squash, strip_article, title_case

MAX_SCENES = 12


@dataclass
class Item:
    text: str
    start: int
    role: SceneRole | None = None  # forced role (e.g. "Open with" -> hook)
    numbered: bool = False
    source: str = "list"


@dataclass
class SceneSpec:
    role: SceneRole
    source: str = ""
    topic: str | None = None  # a noun phrase or "how ..." clause to talk about
    statement: str | None = None  # a sentence the prompt wants said ("explain that ...")
    message: str | None = None  # "how flat sheets become complex structures"
    shots: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)  # spoken form
    bullet_head: str | None = None
    scripts: list[str] = field(default_factory=list)  # verbatim lines
    extra_topics: list[str] = field(default_factory=list)
    requested: bool = True
    family: bool = False  # "family-friendly" closing
    group: int = -1  # shots split from one list item share a group
    elaborate: str | None = None  # elaboration scene for a thin prompt: feature, audience, day, recap, ...
    feature: str | None = None  # the feature a spotlight scene is about
    feature_pos: str = "next"  # first / next / last spotlight
    # filled by finish()
    layout: Layout = Layout.presenter_full
    headline: str = ""
    visual_query: str = ""
    media: list[int] = field(default_factory=list)
    lower_third: LowerThird | None = None
    weight: float = 1.0


# --- finding requested items ---------------------------------------------------------------

_MARK_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s:;,(]))(?:(?i:scene|step|shot|part|beat|slide)\s+)?(\d{1,2})\s*[).:](?=\s)"
    r"|(?:(?<=^)|(?<=[\s:;,(]))(?i:scene|step|part|beat|slide)\s+(\d{1,2})\s*[-\u2013\u2014]\s",
    re.M,
)
_BULLET_LINE_RE = re.compile(r"^\s*(?:[-*\u2022\u25AA\u25CF\u2013])\s+(.+)$", re.M)
_STRUCT_LEFT_RE = re.compile(
    r"\b(?:scenes?|structure|structured|sections?|segments?|shots|parts|sequence|outline|beats|"
    r"flow|storyboard|chapters|shot list|run of show)\b",
    re.I,
)
_NOT_STRUCT_LEFT_RE = re.compile(r"\b(?:style|tone|palette|colou?rs?|theme|look|music|voice)\s*$", re.I)
_INCLUDE_RE = re.compile(
    r"\b(?:include|includes|including|add|show|feature|with)\s+(?:several\s+|multiple\s+|some\s+|a few\s+)?"
    r"(?:scenes?|shots|moments|segments|cutaways|b-?roll(?:\s+inserts)?|sequences)\s+"
    r"(?:showing|of|with|featuring|that show|where|depicting)\s+",
    re.I,
)
_OPEN_RE = re.compile(r"\b(?:open|opens|opening|start|starts|begin|begins|kick off)\s+(?:with|by|on)\s+", re.I)
_THEN_START_RE = re.compile(r"^(?:then|next|after that|afterwards|followed by)[,:]?\s+", re.I)
_END_RE = re.compile(r"\b(?:end|ends|ending|close|closes|closing|finish|finishes|wrap up|wraps up|sign off)\s+(?:with|by|on)\s+|^finally[,:]?\s+", re.I)
_BULLETS_PHRASE_RE = re.compile(
    r"\b(?:on-?screen\s+)?(?:bullet(?:\s+points?)?|bullets|key points|checklist)\s*(?:for|on|about|covering|listing|"
    r"highlighting|with|of|like|such as|:)\s+",
    re.I,
)
_SPLIT_SEQ_RE = re.compile(r",?\s+(?:and\s+)?(?:then|followed by|after that|and finally|finally)\s+|;\s*", re.I)


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])|\n").search(text, pos)
    return m.start() if m else len(text)


def _protected_list_end(text: str, start: int) -> int:
    """End of an inline list 'A, B, and C' starting at `start` (stops after the 'and' item)."""
    m = re.compile(r",?\s+(?:and|or)\s+[^,;.]+").search(text, start)
    stop = _sentence_end(text, start)
    semi = text.find(";", start)
    if semi != -1:
        stop = min(stop, semi)
    then = re.compile(r",?\s+then\b", re.I).search(text, start)
    if then:
        stop = min(stop, then.start())
    if m and m.end() <= stop:
        return m.end()
    return stop


def _split_items(text: str, base: int) -> list[tuple[str, int]]:
    """Split a list body into items, keeping bullet/such-as lists whole."""
    protected: list[tuple[int, int]] = []
    for rx in (_BULLETS_PHRASE_RE, re.compile(r"\bsuch as\s+", re.I)):
        for m in rx.finditer(text):
            protected.append((m.start(), _protected_list_end(text, m.end())))
    seps: list[tuple[int, int]] = []
    if ";" in text:
        rx = re.compile(r";\s*(?:and\s+)?(?:then\s+|finally\s+)?", re.I)
    else:
        rx = re.compile(r",\s*(?:and\s+)?(?:then\s+|followed by\s+|finally\s+)?|\s+(?:and\s+)?then\s+|\s+followed by\s+", re.I)
    for m in rx.finditer(text):
        if any(s <= m.start() < e for s, e in protected):
            continue
        if text[:m.start()].count("(") > text[:m.start()].count(")"):
            continue
        seps.append((m.start(), m.end()))
    out: list[tuple[str, int]] = []
    pos = 0
    for s, e in seps + [(len(text), len(text))]:
        piece = text[pos:s].strip(" .,;")
        if piece:
            out.append((piece, base + pos))
        pos = e
    return out


def _numbered(text: str) -> tuple[list[Item], list[tuple[int, int]]]:
    marks = [(int(m.group(1) or m.group(2)), m.start(), m.end()) for m in _MARK_RE.finditer(text)]
    best: list[tuple[int, int, int]] = []
    for i, (n, _, _) in enumerate(marks):
        if n != 1:
            continue
        chain = [marks[i]]
        for mk in marks[i + 1:]:
            if mk[0] == chain[-1][0] + 1:
                chain.append(mk)
        if len(chain) > len(best):
            best = chain
    if len(best) < 2:
        return [], []
    multiline = all(text.rfind("\n", 0, s) + 1 == s or text[text.rfind("\n", 0, s) + 1:s].strip() == "" for _, s, _ in best)
    items: list[Item] = []
    for j, (_, s, e) in enumerate(best):
        if j + 1 < len(best):
            end = best[j + 1][1]
        else:
            end = text.find("\n", e) if multiline else _sentence_end(text, e)
            if end == -1:
                end = len(text)
        body = text[e:end].strip(" \n;,.")
        if body:
            items.append(Item(body, s, numbered=True, source="numbered"))
    return items, [(best[0][1], items[-1].start + len(items[-1].text) + 1 if items else best[-1][2])]


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and e > a for a, b in spans)


def find_items(cues: Cues) -> tuple[list[Item], list[list[str]]]:
    """Requested scene items in prompt order, and free bullet blocks (for default structures)."""
    text = cues.text
    items, consumed = _numbered(text)
    bullet_blocks: list[tuple[int, list[str]]] = []
    # bullet lines: either scene items (after "Scenes:") or bullets content
    lines = list(_BULLET_LINE_RE.finditer(text))
    block: list[re.Match[str]] = []
    for m in lines + [None]:  # type: ignore[list-item]
        if m is not None and block and text[block[-1].end():m.start()].strip() == "":
            block.append(m)
            continue
        if block:
            start = block[0].start()
            if not _overlaps(consumed, start, block[-1].end()):
                prev = text[:start].rstrip().rsplit("\n", 1)[-1]
                if prev.endswith(":") and _STRUCT_LEFT_RE.search(prev):
                    items += [Item(b.group(1).strip(), b.start(), source="lines") for b in block]
                else:
                    bullet_blocks.append((start, [b.group(1).strip() for b in block]))
                consumed.append((start, block[-1].end()))
        block = [m] if m is not None else []
    if not any(i.numbered for i in items):
        for s, e in cues.sentences:
            if _overlaps(consumed, s, e):
                continue
            sent = text[s:e]
            colon = sent.find(":")
            if colon != -1 and _STRUCT_LEFT_RE.search(sent[:colon]) and not _NOT_STRUCT_LEFT_RE.search(sent[:colon]):
                body = sent[colon + 1:]
                if body.strip():
                    items += [Item(t, p, source="colon") for t, p in _split_items(body, s + colon + 1)]
                    consumed.append((s, e))
                    continue
            m = _INCLUDE_RE.search(sent)
            if m:
                body = sent[m.end():]
                if ";" in body:
                    parts = _split_items(body, s + m.end())
                    items += [Item(t, p, role=SceneRole.broll, source="include") for t, p in parts]
                else:
                    items.append(Item(sent[m.start():], s + m.start(), role=SceneRole.broll, source="include"))
                consumed.append((s, e))
                continue
            m = _OPEN_RE.search(sent)
            if m and m.start() < 25:
                parts = _split_seq(sent[m.end():], s + m.end())
                if parts:
                    items.append(Item(parts[0][0], parts[0][1], role=SceneRole.hook, source="seq"))
                    for t, p in parts[1:]:
                        em = _END_RE.match(t)
                        if em:
                            items.append(Item(t[em.end():], p, role=SceneRole.cta, source="seq"))
                        else:
                            items.append(Item(t, p, source="seq"))
                    consumed.append((s, e))
                    continue
            m = _THEN_START_RE.match(sent)
            if m and items:
                items.append(Item(sent[m.end():].strip(" ."), s + m.end(), source="seq"))
                consumed.append((s, e))
                continue
            m = _END_RE.search(sent)
            if m and m.start() < 25:
                items.append(Item(sent[m.end():].strip(" ."), s + m.end(), role=SceneRole.cta, source="seq"))
                consumed.append((s, e))
                continue
    else:
        # a numbered list may still be followed by "End with a call to action ..."
        for s, e in cues.sentences:
            if _overlaps(consumed, s, e):
                continue
            m = _END_RE.search(text[s:e])
            if m and m.start() < 25:
                items.append(Item(text[s + m.end():e].strip(" ."), s + m.end(), role=SceneRole.cta, source="seq"))
    # "bullet points for X, Y, and Z" outside any list: a bullets block
    for m in _BULLETS_PHRASE_RE.finditer(text):
        if _overlaps(consumed, m.start(), m.end()):
            continue
        end = _protected_list_end(text, m.end())
        bullets = split_list(text[m.end():end], split_and=True)
        if len(bullets) >= 2:
            bullet_blocks.append((m.start(), bullets))
    items.sort(key=lambda it: it.start)
    if items:
        for start, block_items in bullet_blocks:
            items.append(Item("bullet points: " + "; ".join(block_items), start, role=SceneRole.bullets, source="bullets"))
        items.sort(key=lambda it: it.start)
        return items, []
    return [], [b for _, b in sorted(bullet_blocks)]


def _split_seq(body: str, base: int) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = 0
    seps = list(_SPLIT_SEQ_RE.finditer(body))
    end_m = re.compile(r",?\s+(?:and\s+)?(?=(?:end|close|finish|wrap up)\s+(?:with|by|on)\b)", re.I)
    seps += list(end_m.finditer(body))
    seps.sort(key=lambda m: m.start())
    for m in seps:
        if m.start() < pos:
            continue
        piece = body[pos:m.start()].strip(" .,")
        if piece:
            out.append((piece, base + pos))
        pos = m.end()
    piece = body[pos:].strip(" .,")
    if piece:
        out.append((piece, base + pos))
    return out


# --- one item -> one scene spec -----------------------------------------------------------

_KW = {
    SceneRole.cta: re.compile(
        r"\b(?:call[- ]to[- ]action|calls? to action|cta|sign[- ]?off|end card|closing|close\s+(?:with|on|out)|outro|wrap[- ]?up|"
        r"invitation|invite|inviting|final frame|final card|subscribe|sign up|book now|visit|contact us|get started)\b",
        re.I,
    ),
    SceneRole.bullets: re.compile(r"\b(?:bullets?|bullet points?|key points|checklist|list of|listing)\b", re.I),
    SceneRole.montage: re.compile(r"\b(?:montage|quick cuts|rapid cuts|fast-paced sequence|sequence of)\b", re.I),
    SceneRole.hook: re.compile(r"\b(?:opening|open|intro|introduction|hook|cold open|welcome|greeting|greets)\b", re.I),
    SceneRole.broll: re.compile(
        r"\b(?:b-?\s?roll|cut-?aways?|close-?ups?|footage|shots?\s+of|macro|inserts?|views?\s+of|imagery|"
        r"visuals?\s+of|detail shots?|product shots?|lifestyle shots?)\b",
        re.I,
    ),
    SceneRole.quote: re.compile(r"\b(?:testimonial|customer quote|review|quote from)\b", re.I),
    SceneRole.stat: re.compile(r"\b(?:statistics?|stats?|percent|%)\b", re.I),
    SceneRole.problem: re.compile(r"\b(?:problem|pain points?|struggles?|frustrations?|challenges?)\b", re.I),
    SceneRole.solution: re.compile(r"\b(?:solution|how it works|benefits?|features?|demo|walkthrough|walk through)\b", re.I),
    SceneRole.presenter: re.compile(
        r"\b(?:host|presenter|speaks|talks|explains?|explaining|to camera|returns?|segment|section|talking|"
        r"piece to camera|spokesperson)\b",
        re.I,
    ),
}
_ROLE_ORDER = (
    SceneRole.cta, SceneRole.bullets, SceneRole.montage, SceneRole.hook, SceneRole.broll,
    SceneRole.quote, SceneRole.stat, SceneRole.problem, SceneRole.solution, SceneRole.presenter,
)
_SHOT_LEAD_RE = re.compile(
    r"^.*?\b(?:b-?\s?roll|cut-?aways?|footage|shots?|close-?ups?|close views?|views?|moments?|montage|inserts?|"
    r"imagery|visuals?|sequences?|clips?|scenes?)\s+(?:of|showing|featuring|with|depicting|where)\s+",
    re.I,
)
_SHOT_PREFIX_RE = re.compile(
    r"^(?:(?:close-?up|lifestyle|macro|slow-?motion|cinematic|quick|fast-paced|tight|"
    r"wide|imagined|lingering|sweeping|aerial)\s+)+(?=\w)",
    re.I,
)
_SHOT_TAIL_RE = re.compile(
    r"\s+(?:on|against|over|in front of)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:backdrops?|backgrounds?|"
    r"sets?|green screen|seamless)\b.*$|\s+in slow motion\b.*$|\s+with (?:bold|subtle|smooth) [\w ]+$|"
    r"\s+(?:setting|environment|backdrop|location)$",
    re.I,
)
_SHOW_LEAD_RE = re.compile(r"^(?:show|shows|showing|display|displays|cut to|feature|features|showcase|showcases)\s+", re.I)
_MESSAGE_RE = re.compile(r"\b(?:showing|demonstrating|illustrating|explaining|revealing)\s+((?:how|why|what|that)\b[^;]+)$", re.I)
_STATEMENT_RE = re.compile(
    r"\b(?:explain|explains|mention|mentions|say|says|note|notes|tell|tells|share|shares|state|states|"
    r"point out|emphasi[sz]e|stress|remind)\s+(?:(?:viewers|them|people|the audience|everyone)\s+)?that\s+(.+)$",
    re.I,
)
_TOPIC_LEAD_RE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:section|segment|part|moment|bit|piece|scene|slide|"
    r"explanation|look|overview|presenter segment)\s+(?:highlighting|explaining|showing|about|on|covering|featuring|"
    r"focused on|focusing on|introducing|presenting|that shows|that explains|with|of|where)\s+",
    re.I,
)
_VERB_LEAD_RE = re.compile(
    r"^(?:(?:the\s+)?(?:host|presenter|avatar|narrator)\s+)?(?:show|shows|showcase|showcases|highlight|"
    r"highlights|explain|explains|present|presents|introduce|introduces|describe|describes|discuss|"
    r"discusses|cover|covers|talk about|talks about|mention|mentions|feature|features|demonstrate|"
    r"demonstrates|walk through|walks through|share|shares|reveal|reveals)\s+",
    re.I,
)
_TOPIC_TAIL_RE = re.compile(
    r"\s+(?:in|with)\s+(?:a\s+)?(?:clear|concise|simple|plain|friendly|short|quick|bold|subtle|smooth)\b.*$|"
    r"\s+(?:to|into)\s+(?:the\s+)?camera\b.*$|\s+with\s+(?:bold\s+|subtle\s+)?(?:motion\s+)?graphics\b.*$",
    re.I,
)
_VISUALISH_RE = re.compile(r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}[\w-]+s?\s+\w+ing\b", re.I)


def clean_shot(s: str) -> str:
    s = FICTION_RE.sub("", s)
    s = _SHOT_LEAD_RE.sub("", s)
    s = _SHOT_PREFIX_RE.sub("", s)
    tail = _SHOT_TAIL_RE.search(s)
    if tail:
        s = s[:tail.start()]
        s = re.sub(r"\s+\w+ing$", "", s)  # "earrings rotating" -> "earrings"
    s = re.sub(r"\b(?:the\s+)?(?:host|presenter|avatar)\b", "", s, flags=re.I)
    return squash(s).strip(" ,.;:")


def _infer_role(text: str) -> SceneRole | None:
    for role in _ROLE_ORDER:
        if _KW[role].search(text):
            return role
    return None


def parse_item(item: Item, cues: Cues) -> SceneSpec | None:
    raw = item.text
    scripts = [q.text for q in cues.quotes if q.kind in ("script", "cta") and item.start <= q.start < item.start + len(raw) + 2]
    if item.role is SceneRole.bullets and raw.startswith("bullet points: "):
        bullets = [b.strip() for b in raw[len("bullet points: "):].split(";") if b.strip()]
        return SceneSpec(SceneRole.bullets, source=raw, bullets=bullets)
    text = re.sub(r'"[^"]*"', " ", raw)
    role = item.role or _infer_role(text)
    if _SHOW_LEAD_RE.match(text) and role in (None, SceneRole.presenter, SceneRole.solution):
        role = SceneRole.broll
    st = _STATEMENT_RE.search(text)
    if st and role in (None, SceneRole.broll, SceneRole.montage, SceneRole.presenter, SceneRole.solution):
        said = re.split(r",?\s+(?:and|while|as)\s+(?:the\s+)?(?:host\s+|presenter\s+)?(?:shows?|cuts?|features?|includes?)\b", st.group(1))[0]
        prod = PRODUCTION_RE.search(said)
        if prod:  # "..., with B-roll of servers": the words end where the directions start
            cut = max(said.rfind(",", 0, prod.start()), said.rfind(" with ", 0, prod.start()), said.rfind(" and ", 0, prod.start()))
            said = said[:cut] if cut > 0 else said[:prod.start()]
        visual = text[st.start(1) + len(said):]
        spec = SceneSpec(SceneRole.presenter, source=raw, scripts=scripts, statement=squash(said).strip(" ,."))
        mm = _SHOT_LEAD_RE.search(visual)
        if mm:
            spec.shots = [s for s in [clean_shot(visual[mm.end():])] if s and not PRODUCTION_RE.search(s)]
        return spec
    if item.role is SceneRole.broll and role is None:
        role = SceneRole.broll
    if item.role is SceneRole.broll:
        inferred = _infer_role(text)
        if inferred in (SceneRole.bullets, SceneRole.montage, SceneRole.cta):
            role = inferred
    spec = SceneSpec(role or SceneRole.presenter, source=raw, scripts=scripts)
    if role is None:
        spec.role = SceneRole.presenter
        spec.group = -2  # unknown: may continue a b-roll list
    # bullets: "bullet points for A, B, and C" / overlays "such as A, B, and C"
    bm = _BULLETS_PHRASE_RE.search(text)
    sm = re.search(r"\b((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:such as|including|like)\s+(.+)$", text, re.I)
    if bm or (sm and re.search(r"\b(?:overlays?|graphics?|text|titles?|cards?|callouts?|bullets?|list|points|principles|features|benefits|perks)\b", text, re.I)):
        if bm:
            body = text[bm.end():_protected_list_end(text, bm.end())]
            head = None
        else:
            body = sm.group(2)
            head = " ".join(w for w in sm.group(1).split() if w.lower() not in ("highlighting", "showing", "featuring", "listing", "on", "of", "with"))
        bullets = [FICTION_RE.sub("", b).strip() for b in split_list(body, split_and=True)]
        bullets = [b for b in bullets if b and not PRODUCTION_RE.search(b)]
        if len(bullets) >= 2:
            spec.role = SceneRole.bullets
            spec.bullets = bullets[:6]
            spec.bullet_head = head or None
            spec.group = -1
            return spec
    if spec.role in (SceneRole.broll, SceneRole.montage) or spec.group == -2:
        body = text
        mm = _MESSAGE_RE.search(body)
        if mm:
            spec.message = squash(FICTION_RE.sub("", mm.group(1))).strip(" ,.")
            body = body[:mm.start()]
            # drop the noun the message hung on ("animated diagrams")
            body = re.sub(r",?\s*(?:and\s+)?[\w\s-]{0,30}$", "", body) if PRODUCTION_RE.search(body[-40:]) else body
        body = _SHOT_LEAD_RE.sub("", _SHOW_LEAD_RE.sub("", FICTION_RE.sub("", body)))
        parts = split_list(body) if spec.role is SceneRole.montage else [body]
        shots = [clean_shot(p) for p in parts]
        spec.shots = [s for s in shots if s and not PRODUCTION_RE.search(s) and len(s.split()) <= 16]
        if spec.group == -2:
            if _VISUALISH_RE.match(clean_shot(text)) and not _KW[SceneRole.presenter].search(text):
                spec.role = SceneRole.broll
            else:
                spec.shots = []
        if spec.role in (SceneRole.broll, SceneRole.montage) and spec.shots:
            return spec
    st = _STATEMENT_RE.search(text)
    if st:
        spec.statement = squash(st.group(1)).strip(" ,.")
        return spec
    topic = FICTION_RE.sub("", text)
    topic = re.sub(r"^(?:then|and|finally)\s+", "", topic.strip(), flags=re.I)
    topic = _TOPIC_LEAD_RE.sub("", topic)
    topic = _VERB_LEAD_RE.sub("", topic)
    topic = _TOPIC_TAIL_RE.sub("", topic)
    topic = squash(topic).strip(" ,.;:")
    if spec.role in (SceneRole.hook, SceneRole.cta):
        spec.family = bool(re.search(r"\bfamil", text, re.I))
        lead = _SHOT_LEAD_RE.match(text)
        if lead and spec.role is SceneRole.hook:
            shot = clean_shot(text[lead.end():])
            if shot and not PRODUCTION_RE.search(shot) and len(shot.split()) <= 12:
                spec.shots = [shot]
        wm = re.search(r"\bwelcom\w*\s+(?:viewers|everyone|people|the audience|them)?\s*to\s+([^,.;]+)", text, re.I)
        if wm and spec.role is SceneRole.hook:
            spec.statement = "Welcome to " + wm.group(1).strip()
        return spec
    if topic and not PRODUCTION_RE.search(topic) and len(topic.split()) <= 20:
        spec.topic = topic
    elif topic:
        cleaned = squash(PRODUCTION_RE.sub("", topic)).strip(" ,.;:")
        if cleaned and len(cleaned.split()) >= 2 and not re.search(r"\b(?:with|of|and)$", cleaned):
            spec.topic = cleaned if len(cleaned.split()) <= 20 else None
    return spec


# --- assembling the scene list ----------------------------------------------------------------

def max_scenes(target: float, gap: float, min_scene: float) -> int:
    return max(1, min(MAX_SCENES, int((target + 1e-6) // (min_scene + gap))))


def requested_specs(items: list[Item], cues: Cues, target: float) -> list[SceneSpec]:
    specs: list[SceneSpec] = []
    group = 0
    for it in items:
        spec = parse_item(it, cues)
        if spec is None:
            continue
        prev = specs[-1] if specs else None
        if spec.group == -2 and prev is not None and prev.role in (SceneRole.broll, SceneRole.montage) and not it.numbered:
            shots = spec.shots or ([clean_shot(spec.source)] if not spec.topic else [spec.topic])
            prev.shots += [s for s in shots if s and not PRODUCTION_RE.search(s)]
            prev.scripts += spec.scripts
            continue
        spec.group = group
        group += 1
        specs.append(spec)
    # split long shot lists: at most 2 shots a scene for longer videos, 3 for short ones
    per = 2 if target >= 40 else 3
    out: list[SceneSpec] = []
    for sp in specs:
        if sp.role is SceneRole.broll and len(sp.shots) > per:
            chunks = [sp.shots[i:i + per] for i in range(0, len(sp.shots), per)]
            if len(chunks[-1]) == 1 and len(chunks) > 1 and per == 3:
                chunks[-2:] = [chunks[-2] + chunks[-1]]
            for k, ch in enumerate(chunks):
                out.append(SceneSpec(sp.role, source=sp.source, shots=ch, scripts=sp.scripts if k == 0 else [],
                                     group=sp.group, message=sp.message if k == len(chunks) - 1 else None))
        else:
            out.append(sp)
    if out and out[0].role is SceneRole.presenter and out[0].group >= 0:
        out[0].role = SceneRole.hook
    return out


def _merge(a: SceneSpec, b: SceneSpec) -> SceneSpec:
    a.shots = a.shots + b.shots
    a.bullets = (a.bullets + b.bullets)[:6]
    a.scripts = a.scripts + b.scripts
    a.extra_topics = a.extra_topics + [t for t in (b.topic, b.statement, b.message) if t] + b.extra_topics
    if a.topic is None and a.statement is None:
        a.topic, a.statement = b.topic, b.statement
    a.message = a.message or b.message
    a.source = a.source + "; " + b.source
    return a


def _size(sp: SceneSpec) -> int:
    return 1 + len(sp.extra_topics) + max(0, len(sp.shots) - 1) // 2


def cap_specs(specs: list[SceneSpec], limit: int) -> list[SceneSpec]:
    """Merge neighbours until at most `limit` scenes; first hook and last CTA stay."""
    specs = list(specs)
    while len(specs) > limit and len(specs) > 1:
        lo = 1 if specs[0].role is SceneRole.hook and len(specs) > 2 else 0
        hi = len(specs) - 1 if specs[-1].role is SceneRole.cta and len(specs) - 1 > lo + 1 else len(specs)
        best_i, best_score = None, None
        for i in range(lo, hi - 1):
            a, b = specs[i], specs[i + 1]
            score = 0.0
            if a.group == b.group and a.group >= 0:
                score += 4
            if a.role == b.role:
                score += 2
            if {a.role, b.role} <= {SceneRole.broll, SceneRole.montage}:
                score += 1
            score -= 1.5 * (_size(a) + _size(b))
            if best_score is None or score > best_score:
                best_i, best_score = i, score
        if best_i is None:
            specs[-2:] = [_merge(specs[-2], specs[-1])]
            continue
        specs[best_i:best_i + 2] = [_merge(specs[best_i], specs[best_i + 1])]
    return specs


def default_specs(cues: Cues, n: int, image_count: int, bullet_blocks: list[list[str]]) -> list[SceneSpec]:
    """A shape for prompts that do not list scenes: hook, body from the facts, CTA."""
    hook = SceneSpec(SceneRole.hook, requested=False)
    cta = SceneSpec(SceneRole.cta, requested=False)
    if n <= 1:
        return [hook]
    body: list[SceneSpec] = []
    # a brand's description is said by the hook; with features to list, they get the scene
    said_by_hook = bool(cues.brand and cues.description and not cues.benefit and (cues.features or bullet_blocks))
    if (cues.benefit or cues.description) and not said_by_hook:
        body.append(SceneSpec(SceneRole.solution, requested=False, topic=None))
    for block in bullet_blocks:
        body.append(SceneSpec(SceneRole.bullets, requested=False, bullets=block[:6]))
    if cues.features and not bullet_blocks:
        body.append(SceneSpec(SceneRole.bullets, requested=False, bullets=cues.features[:6], bullet_head=cues.feature_head))
    facts = list(cues.facts)
    slots = n - 2
    images_left = image_count
    # b-roll scenes for the user's images, between the other body scenes
    want_broll = min(images_left, max(1, slots - len(body))) if images_left else 0
    for _ in range(want_broll):
        body.append(SceneSpec(SceneRole.broll, requested=False))
    while len(body) < slots and facts:
        body.append(SceneSpec(SceneRole.presenter, requested=False))
        facts = facts[3:]
    if not body and slots >= 1:
        body.append(SceneSpec(SceneRole.presenter, requested=False))
    # interleave: presenter/solution first, b-roll spread between
    talk = [b for b in body if b.role is not SceneRole.broll]
    broll = [b for b in body if b.role is SceneRole.broll]
    ordered: list[SceneSpec] = []
    while talk or broll:
        if talk:
            ordered.append(talk.pop(0))
        if broll:
            ordered.append(broll.pop(0))
    return [hook] + ordered[:max(0, slots)] + [cta]


# --- elaboration: more to say for long videos from thin prompts --------------------------------

_GENERIC_THEMES = ("why", "closer", "start", "simple", "expect", "moment", "feel")  # tools: apps, devices
_NEUTRAL_THEMES = ("care", "look")  # anything else (a venue, a bakery, a collection)
_TOOL_DOMAINS = ("software", "device", "tour")


def elaboration_specs(cues: Cues, slots: int) -> list[SceneSpec]:
    """Up to `slots` extra scenes built only from what the brief says: one spotlight per
    feature, who it is for, how it fits a day, generic themes, and a recap of the features."""
    if slots <= 0:
        return []
    feats = list(cues.features[:8])
    chosen: list[str] = []
    spot = feats if feats and slots >= len(feats) + 2 else []
    left = slots - len(spot)
    tool = cues.domain in _TOOL_DOMAINS or bool(re.search(r"\b(?:app|software|platform|tool)\b", cues.text, re.I))
    order = ["audience" if cues.audience else ("who" if tool else "")]
    order += ["day"] if tool else []
    if feats:
        order.append("recap")
    order += list(_GENERIC_THEMES if tool else _NEUTRAL_THEMES)
    order = [k for k in order if k]
    chosen = order[:max(0, left)]
    out: list[SceneSpec] = []
    for j, f in enumerate(spot):
        pos = "first" if j == 0 else ("last" if j == len(spot) - 1 and len(spot) > 2 else "next")
        out.append(SceneSpec(SceneRole.presenter, requested=False, elaborate="feature", feature=f, feature_pos=pos))
    for kind in order:
        if kind not in chosen or kind == "recap":
            continue
        out.append(SceneSpec(SceneRole.presenter, requested=False, elaborate=kind))
    if "recap" in chosen:
        out.append(SceneSpec(SceneRole.bullets, requested=False, elaborate="recap", bullets=feats[:6]))
    return out


_ELAB_HEADLINES = {
    "who": "Who It's For", "day": "Part of Your Day", "why": "Why It Matters", "closer": "A Closer Look",
    "start": "Getting Started", "expect": "What to Expect", "feel": "How It Feels", "recap": "In Short",
    "simple": "Keeping It Simple", "moment": "The Small Moments", "care": "What Goes Into It", "look": "Take Your Time",
}


# --- layouts, headlines, queries, media ---------------------------------------------------------

def _noun_head(phrase: str) -> str:
    """'records sliding from sleeves' -> 'records'; 'towering folded-paper planets' -> 'folded-paper planets'."""
    toks = strip_article(phrase).split()
    cut = len(toks)
    for i, t in enumerate(toks):
        low = t.lower().strip(",.")
        if i > 0 and (low.endswith("ing") or low in ("on", "in", "at", "from", "with", "of", "for", "into", "across")):
            cut = i
            break
    return " ".join(toks[:cut][-2:])


def _list_headline(phrases: list[str]) -> str:
    heads: list[str] = []
    for p in phrases:
        for it in split_list(p):
            h = _noun_head(it)
            if h and h.lower() not in (x.lower() for x in heads):
                heads.append(h)
    if len(heads) >= 2 and len(heads[0].split()) + len(heads[1].split()) <= 5:
        return title_case(f"{heads[0]} & {heads[1]}")
    return headline(phrases[0]) if phrases else ""


def finish(specs: list[SceneSpec], cues: Cues, image_indexes: list[int], cta_text: str | None) -> None:
    """Layouts, headlines, visual queries, media and the lower third, in place."""
    broll_ids = [i for i, s in enumerate(specs) if s.role in (SceneRole.broll, SceneRole.montage)]
    media_for: dict[int, list[int]] = {}
    if image_indexes and broll_ids:
        m, k = len(image_indexes), len(broll_ids)
        if m >= k:
            for j, sid in enumerate(broll_ids):
                media_for[sid] = image_indexes[j * m // k:(j + 1) * m // k]
        else:
            for j in range(m):
                media_for[broll_ids[round(j * (k - 1) / max(1, m - 1)) if m > 1 else 0]] = [image_indexes[j]]
    brand = cues.brand
    prev: Layout | None = None
    for i, sp in enumerate(specs):
        role = sp.role
        if role is SceneRole.hook:
            layout = Layout.presenter_full
        elif role is SceneRole.cta:
            layout = Layout.end_card
        elif role is SceneRole.bullets:
            layout = Layout.bullets
        elif role in (SceneRole.broll, SceneRole.montage):
            if i in media_for:
                sp.media = media_for[i]
                layout = Layout.broll
            else:
                layout = Layout.title_card if prev is not Layout.title_card else Layout.presenter_panel
        elif sp.elaborate == "feature":
            layout = Layout.title_card if prev is not Layout.title_card else Layout.presenter_panel
        else:
            layout = Layout.presenter_panel if prev is not Layout.presenter_panel else Layout.presenter_full
        if layout is prev and layout is Layout.presenter_full and role is not SceneRole.hook:
            layout = Layout.presenter_panel
        sp.layout = layout
        prev = layout
        sp.headline = _headline_for(sp, cues, cta_text)
        n_words = len(sp.headline.split())
        if (i > 0 and sp.headline == specs[i - 1].headline) or not 2 <= n_words <= 6:
            sp.headline = _FALLBACK_HEADLINES.get(role, "Take a Closer Look")
            if role is SceneRole.hook and cues.brand:
                sp.headline = headline(f"Meet {cues.brand}", max_words=6)
            if i > 0 and sp.headline == specs[i - 1].headline:
                sp.headline = "Take a Closer Look" if sp.headline != "Take a Closer Look" else "In Detail"
        sp.visual_query = _query_for(sp, cues)
    # lower third on the first scene that shows the presenter
    p = cues.presenter
    if p.specific:
        for sp in specs:
            if sp.layout in (Layout.presenter_full, Layout.presenter_panel):
                if p.name:
                    title = p.role or ""
                    if brand and p.company_voice:
                        title = f"{title}, {brand}" if title else brand
                    sp.lower_third = LowerThird(name=p.name, title=title)
                else:  # a role but no name: casting fills in the presenter's own name
                    title = ", ".join(part for part in (p.role, brand) if part)
                    sp.lower_third = LowerThird(name="", title=title)
                break


_FALLBACK_HEADLINES = {
    SceneRole.hook: "Welcome In", SceneRole.quote: "In Their Words", SceneRole.stat: "By the Numbers",
    SceneRole.problem: "The Challenge",
    SceneRole.presenter: "Take a Closer Look", SceneRole.solution: "How It Helps",
    SceneRole.broll: "In Detail", SceneRole.montage: "In Detail", SceneRole.bullets: "At a Glance",
    SceneRole.cta: "Get in Touch",
}


def _headline_for(sp: SceneSpec, cues: Cues, cta_text: str | None) -> str:
    brand = cues.brand
    subj = cues.subject or cues.description or cues.company or ""
    role = sp.role
    if sp.elaborate == "feature" and sp.feature:
        return title_case(sp.feature) if len(sp.feature.split()) >= 2 else title_case(f"{sp.feature} in Focus")
    if sp.elaborate == "audience" and cues.audience:
        h = title_case(f"Made for {cues.audience}")
        return h if len(h.split()) <= 6 else "Who It's For"
    if sp.elaborate in _ELAB_HEADLINES:
        return _ELAB_HEADLINES[sp.elaborate]
    if role is SceneRole.hook:
        if brand:
            return brand if len(brand.split()) >= 2 else f"Meet {brand}"
        if subj:
            return headline(subj, fallback="Welcome In")
        return "Welcome In"
    if role is SceneRole.cta:
        if cta_text:
            first = re.split(r"\s+(?:and|to see|so|then)\s+|,\s*|[.!?](?:\s|$)", cta_text)[0]
            for cand in (first, cta_text):
                h = headline(cand, max_words=6)
                if 2 <= len(h.split()) <= 6:
                    return h
        return f"Discover {brand}" if brand else "Get in Touch"
    if role is SceneRole.bullets:
        if sp.bullet_head:
            return title_case(sp.bullet_head)
        return f"Why {brand}" if brand and len(brand.split()) <= 5 else "At a Glance"
    if role in (SceneRole.broll, SceneRole.montage):
        if role is SceneRole.montage and sp.message:
            return headline(sp.message)
        if sp.shots:
            return _list_headline(sp.shots)
        return headline(subj or brand or "", fallback="In Detail")
    if sp.statement:
        return headline(sp.statement, fallback=brand or "")
    if sp.topic:
        if re.search(r"\b(?:product\s+)?benefits?\b|\bhow it works\b|\bfeatures?\b", sp.topic, re.I) and (cues.description or cues.benefit):
            return headline(cues.description or cues.benefit or "")
        return headline(sp.topic, fallback=brand or "")
    if cues.description:
        return headline(cues.description)
    if cues.benefit:
        return headline(cues.benefit)
    if subj:
        return headline(subj, fallback=brand or "")
    return brand if brand and len(brand.split()) >= 2 else "Take a Closer Look"


def _query_for(sp: SceneSpec, cues: Cues) -> str:
    subj = " ".join(x for x in (cues.subject, cues.description) if x)
    if sp.role in (SceneRole.broll, SceneRole.montage) and sp.shots:
        return noun_query(" ".join(sp.shots))
    if sp.elaborate == "feature" and sp.feature:
        q = noun_query(" ".join(x for x in (sp.feature, cues.subject or cues.description or cues.brand) if x))
        if q:
            return q
    if sp.role is SceneRole.bullets and sp.bullets:
        return noun_query(" ".join(sp.bullets))
    if sp.role is SceneRole.hook:
        return noun_query(" ".join(x for x in (cues.setting, subj) if x)) or noun_query(cues.brand or "")
    if sp.topic or sp.statement:
        q = noun_query(sp.topic or sp.statement or "")
        if q:
            return q
    return noun_query(subj or cues.brand or cues.setting or "") or "presenter studio"
