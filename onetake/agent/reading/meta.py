"""Sentences that describe the video instead of its subject: "a section highlighting interactive exhibits",
"B-roll of records sliding from sleeves", "The presenter introduces PulseKey, a smart gadget ...".

Briefs written for video agents describe scenes, shots and the presenter; the things to say sit inside
those descriptions. A sentence whose head is a word about the video itself (an opening, a segment, a
montage, the host) is a direction; what it says the video highlights is said, what it shows is shown.
Read from the parse (English; other languages fall back to the words after a "show" verb, facts.py).
"""

from __future__ import annotations

import re

from dataclasses import dataclass

# Words that name a part of the video, a shot, or who presents it.
META_NOUNS = {
    "opening", "intro", "introduction", "outro", "hook", "section", "segment", "scene", "scenes", "montage",
    "close-up", "closeup", "cutaway", "moment", "frame", "shot", "b-roll", "broll", "roll", "footage", "insert",
    "overlay", "graphic", "caption", "card", "lower-third", "transition", "invitation", "cta", "host", "presenter",
    "avatar", "narrator", "spokesperson", "image", "photo", "bullet", "sequence", "clip", "finale",
    "closing", "ending", "call", "production", "edit", "voiceover",
}
# Of those, the ones that can do the saying or showing as a sentence's subject ("The presenter introduces X").
# "Business cards cost £25" is about cards: words like "card" or "image" name parts only as objects or heads.
ACTING = {"host", "presenter", "avatar", "narrator", "spokesperson", "scene", "segment", "section", "opening", "intro",
          "montage", "sequence", "shot", "b-roll", "broll", "footage", "clip", "voiceover"}
# Verbs by which such a part says something ("a section highlighting X", "the presenter introduces X").
SAY_VERBS = {"highlight", "explain", "introduce", "present", "cover", "describe", "announce", "share", "mention",
             "emphasise", "emphasize", "reveal", "outline", "tell", "say", "walk"}
# Verbs by which it shows something ("a scene showing X", "a montage of X").
SHOW_VERBS = {"show", "feature", "depict", "display", "capture", "reveal"}
# Verbs that place such a part ("Open with an intro frame", "Use the image as the avatar", "return to the host").
PLACE_VERBS = {"open", "start", "begin", "end", "close", "finish", "return", "cut", "use", "feature", "include",
               "add", "structure", "keep", "make", "follow", "wrap", "transition", "move"}


@dataclass
class Description:
    say: str = ""  # what the brief wants said, from inside the description
    show: str = ""  # what it wants seen


def describes_the_video(sent) -> Description | None:
    """A Description when the sentence is about the video's parts, else None."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return None
    root = sent.root
    head = None
    if _meta(root) and root.pos_ in ("NOUN", "PROPN"):
        head = root  # "A fast-paced montage of exhibit labels."
    elif root.pos_ in ("VERB", "AUX") and root.tag_ == "VBG" and any(c.dep_ in ("nsubj", "npadvmod") and _meta(c) for c in root.children):
        # "stylish cutaway moments showing imagined close-ups of brushed metal": parsed as a clause, read as a shot
        lemma = root.lemma_.lower()
        return Description(say=_object_text(root)) if lemma in SAY_VERBS else Description(show=_object_text(root) or sent.text.strip(" ."))
    elif root.pos_ in ("VERB", "AUX"):
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and (c.lemma_.lower() in ACTING or c.lower_ in ACTING
                             or (root.lemma_.lower() in SAY_VERBS and _a_named_speaker(c) and _reported(root)))), None)
        if subject is not None:  # "The presenter introduces a fictional pocket device called 'PulseKey'."
            if root.lemma_.lower() in SAY_VERBS:
                return Description(say=_rest_after(root))
            if root.lemma_.lower() in SHOW_VERBS:
                return Description(show=_object_text(root))
            return Description()
        if root.lemma_.lower() in PLACE_VERBS and not any(c.dep_ == "nsubj" for c in root.children):
            head = next((t for t in _attached(root) if _meta(t)), None)  # "Open with an intro frame in ..."
            if head is None:  # "Open on a close-up of beans being roasted": the small parse hangs the shot anywhere below
                head = next((t for c in root.children if c.dep_ in ("prep", "dobj", "obj") for t in c.subtree
                             if _meta(t) or _meta_compound(t)), None)
    if head is None:
        return None
    return _inside(head)


def _meta(token) -> bool:
    return token.lemma_.lower() in META_NOUNS or token.lower_ in META_NOUNS


def _meta_compound(token) -> bool:
    """"close-up", tokenised close - up."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and f"{doc[token.i - 2].lower_}-{token.lower_}" in META_NOUNS


