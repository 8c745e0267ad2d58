"""The scenes a prompt asks for, found in any common form.

Reads numbered lists ("1) ...", "1. ...", "Scene 1: ..."), "Scenes: a; b; c",
colon lists after structure words ("... with multiple scenes: A, B, then C"),
"Include scenes showing A; B; C", "Open with ... then ... end with ...",
bullet lines (-, *, •) and "bullet points for X, Y, and Z".
"""

from __future__ import annotations

import re

from onetake.agent.storyboard import SceneRole

from .cues import Cues
from .scene_spec import Item
from .text import split_list


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
