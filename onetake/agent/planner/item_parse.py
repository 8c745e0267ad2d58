"""One requested item -> one scene spec: its role, topic, statement, shots and scripts."""

from __future__ import annotations

import re

from onetake.agent.storyboard import SceneRole

from .cues import Cues
from .items import _BULLETS_PHRASE_RE, _protected_list_end
from .lexicon import FICTION_RE, PRODUCTION_RE
from .scene_spec import Item, SceneSpec
from .text import split_list, squash


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
        elif spec.role is SceneRole.hook:  # "Hook: a messy desk covered in sticky notes" is a picture to open on
            bare = re.sub(r"^\s*(?:hook|opening|open|intro)\s*[:\-\u2013]\s*", "", text, flags=re.I)
            shot = clean_shot(bare) if bare != text else ""
            if shot and re.match(r"(?:a|an|the)\s", shot, re.I) and not PRODUCTION_RE.search(shot) and len(shot.split()) <= 12:
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