# People whose words a brief reports ("Our founder Lena explains that ..."): what they say is said.
SPEAKER_ROLES = {"founder", "ceo", "owner", "chef", "manager", "director", "teacher", "doctor", "coach", "trainer",
                 "expert", "engineer", "head", "lead", "designer", "farmer", "baker", "brewer", "nurse", "principal"}


def _reported(verb) -> bool:
    """"explains that every bag is ...": reported speech; 'says: "..."' is a quotation, read as one (facts.find_quotes)."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in verb.children)


def _a_named_speaker(token) -> bool:
    if token.ent_type_ == "PERSON":
        return True
    return token.lemma_.lower() in SPEAKER_ROLES and any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in token.children)


def _attached(verb):
    """The verb's objects, and the objects of its prepositions ("with", "to", "as")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            yield c
        elif c.dep_ == "prep":
            yield from (p for p in c.children if p.dep_ == "pobj")


def _inside(head) -> Description:
    d = Description()
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "featuring"):  # "montage of X", "intro frame in a refined atelier"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and not _meta(pobj):
                d.show = d.show or _span_text(pobj)
        elif c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            lemma = c.lemma_.lower()
            if lemma in SAY_VERBS:
                d.say = d.say or _object_text(c)
            elif lemma in SHOW_VERBS:
                d.show = d.show or _object_text(c)
    return d


def _object_text(verb) -> str:
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "attr")), None)
    if obj is None:
        prep = next((c for c in verb.children if c.dep_ == "prep"), None)
        obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or _generic(obj) or _placeholder(obj):
        return ""
    return _span_text(obj)


def _rest_after(verb) -> str:
    """Everything the sentence says after its verb: read from the text, as the parse of long objects with
    hyphenated words ("a folding e-scooter called 'Pipit', which ...") is often wrong."""
    sent = verb.sent
    rest = sent.text[verb.idx + len(verb.text) - sent.start_char:].strip().rstrip(".!")
    rest = re.sub(r"^that\s+", "", rest)  # "explains that every bag is ...": what is said
    words = rest.split()
    if len(words) <= 3 and not any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
        return ""  # "introduces the museum": a placeholder
    return rest


# What a description names when the brief has not said it ("explaining the product benefit in clear language").
PLACEHOLDERS = {"product", "benefit", "feature", "service", "offer", "brand", "company", "message", "value", "story",
                "mission", "collection", "idea", "solution", "museum", "app", "platform", "business", "event"}


def _placeholder(token) -> bool:
    words = list(token.subtree)
    return token.lemma_.lower() in PLACEHOLDERS and not any(t.pos_ in ("PROPN", "NUM") or t.like_num for t in words)


def _generic(token) -> bool:
    """"the museum", "the product benefit", "today's forecast": a placeholder, nothing a viewer learns."""
    words = [t for t in token.subtree if not t.is_punct]
    return len(words) <= 3 and not any(t.pos_ in ("PROPN", "NUM") or t.like_num for t in words) \
        and not any(t.pos_ == "ADJ" for t in words)


def _span_text(token) -> str:
    toks = list(token.subtree)
    while toks and toks[-1].is_punct:
        toks.pop()
    return token.doc[toks[0].i:toks[-1].i + 1].text if toks else ""


# The brief wants a question before the draft: never narrated (agent/chat/questions.py asks it).
_ASK_ME = re.compile(r"\b(?:ask|check with|consult|confirm with)\s+(?:me|us)\b|\blet\s+(?:me|us)\s+(?:choose|pick|decide|select)\b"
                     r"|\b(?:i|we)(?:'d| would)?\s+(?:like|want)\s+to\s+(?:choose|pick|decide|select)\b", re.I)
_TOPICS = {"voice": ("voice", "voices", "narrator"), "presenter": ("presenter", "avatar", "host", "face", "who presents", "spokesperson")}


def asks_to_be_asked(prompt: str) -> str | None:
    """What the brief wants to be asked about first ("Ask me which voice I want"): voice, presenter, or "" (anything)."""
    m = _ASK_ME.search(prompt)
    if not m:
        return None
    tail = prompt[m.start():].lower()
    return next((topic for topic, words in _TOPICS.items() if any(w in tail for w in words)), "")
