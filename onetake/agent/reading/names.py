"""Names in a brief: whose video it is, read from capitals and grammar (the small models tag names poorly).

"for Needle & Note", "a welcome from Grace, our founder", "We're Halo Solar", "a van called Suds on Wheels",
"14 Orchard Close": runs of capitalised words after the words that introduce a name, and the web address a
name spells. read.py votes with these for the brand.
"""

from __future__ import annotations

import re

from . import directions as D
from .lexicon import INSTRUCTION_VERBS, NAME_PARTICLES, REQUEST_VERBS

def name_spelling(text: str, domain: str) -> str:
    """The capitalised name in `text` that the web address spells ("Mailcraft's" for mailcraft.co)."""
    for m in re.finditer(r"[A-Z][\w&]*(?:\s+&?\s*[A-Z][\w&]*){0,3}", text):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            name = re.sub(r"'s$", "", " ".join(words[:n]))
            if re.sub(r"\W", "", name.lower()) == domain:
                return name
    return ""


def url_domain(url: str) -> str:
    from .facts import _SUFFIXES

    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.I).split("/")[0]
    return _SUFFIXES(host).domain.lower().replace("-", "")


def introduces_a_person(doc, k: int) -> bool:
    """", our founder", ", the head chef": a name followed by the role of a person."""
    return (k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("our", "the", "my", "your")
            and (doc[k + 2].lower_ in D.PRESENTER_NOUNS or doc[k + 2].lower_ in PERSON_ROLES))


PERSON_ROLES = {"founder", "co-founder", "ceo", "cto", "cfo", "owner", "director", "manager", "head", "chef", "teacher",
                 "coach", "doctor", "trainer", "lead", "president", "chair", "principal", "editor"}


def capitalised_run(doc, start: int, stop: int, after: set[str]):
    """The first run of capitalised words (with the small words names carry: "da", "&", "de") that follows one
    of the words in `after` (an article may stand between), as a Span; None when there is none."""
    for t in doc[start:stop]:
        if t.lower_ not in after or t.i + 1 >= stop:
            continue
        k = t.i + 1
        while k < stop and doc[k].lower_ in ("the", "la", "le", "el", "der", "die", "das", "il", "lo", "l'", "o", "a", "our"):
            k += 1
        run = []
        if k + 1 < stop and doc[k].like_num and doc[k + 1].text[:1].isupper() and doc[k + 1].pos_ == "PROPN":
            run.append(k)  # "14 Orchard Close": a street address names the subject
            k += 1
        while k < stop and (doc[k].text[:1].isupper() or (run and (doc[k].lower_ in NAME_PARTICLES or doc[k].like_num))
                            or (run and doc[k].text == "-" and k + 1 < stop and doc[k + 1].text[:1].isupper())):  # "Dog-Eared"
            run.append(k)
            k += 1
        while run and (doc[run[-1]].lower_ in NAME_PARTICLES):
            run.pop()
        if run and k < stop and doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[run[-1]].head.i == k \
                and doc[run[-1]].dep_ in ("amod", "compound") and not any(doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "ORG" for j in run):
            continue  # "for English speakers": a word describing the noun after it, not a name
        if run and run[0] == doc[start:stop].start and doc[run[0]].lower_ in REQUEST_VERBS | INSTRUCTION_VERBS:
            run.pop(0)  # "Introduce Fennel & Fig": the verb opening the sentence is no part of the name
        if run:
            return doc[run[0]:run[-1] + 1]
    return None


def self_named(sent) -> list[str]:
    """Names the brief gives itself: "We're Halo Solar", "We're launching Orbit", "a van called Suds on Wheels" (the small model tags
    such names as people, so they are read from the grammar and the capitals)."""
    out = []
    for t in sent:
        start = None
        if (t.dep_ in ("attr", "dobj") and t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME", "GPE")
                and (t.head.lemma_ == "be" or t.dep_ == "dobj")
                and any(c.dep_ == "nsubj" and c.lower_ == "we" for c in t.head.children)):
            start = t.left_edge.i  # "We're Halo Solar", "We're launching Orbit"; not "we're open Saturday mornings"
        elif t.lower_ in ("called", "named") and t.i + 1 < sent.end:
            start = t.i + 1
        if start is None:
            continue
        k, run = start, []
        while k < sent.end and (sent.doc[k].text[:1].isupper() or sent.doc[k].text == "&"
                                or (run and sent.doc[k].lower_ in NAME_PARTICLES | {"on", "of", "the"} and k + 1 < sent.end
                                    and sent.doc[k + 1].text[:1].isupper())):
            run.append(sent.doc[k].text)
            k += 1
        if run:
            out.append(" ".join(run))
    return out


def proper_chunks(sent) -> list[str]:
    """Proper-noun runs that could name the brand (not the first word of a sentence alone)."""
    out, run = [], []
    for t in list(sent) + [None]:
        if t is not None and (t.pos_ == "PROPN" or (run and t.text in ("&", "and") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN")) and t.ent_type_ not in ("PERSON", "GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
            run.append(t)
            continue
        if run and run[0].i == sent.start and run[0].lower_ in REQUEST_VERBS | INSTRUCTION_VERBS:
            run = run[1:]  # "Introduce Fennel & Fig": the verb is tagged a name by the small model
        if run:
            text = " ".join(x.text for x in run).replace(" & ", " & ")
            alone_first = len(run) == 1 and run[0].i == sent.start
            if not alone_first and not D.is_direction_word(run[0]) and len(text) > 1 and not text.lower() in REQUEST_VERBS:
                out.append(text)
            run = []
    return out
