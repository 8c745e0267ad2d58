"""The brief's own structure: lines, bullets, numbered items and "label: content" pairs.

A brief marks structure with layout and punctuation long before grammar: "1) hook: ...",
"- free parking", "Tone: calm". Those marks are read here, once, into blocks with spans;
the parser then reads each block's content (read.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import FIELD_LABELS, scene_role

# Written by hand: these are typographic marks, which no NLP library segments (spaCy
# tokenises "2)" and "•" but does not know they open a list item).
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►✓✔]|\u2022)\s+")
_NUMBER = re.compile(r"^\s*(?:(?:scene|step|part|slide|shot|section|escena|scène|szene|cena|scena|场景|第)\s*)?"
                     r"\(?(\d{1,2})(?:[.)\]:](?!\d)|\s*[-–—](?=\s)|\s*:|\s*(?:幕|场|步))\s*", re.I)  # not "60-second", "1.5"
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[:;,.]))\(?(\d{1,2})[)\]]\s+|(?<=\s)(\d{1,2})\.\s+(?=\S)")
_INLINE_SCENE = re.compile(r"(?:(?<=\s)|^)(?:scene|step|part|escena|scène|szene|cena|scena)\s+(\d{1,2})\s*[:.\-–—)]\s*", re.I)
_LABEL = re.compile(r"^([^\s:.!?\"“'][^:.!?\"“\n]{0,38}?)\s*(?::|：|\s[-–—]\s)\s*(?=\S)")
_MAX_LABEL_WORDS = 4
# "... 45 seconds. Problem: riders wait. Solution: a live tracker.": a sentence opening with a short label
_SENTENCE_LABEL = re.compile(r"(?<=[.!?])\s+(?=([A-Z][\w'&-]*(?:\s[\w'&-]+){0,2})\s*:\s+\S)")


@dataclass
class Block:
    text: str  # the content, without its bullet, number or label
    start: int  # span of the content in the source
    end: int
    number: int | None = None
    label: str = ""  # lower case, as written: "problem", "tone"
    bullet: bool = False
    heading: str = ""  # the line that introduced this list item ("Three rules:")
    document: bool = False
    children: list["Block"] = field(default_factory=list)


def _strip(text: str, start: int) -> tuple[str, int, int]:
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return body, start + lead, start + lead + len(body)


def _label(text: str) -> tuple[str, int]:
    """("tone", offset of the content) when `text` opens with a short label, else ("", 0)."""
    m = _LABEL.match(text)
    if not m:
        return "", 0
    label = m.group(1).strip()
    words = label.split()
    if len(words) > _MAX_LABEL_WORDS or re.search(r"https?$|www$", label, re.I) or re.fullmatch(r"\d+", label):
        return "", 0
    if re.search(r"\d:\d", text[m.start():m.end() + 1]):  # "9:16", "10:30"
        return "", 0
    return label.lower(), m.end()


def _inline_items(text: str, start: int) -> list[tuple[int | None, str, int]]:
    """Split "Cover: 1) values 2) safety" into its lead and numbered parts, when the numbers run 1, 2, 3..."""
    marks = [(m.start(), m.end(), int(m.group(1) or m.group(2))) for m in _INLINE_NUMBER.finditer(text)]
    marks += [(m.start(), m.end(), int(m.group(1))) for m in _INLINE_SCENE.finditer(text)]
    marks.sort()
    run: list[tuple[int, int, int]] = []
    for mark in marks:
        if (not run and mark[2] == 1) or (run and mark[2] == run[-1][2] + 1 and mark[0] >= run[-1][1]):
            run.append(mark)
    if len(run) < 2:
        return [(None, text, start)]
    parts: list[tuple[int | None, str, int]] = []
    if text[:run[0][0]].strip():
        parts.append((None, text[:run[0][0]], start))
    for k, (s, e, n) in enumerate(run):
        end = run[k + 1][0] if k + 1 < len(run) else len(text)
        if k + 1 == len(run):  # the last item ends with its sentence; what follows is not part of the list
            m = re.search(r"(?<=[.!?])\s+(?=[A-Z\u4e00-\u9fff])", text[e:end])
            if m:
                parts.append((n, text[e:e + m.start()], start + e))
                parts.append((None, text[e + m.end():end], start + e + m.end()))
                break
        parts.append((n, text[e:end], start + e))
    return parts


def _labelled_sentences(text: str, start: int) -> list[tuple[str, int]]:
    """A paragraph whose sentences are labelled scenes ("Problem: ... Solution: ... Results: ..."), cut
    at each label, as the same labels on lines of their own would be. Two role labels at least: one
    labelled sentence ("January offer: no joining fee") is a fact with its label, not a structure."""
    cuts = [m for m in _SENTENCE_LABEL.finditer(text)]
    role = lambda label: bool(scene_role(label)) and label.lower() not in FIELD_LABELS  # "Offer: ..." is a field
    if sum(1 for m in cuts if role(m.group(1))) + bool(_LABEL.match(text) and role(_label(text)[0])) < 2:
        return []
    bounds = {0, len(text)}
    for m in cuts:  # a label governs its own sentence: what follows it ("45 seconds.") is read on its own
        bounds.add(m.end())
        stop = re.search(r"(?<=[.!?])\s+(?=[A-Z0-9])", text[m.end():])
        if stop:
            bounds.add(m.end() + stop.end())
    if _LABEL.match(text):
        stop = re.search(r"(?<=[.!?])\s+(?=[A-Z0-9])", text)
        if stop:
            bounds.add(stop.end())
    bounds = sorted(bounds)
    return [(text[a:b].rstrip(), start + a) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _lead_heading(lead: str) -> tuple[str, str]:
    """("Make a video for Keel Freight.", "Cover") from "Make a video for Keel Freight. Cover:"."""
    lead = lead.rstrip().rstrip(":：").rstrip()
    cut = max(lead.rfind(". "), lead.rfind("! "), lead.rfind("? "), lead.rfind("。"))
    if cut < 0:
        return "", lead
    return lead[:cut + 1], lead[cut + 1:].strip()


def segment(source: str, prompt_length: int) -> list[Block]:
    """Blocks in source order. A line or lead ending with ':' heads the list items after it."""
    blocks: list[Block] = []
    heading = ""
    offset = 0

    def add(text: str, start: int, number: int | None, bullet: bool, head: str, document: bool) -> None:
        body, s, e = _strip(text, start)
        if not body:
            return
        pieces = _labelled_sentences(body, s) if number is None and not bullet else []
        if pieces:
            for piece, at in pieces:
                add(piece, at, None, False, head, document)
            return
        label, cut = _label(body)
        content, cs, ce = _strip(body[cut:], s + cut) if label else (body, s, e)
        if content:
            blocks.append(Block(content, cs, ce, number=number, label=label, bullet=bullet, heading=head, document=document))

    for line in source.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            heading = ""
            continue
        document = line_start >= prompt_length
        parts = _inline_items(line, line_start)
        if len(parts) > 1:  # "Cover: 1) values 2) safety" or "1) hook: ... 2) problem: ..."
            head = heading
            for n, part, part_start in parts:
                if n is None:
                    if part.rstrip().endswith((":", "：")):
                        before, head = _lead_heading(part)
                        add(before, part_start, None, False, "", document)
                    else:
                        add(part, part_start, None, False, "", document)
                    continue
                add(part, part_start, n, False, head, document)
            heading = ""
            continue
        m = _BULLET.match(line)
        number = None
        text, pos = line, line_start
        if m:
            text, pos = line[m.end():], line_start + m.end()
        else:
            nm = _NUMBER.match(line)
            if nm and nm.end() < len(line) and (line[nm.end() - 1].isspace() or not line[nm.end()].isdigit()):
                number, text, pos = int(nm.group(1)), line[nm.end():], line_start + nm.end()
        listed = bool(m) or number is not None
        if listed:
            add(text, pos, number, bool(m), heading, document)
            continue
        if line.rstrip().endswith((":", "：")):
            before, heading = _lead_heading(line)
            add(before, line_start, None, False, "", document)
            continue
        heading = ""
        add(text, pos, None, False, "", document)
    return blocks
