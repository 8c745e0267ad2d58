"""Reading -> beats: each thing the brief says, once, in the brief's order, ready to be a scene.

A beat is one statement, list, quote or call to action of the Reading. What a statement
contains (a list's items, a figure, a visual request) travels with it, so the scene that
says it can also show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onetake.agent.reading import Reading
from onetake.agent.reading.facts import find_address
from onetake.agent.reading.models import Figure, ItemList, Quote, Span, Statement, VisualRequest

from . import glue as G


SPREAD_MIN_WORDS = 3.0  # a list whose items average more words than this can be said item by item


@dataclass
class Beat:
    kind: str  # subject | fact | list | steps | quote | cta | document
    text: str  # what is said, in the brief's language
    start: int  # where it is in the source: beats are said in this order
    priority: int = 1  # 0 must be said, 1 should, 2 may give way to time
    bullets: list[str] = field(default_factory=list)
    figure: Figure | None = None
    figures: list[Figure] = field(default_factory=list)  # a list's figures, each shown with the item that holds it
    quote: Quote | None = None
    visuals: list[VisualRequest] = field(default_factory=list)
    scene: int | None = None  # the requested scene (Reading.structure) it belongs to
    head: str = ""  # a list's own heading ("Three changes this year")
    composed: bool = False  # the text was made from the list's items (not a sentence of the brief's own)
    doer: str = ""  # the subject shared by a list of verb phrases: "We" (stock a, run b, host c)

    @property
    def showable(self) -> bool:
        return bool(self.bullets or self.figure or self.quote or self.visuals)


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def beats(reading: Reading) -> list[Beat]:
    language = reading.language
    out: list[Beat] = []
    lists_used: set[int] = set()
    quotes_used: set[int] = set()
    for st in reading.statements:
        if reading.cta and st.kind != "cta" and _overlaps(st.span, reading.cta.span):
            continue  # the call to action is said once, last
        if st.kind == "visual":
            continue  # "Open on a close-up of beans roasting": shown under the next line (its visual request), never said
        beat = _statement_beat(st, reading, lists_used, quotes_used)
        if beat is not None:
            out.append(beat)
    for k, lst in enumerate(reading.lists):
        if k in lists_used or lst.span is None or not lst.items:
            continue
        if any(_overlaps(item.span, b_span) for item in lst.items for b_span in _spans(reading, out)):
            continue  # its words are already a statement's
        out.append(_list_beat(lst, language, k, reading))
        lists_used.add(k)
    for k, q in enumerate(reading.quotes):
        if k in quotes_used or q.script or any(_overlaps(q.span, s) for s in _spans(reading, out)):
            continue
        if _a_line_to_say(q, None, reading):
            out.append(Beat("fact", G.as_sentence(q.text, language), q.span.start, 0))
        else:
            out.append(Beat("quote", G.quote_line(q.text, q.author, language), q.span.start, 0, quote=q))
    out.sort(key=lambda b: (b.kind == "document" or b.start >= reading.prompt_length, b.start))  # the prompt first, then its files, each in order
    _attach_visuals(out, reading)
    if reading.cta is not None and reading.cta.text:
        out.append(Beat("cta", G.as_sentence(reading.cta.text, language), reading.cta.span.start, 0))
    return out


def _spans(reading: Reading, out: list[Beat]) -> list[Span]:
    return [s.span for s in reading.statements if any(b.start == s.span.start for b in out)]


def _a_line_to_say(q, st: Statement | None, reading: Reading) -> bool:
    """Quoted words with no one to credit ('Hook: "Your heating is wasting money."') are a line the brief wrote for
    the video, said as written; a testimonial card needs its author, or a scene the brief labelled a quote."""
    if q.script:
        return True
    if q.author:
        return False
    scene = st.scene if st is not None else None
    return not (scene is not None and scene < len(reading.structure) and reading.structure[scene].role == "quote")


def _statement_beat(st: Statement, reading: Reading, lists_used: set[int], quotes_used: set[int]) -> Beat | None:
    language = reading.language
    kind = {"subject": "subject", "document": "document", "quote": "quote"}.get(st.kind, "fact")
    beat = Beat(kind, st.text, st.span.start, st.priority, scene=st.scene)
    for k, q in enumerate(reading.quotes):
        if _inside(q.span, st.span) or (st.kind == "quote" and q.text == st.text):
            quotes_used.add(k)
            if st.kind == "quote" or q.script:
                line = _a_line_to_say(q, st, reading)
                beat.quote = None if line else q
                beat.text = G.as_sentence(q.text, language) if line else G.quote_line(q.text, q.author, language)
                beat.kind = "fact" if line else "quote"
                beat.priority = 0
            break
    for k, lst in enumerate(reading.lists):
        if k in lists_used or lst.span is None or len(lst.items) < 2:
            continue
        if all(_overlaps(item.span, st.span) for item in lst.items):
            lists_used.add(k)
            beat.bullets = [item.text for item in lst.items]
            beat.head, beat.doer = lst.head, lst.subject
            if lst.ordered and kind != "subject":
                beat.kind = "steps"
            elif kind == "fact":
                beat.kind = "list"
            break
    figures = [f for f in reading.figures if _inside(f.span, st.span) and _worth_a_card(f, reading)]
    if figures:
        beat.figure = figures[0]
    return beat


def _list_beat(lst: ItemList, language: str, index: int, reading: Reading) -> Beat:
    """A list no sentence carries (bullets, numbered lines): said from its items."""
    items = [item.text.strip(" .;,") for item in lst.items]
    subject = reading.subject.text if reading.subject else ""
    said_head = bool(lst.head) and lst.head != reading.brand and lst.head not in subject  # the name has its own sentence
    if lst.ordered:
        text, kind = G.steps(items, language), "steps"
    elif lst.clauses:
        text, kind = " ".join(G.as_sentence(i, language) for i in items), "list"
    else:
        joined = G.join_items(items, language)
        text = G.as_sentence(f"{lst.head}: {joined}" if said_head else joined, language)
        kind = "list"
    start = lst.span.start if said_head or not lst.items else lst.items[0].span.start
    beat = Beat(kind, text, start, 1, bullets=items, head=lst.head, composed=True, doer=lst.subject)
    figures = [f for f in reading.figures if _inside(f.span, lst.span) and _worth_a_card(f, reading)]
    if figures and len(figures) == 1:
        beat.figure = figures[0]
    beat.figures = figures
    return beat


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DATE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
                   r"nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b\.?", re.I)


def _worth_a_card(figure: Figure, reading: Reading) -> bool:
    """A figure a stat card can show: a count, amount or share with its noun, not a year, clock time or address."""
    digits = re.sub(r"\D", "", figure.number or figure.text)
    if not digits or _YEAR.match(figure.text.strip()):
        return False
    if re.search(r"\d\s*(?:am|pm|a\.m\.|p\.m\.|h\b|:\d\d)", figure.text, re.I):
        return False
    if reading.cta and _overlaps(figure.span, reading.cta.span):
        return False
    if find_address(figure.text):
        return False  # "14 Orchard Close": the number of a house, not a figure
    if _DATE.search(figure.text):
        return False  # "3 May", "June 14th": a day, said, not counted up on a card
    return len(figure.text.split()) >= 2 or bool(re.search(r"[%$£€¥]|\d[x×]", figure.text))


def _attach_visuals(out: list[Beat], reading: Reading) -> None:
    """Each visual request is shown by the scene that says what comes just before it (else just after)."""
    for vr in reading.visual_requests:
        before = [b for b in out if b.start <= vr.span.start and b.kind != "cta"]
        after = [b for b in out if b.start > vr.span.start and b.kind != "cta"]
        holder = next((b for b in reversed(before) if not b.visuals), None) or next((b for b in after if not b.visuals), None)
        if holder is None and out:
            holder = out[-1] if out[-1].kind != "cta" else None
        if holder is None:
            out.append(Beat("fact", G.as_sentence(vr.text, reading.language), vr.span.start, 1, visuals=[vr]))
        else:
            holder.visuals.append(vr)


def spread(beat: Beat, language: str, brand: str = "", said: str = "") -> list[Beat]:
    """A list said item by item, each on a card of its own, when the video has time for it:
    its heading first ("Three changes this year."), then every item as its own sentence."""
    if len(beat.bullets) < 2 or beat.kind not in ("list", "steps"):
        return [beat]
    words = sum(len(i.split()) for i in beat.bullets) / len(beat.bullets)
    if beat.kind == "list" and words <= SPREAD_MIN_WORDS:
        return [beat]  # "chlorophyll, carbon dioxide, glucose": terms read best together, on one card
    kept = {w for part in [beat.head, *beat.bullets] for w in re.findall(r"\w+", part.lower())}
    if not beat.composed and any(len(w) >= 4 and w not in kept for w in re.findall(r"\w+", beat.text.lower())):
        return [beat]  # the items do not hold every word the sentence says ("we do tonkotsu ramen that ..."): keep it whole
    out = []
    named = len(beat.head.split()) >= 2 and all(w[:1].isupper() for w in beat.head.split())  # "Bäckerei Keller"
    if (beat.head and beat.head != brand and beat.head.lower() not in said.lower()  # `said`: the other beats' words
            and (len(beat.head.split()) >= 3 or named)):  # "Three changes this year." ("Tools." says nothing)
        out.append(Beat("fact", G.as_sentence(beat.head, language), beat.start, beat.priority, scene=beat.scene))
    items = []
    for k, item in enumerate(beat.bullets):
        said = item
        if beat.doer and not re.match(rf"{re.escape(beat.doer)}\b", item, re.I):
            said = f"{beat.doer} {item}"  # "run a story hour" said alone would be an order: "We run a story hour."
        text = G.as_sentence(said, language)
        if beat.kind == "steps":
            text = G.steps_item(k, len(beat.bullets), item, language)
        # a figure in a step measures the step ("unplug it for 30 seconds"): no stat card
        held = [f for f in ([beat.figure] if beat.figure else []) + beat.figures if f.text in item] if beat.kind != "steps" else []
        items.append(Beat("item", text, beat.start + k + 1, beat.priority, bullets=[item], scene=beat.scene,
                          figure=held[0] if held else None))  # "revenue up 14% to £82m": its card is a stat
    for v in beat.visuals:  # a picture asked for goes with the item that names it, else with the first
        named = [b for b in items if any(n.lower() in b.text.lower() for n in v.nouns)]
        (named[0] if named else items[0]).visuals.append(v)
    return out + items
