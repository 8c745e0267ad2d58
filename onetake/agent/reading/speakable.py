"""From the brief's sentences to what can be said: directions told apart, instructions unwrapped.

A brief talks to its maker ("Tell viewers that the studio opens at 6am", "Explain how
Ledgerly automates invoices", "Remind staff to wear badges"). The parse finds the
instruction (an imperative verb with no subject) and its complement; the complement is
what the video says ("The studio opens at 6am.", "Ledgerly automates invoices.", "Wear
badges."). Directions ("Calm, reassuring tone.", "Use a warm, curious tone") are
sentences whose content words all direct the production.
"""

from __future__ import annotations

import re

from . import directions as D
from .lexicon import (AUDIENCE_NOUNS, CAMERA_WORDS, DIRECTION_NOUNS, INSTRUCTION_VERBS, LANDSCAPE_WORDS, PLATFORMS,
                      PORTRAIT_WORDS, REQUEST_VERBS, TONE_WORDS, VIDEO_NOUNS, ZH_DIRECTION_NOUNS)
from .palette import NAMED_COLOURS

_ORIENTATION_WORDS = {w for words in (*PORTRAIT_WORDS.values(), *LANDSCAPE_WORDS.values()) for w in words}
_PRODUCTION = {"caption", "captions", "subtitle", "subtitles", "graphics", "motion", "transition", "transitions",
               "edit", "editing", "scene", "scenes", "prompt", "scriptwriting", "script", "b-roll", "broll", "integration",
               "production", "produced", "cohesive", "branding", "camera", "lower-third", "lower-thirds", "thirds",
               "overlay", "overlays", "text", "on-screen", "screen", "frame", "frames", "shot", "shots", "lighting",
               "depth", "field", "grain", "film", "pacing", "delivery", "speech", "energy", "finish", "result",
               "directly", "host", "presenter", "avatar", "narrator", "speaking", "speak", "speaks", "look", "feel",
               "sound", "video", "footage", "visual", "visuals", "style", "aesthetic", "backdrop", "background",
               "setting", "office", "studio", "title", "card", "cards", "quality", "timing", "rhythm", "music",
               "soundtrack", "ad", "social", "campaign", "commercial", "cinematic", "editorial", "format", "feeling",
               "vibe", "tone", "voice", "intro", "outro", "cut", "cuts", "hero", "website", "platform", "medium",
               "close", "close-up", "closeups", "polish", "polished", "premium", "seamless", "clean", "readable",
               "tasteful", "subtle", "smooth", "engaging", "natural", "centered", "professionally", "professional"}
_ADDRESS = {"their": "your", "them": "you", "they": "you", "theirs": "yours", "themselves": "yourselves"}
_LEADERS = {"please", "also", "then", "next", "finally", "and", "so", "lastly", "first", "now", "just", "briefly",
            "quickly", "definitely", "really", "clearly", "simply"}


def _content_tokens(sent):
    return [t for t in sent if t.is_alpha and not t.is_stop and t.pos_ not in ("DET", "ADP", "CCONJ", "PRON", "PART", "AUX", "SCONJ")]


def _directive(t) -> bool:
    low, lemma = t.lower_, (t.lemma_ or t.lower_).lower()
    return (low in TONE_WORDS or lemma in TONE_WORDS or lemma in DIRECTION_NOUNS or low in DIRECTION_NOUNS or lemma in CAMERA_WORDS
            or low in _PRODUCTION or lemma in _PRODUCTION or low in NAMED_COLOURS or lemma in VIDEO_NOUNS["en"]
            or low in D.PRESENTER_NOUNS or low in _ORIENTATION_WORDS or low in PLATFORMS)


def describes_only(sent) -> bool:
    """A verbless run of describing words ("Earnest, hopeful.", "Serious but not scary.", "Friendly,
    plain-spoken."): it says how the video should feel, not what it should say."""
    if not sent.doc.has_annotation("POS"):
        return False
    words = [t for t in sent if t.is_alpha]
    if not words or len(words) > 8:
        return False
    if _describing(words):
        return True
    # The small models tag short fragments badly ("Cosy, rustic." as a name and a noun): a verbless run of
    # comma-separated single words is description when at least half of them are known tone words.
    bare = " ".join(w for w in sent.text.strip(" .!").split() if w.lower().strip(".,!") not in _COURTESY)
    parts = [p.strip() for p in re.split(r"[,;/]|\band\b|\bbut\b", bare) if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) == 1 for p in parts) and not any(t.pos_ in ("VERB", "AUX") for t in words):
        known = sum(1 for p in parts if p.lower() in TONE_WORDS)
        return 2 * known >= len(parts)
    return False


_COURTESY = {"please", "pls", "plz", "thanks", "thx", "ty"}


def _describing(words) -> bool:
    for t in words:
        if t.pos_ in ("ADJ", "ADV", "CCONJ", "PART", "PUNCT") or t.lower_ in ("not", "but", "and", "yet", "very", "a", "bit") \
                or t.lower_ in _COURTESY:  # "Fun and bubbly pls."
            continue
        if t.tag_ in ("VBN", "VBG") and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in t.children):
            continue  # "plain-spoken", "easy-going"
        return False
    return any(t.pos_ == "ADJ" for t in words)


def _ruled_out(part) -> bool:
    """"no jargon", "without hype": a thing ruled out, no figure or name in it."""
    words = [t for t in part if not t.is_punct]
    return (len(words) >= 2 and words[0].lower_ in ("no", "without", "never") and len(words) <= 4
            and all(t.pos_ in ("NOUN", "ADJ") or t.lower_ in ("no", "without", "never", "too", "much", "any") for t in words[1:])
            and not any(t.like_num or t.text[:1].isupper() for t in words[1:]))


def _every_clause_directs(sent) -> bool:
    """"Elegant, unhurried; cream and forest green.": every comma or semicolon part is tone or colour."""
    parts, current = [], []
    for t in sent:
        if t.text in (",", ";", ".", "!", ":"):
            if current:
                parts.append(current)
            current = []
        else:
            current.append(t)
    if current:
        parts.append(current)
    if len(parts) < 2:
        return False
    toned = any(t.lower_ in TONE_WORDS or t.lemma_.lower() in TONE_WORDS for part in parts for t in part)
    for part in parts:
        if toned and _ruled_out(part):
            continue  # "Confident, no jargon.": with a tone beside it, what the video avoids is a direction too
        words = [t for t in part if t.is_alpha and t.pos_ not in ("CCONJ", "DET")
                 and t.lower_ not in ("and", "or", "but", "not", "with", "very", "a", "bit")]
        if not words:
            continue
        colour_word = lambda t: t.lower_ in NAMED_COLOURS or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in NAMED_COLOURS)  # "forest green"
        if not all(_directive(t) or t.pos_ in ("ADJ", "ADV") or t.tag_ == "VBN" or colour_word(t) for t in words):
            return False
    return True


def is_direction(sent, language: str) -> bool:
    """True when the sentence only directs the production: tone, look, camera, presenter, format."""
    if language == "zh":  # "语气轻松。", "风格：简洁": a short line led by a direction noun
        bare = re.sub(r"[\W\d_]+", "", sent.text)
        if bare.startswith(ZH_DIRECTION_NOUNS) and len(bare) <= 10:
            return True
    if _forbids(sent):
        return True
    if _named_direction(sent):
        return True
    toks = _content_tokens(sent)
    if not toks:  # "12,500", "brightwater.org.uk/donate": a figure or an address is content; "..." is not
        return not re.search(r"\d|\w\.\w", sent.text)
    if describes_only(sent) or _every_clause_directs(sent):
        return True
    if any(t.like_num or t.ent_type_ in ("MONEY", "PERCENT") for t in sent) and not _presenter_sentence(sent):
        return False
    directive = [t for t in toks if _directive(t)]
    share = len(directive) / len(toks)
    root = sent.root
    lemma = root.lemma_.lower()
    if _presenter_sentence(sent):
        return True
    if not sent.doc.has_annotation("DEP"):  # no parser: "Tono cálido." is a direction noun and its word
        return share >= 0.6 or (len(toks) <= 3 and any((t.lower_ in DIRECTION_NOUNS) for t in toks) and not proper_like(toks))
    proper = [t for t in toks if t.pos_ == "PROPN" and not _directive(t) and t.i != sent.start]
    if proper and share < 0.8:
        return False
    # "Use a warm tone", "Keep the pacing smooth", "Make the host confident": a verb of making whose object directs
    objects = [c for c in root.children if c.dep_ in ("dobj", "nsubj", "attr", "oprd", "ccomp", "xcomp")]
    if lemma in ("use", "keep", "make", "give", "add", "set", "aim", "go", "feel", "sound", "look", "stay", "be", "have",
                 "want", "prefer", "avoid", "include", "let", "end", "shoot", "film", "light", "frame", "cut", "edit", "open") \
            and objects and all(_directive(o) or o.lemma_.lower() in ("it", "everything", "this", "all", "video") for o in objects) \
            and share >= 0.5:
        return True
    if lemma == "use" and root.i == sent.start and any(o.dep_ == "dobj" and _directive(o) for o in objects):
        return True  # "Use kinetic text for the module names if it helps": how to show it, whatever it is about
    if lemma in ("emphasize", "emphasise", "ensure", "make") and share >= 0.45 and any(t.lemma_.lower() in ("video", "feel", "look") for t in sent):
        return True
    return share >= 0.75 or (share >= 0.6 and root.pos_ != "VERB")


def _named_direction(sent) -> bool:
    """"Ton chaleureux.", "Musique douce.", "Tone: warm": a short line led by a word naming a direction, in any
    language, whatever the tagger makes of its other words (a name or a number after it makes it content)."""
    words = [t for t in sent if not t.is_punct]
    return 2 <= len(words) <= 4 and words[0].lower_ in DIRECTION_NOUNS and words[0].lower_ not in ("title", "titles", "text", "field", "third") \
        and not any(t.like_num or (t.text[:1].isupper() and t.i != words[0].i) for t in words)


def _forbids(sent) -> bool:
    """"Don't mention prices.", "Do not show the car park.", "Avoid jargon.": the maker told what to leave out."""
    if not sent.doc.has_annotation("DEP"):
        return False
    root = sent.root
    lemma = root.lemma_.lower()
    imperative = not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
    negated = any(c.dep_ == "neg" for c in root.children) or any(t.lower_ == "never" and t.i < root.i for t in sent)
    told = lemma in INSTRUCTION_VERBS or lemma in ("show", "use", "include", "say", "feature", "film", "put", "add", "name")
    return imperative and ((negated and told) or (lemma == "avoid" and root.i == sent.start))


def proper_like(toks) -> bool:
    """A capitalised word after the first: a name, so content."""
    return any(t.text[:1].isupper() and t.lower_ not in DIRECTION_NOUNS for t in toks[1:])  # German capitalises "Ton"


def _presenter_sentence(sent) -> bool:
    """'Presenter: a woman in her fifties', 'The host should be an older man', 'narrated by a young woman'."""
    low = {t.lower_ for t in sent if t.pos_ not in ("VERB", "AUX")}  # "we host a club" is no host
    if not (low & D.PRESENTER_NOUNS or re.search(r"\b(?:narrated|presented|hosted|fronted|voiced) by\b", sent.text, re.I)):
        return False
    subj = [t for t in sent if t.lower_ in D.PRESENTER_NOUNS and t.pos_ not in ("VERB", "AUX")]
    if not sent.doc.has_annotation("DEP"):
        return True
    if not subj and not re.search(r"\b(?:narrated|presented|hosted|fronted|voiced) by\b", sent.text, re.I):
        return False
    if any(t.dep_ in ("nsubj", "ROOT", "dobj", "nsubjpass") for t in subj):
        return True
    return bool(re.search(r"\b(?:narrated|presented|hosted|fronted|voiced) by\b", sent.text, re.I))


def request_parts(sent, language: str, framed: bool = False) -> dict | None:
    """The request for the video itself: its kind, length words, subject, brand, audience.

    "Create a 30-second video introducing Bloom Yoga, a neighbourhood studio with ..." ->
    subject "Bloom Yoga, a neighbourhood studio with ...", brand "Bloom Yoga"."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return _request_unparsed(sent, language)
    video = next((t for t in sent if t.lemma_.lower() in VIDEO_NOUNS["en"] and t.pos_ in ("NOUN", "PROPN")
                  and (t.dep_ in ("dobj", "ROOT", "attr", "nsubj", "appos", "pobj", "dep") or t.head.lemma_.lower() in REQUEST_VERBS)), None)
    if video is None:  # "Promo for Pocket Tutor", "Instagram reel for X": the small model tags the video noun a verb
        first = sent.root
        if (first.lemma_.lower() in VIDEO_NOUNS["en"] or first.lower_ in VIDEO_NOUNS["en"]) and first.i <= sent.start + 3 \
                and any(c.dep_ in ("prep", "dative") and c.lower_ == "for" and (any(g.pos_ == "PROPN" for g in c.children) or c.i == first.i + 1)
                        for c in first.children):
            video = first  # "Invite for our open day at ...": the kind of video, tagged a verb
        verbless = not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in sent)
        if video is None and verbless and first.pos_ == "NOUN" and first.i <= sent.start + 3 \
                and any(c.dep_ == "prep" and c.lower_ == "for" for c in first.children) \
                and (framed or any(t.like_num and D.opens_a_length(sent.doc, t.i, sent.end) for t in sent)):
            video = first  # "Fire drill reminder for night-shift nurses, 30 seconds.": a fragment naming the video and its length
    if video is None:
        return None
    root = sent.root
    requested = root.lemma_.lower() in REQUEST_VERBS or video.dep_ == "ROOT" or video.head.lemma_.lower() in REQUEST_VERBS or video.i <= sent.start + 3
    if not requested:
        return None
    parts: dict = {}
    kind = [t.text for t in doc[video.left_edge.i:video.i + 1] if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.like_num and t.lemma_.lower() not in TONE_WORDS and t.lower_ not in ("second", "minute", "seconds", "minutes")]
    parts["kind"] = " ".join(kind[-3:]).lower()
    subject = None
    audience = None
    presenter = None
    # (spaCy makes Token objects afresh on each access: compare indices, never identity)
    for child in list(video.children) + ([c for c in root.children if c.i > video.i] if root.i != video.i else []):
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() not in ("feel", "look"):  # "video introducing X", "video that explains X"
            obj = next((c for c in child.children if c.dep_ in ("dobj", "ccomp", "attr")), None)
            prep = next((c for c in child.children if c.dep_ == "prep"), None)
            if obj is not None:
                subject = subject or obj
            elif prep is not None and prep.lower_ in ("about", "on", "for"):
                subject = subject or next((c for c in prep.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "prep" or (child.dep_ == "dative" and child.lower_ == "for"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            word = child.lower_
            if word in ("about", "on", "introducing", "announcing", "featuring", "of", "showcasing", "promoting"):
                subject = subject or pobj
            elif word == "for":
                employer = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("at", "of")
                                 and any(g.pos_ == "PROPN" for g in c.children)), None)
                if (pobj.pos_ == "NOUN" and pobj.is_lower and pobj.tag_ == "NNS" and employer is not None) or \
                        (pobj.is_lower or pobj.pos_ != "PROPN") and (pobj.lemma_.lower() in AUDIENCE_NOUNS or pobj.lower_ in AUDIENCE_NOUNS) or pobj.is_lower and pobj.lemma_.lower() in ("family", "hire", "parent", "group", "beginner", "owner", "professional", "team", "newcomer", "teacher", "nurse", "manager",
                                               "board", "investor", "shareholder", "trustee", "committee", "partner"):
                    audience = doc[pobj.left_edge.i:pobj.right_edge.i + 1].text
                    owner = [c for c in pobj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                    if owner and subject is None:  # "for Arden Insurance staff": the company names the audience
                        subject = owner[-1]
                        audience = doc[owner[-1].i + 1:pobj.right_edge.i + 1].text
                    # "for new hires at Keel Freight": the company after the audience
                    at = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("at", "of")), None)
                    if at is not None and subject is None:
                        subject = next((c for c in at.children if c.dep_ == "pobj"), None)
                        audience = doc[pobj.left_edge.i:at.i].text
                elif pobj.lower_ not in PLATFORMS:  # "for TikTok and Instagram" says where it is posted
                    subject = subject or pobj
            elif word == "at" and pobj.pos_ == "PROPN":
                subject = subject or pobj  # "Safety briefing for warehouse staff at Corbel Logistics"
            elif word == "to" and (pobj.lemma_.lower() in AUDIENCE_NOUNS or pobj.lower_ in AUDIENCE_NOUNS):
                audience = doc[pobj.left_edge.i:pobj.right_edge.i + 1].text
            elif word in ("from", "by", "with") and (pobj.lower_ in D.PRESENTER_NOUNS or pobj.pos_ == "PROPN" and pobj.text.isupper() or pobj.ent_type_ == "PERSON" or pobj.lemma_.lower() in ("cto", "ceo", "founder", "reporter", "chef", "doctor", "teacher", "trainer", "manager", "owner")):
                presenter = doc[pobj.left_edge.i:pobj.right_edge.i + 1].text
    if subject is None:  # "video from a CTO introducing a new AI video platform": the verb hangs off the presenter
        verb = next((t for t in sent if t.lower_ in ("introducing", "announcing", "showcasing", "presenting", "launching",
                                                    "explaining", "promoting", "featuring") and t.i > video.i), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None) if verb is not None else None
        subject = obj
    if subject is None:
        # "Make a short video." is a request; "Update today from the App Store" (a verb the small
        # model tags as a noun) is not: without a subject, only a request verb makes it one
        if parts.get("kind") and audience and video.i == root.i:
            parts["audience"] = audience  # "Safety briefing for new lab staff, 1 minute.": what it is and for whom
            return parts
        return parts if parts.get("kind") and root.lemma_.lower() in REQUEST_VERBS else None
    left, right = subject.left_edge.i, subject.right_edge.i
    # the subject phrase stops at a trailing direction ("..., with clean captions")
    span_toks = [t for t in doc[left:right + 1]]
    cut = next((k for k, t in enumerate(span_toks) if t.text == "," and k + 1 < len(span_toks) and span_toks[k + 1].like_num), None)
    if cut is None:  # "our winter market at Fennel Yard, Sunday 8 December": when it is, not what it is
        cut = next((k for k, t in enumerate(span_toks) if t.text == "," and k + 1 < len(span_toks)
                    and span_toks[k + 1].ent_type_ in ("DATE", "TIME")), None)
    if cut is not None:
        span_toks = span_toks[:cut]  # "Corbel Logistics, 45 seconds": the length is no part of the subject
    after = span_toks[-1].i + 1 if span_toks else right + 1
    described = any(t.text == "," for t in span_toks)  # "Copperleaf Teas, loose-leaf blends" (from Darjeeling)
    if span_toks and after + 1 < sent.end and (doc[after].lower_ in ("in", "at") or (described and doc[after].lower_ == "from")) \
            and doc[after + 1].pos_ == "PROPN":
        # "DevHarbor 2025 in Rotterdam": where the subject is, which the parser hung on the video
        end = after + 1
        while end < sent.end and (doc[end].pos_ == "PROPN" or doc[end].text == "-"):
            end += 1
        span_toks = list(doc[span_toks[0].i:end])
        after = end
    if (span_toks and after + 1 < sent.end and doc[after].text == "," and any(t.is_title for t in span_toks)
            and (doc[after + 1].lower_ in ("a", "an", "the") or (doc[after + 1].is_lower and doc[after + 1].pos_ in ("ADJ", "NOUN")))):
        # "for Bramble & Birch, a garden design studio in Oxford", "for Spindle Yarns, hand-dyed wool from ...":
        # what the name is, which the parser hung elsewhere
        end = next((t.i for t in doc[after + 1:sent.end] if t.text in (",", ";", ":", ".", "!", "?") or D.opens_a_length(doc, t.i, sent.end)), sent.end)
        appos = next((t for t in doc[after + 1:end] if t.dep_ == "appos"), None)
        if appos is not None and not any(D.opens_a_length(doc, t.i, sent.end) for t in doc[end:appos.right_edge.i + 1]):
            end = max(end, appos.right_edge.i + 1)  # "..., a terrace with a garden, new kitchen and loft": its list too
        tail = doc[after + 1:end]
        article = doc[after + 1].lower_ in ("a", "an", "the")
        if (any(t.pos_ == "NOUN" for t in tail) and (article or not any(_directive(t) for t in tail))
                and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in tail)):
            span_toks = list(doc[span_toks[0].i:end])
    while span_toks and (span_toks[-1].is_punct or span_toks[-1].dep_ == "cc"):
        span_toks.pop()
    if not span_toks:
        return parts
    s, e = span_toks[0].idx, span_toks[-1].idx + len(span_toks[-1])
    text = doc.text[s:e]
    parts["subject"] = text
    parts["subject_span"] = (s, e)
    pair = appositive(doc[span_toks[0].i:span_toks[-1].i + 1])
    called = next((t for t in doc[left:right + 1] if t.lower_ in ("called", "named")), None)
    if pair is not None:
        name, desc = pair
        parts["description"] = desc
        # "X is a Y"; "X, hand-dyed wool from Z" keeps the brief's comma ("X is hand-dyed wool" reads as a claim)
        parts["statement"] = f"{name} is {desc}." if desc.split()[0].lower() in _DETERMINERS else f"{name}, {desc}."
        if any(t.is_title and not t.is_stop for t in doc[left:right + 1] if name.startswith(t.text) or t.text in name.split()):
            parts["brand"] = re.split(r"\s+(?:in|at|from)\s+(?=[A-Z])", name)[0]  # "Paws & Claws Vets" (in Norwich)
    elif doc[left].lower_ in ("a", "an", "un", "une", "uno", "una", "ein", "eine"):
        pass  # "a new AI video platform": a kind of thing, whatever capitals it holds, is no name
    elif subject.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in doc[subject.left_edge.i:subject.i + 1]):
        last = subject.i
        for c in subject.children:  # "Olive & Ash": a name joined by "&" is one name
            if c.dep_ == "conj" and c.pos_ == "PROPN" and any(x.text == "&" for x in doc[subject.i:c.i]):
                last = max(last, c.i)
        parts["brand"] = " ".join(t.text for t in doc[subject.left_edge.i:last + 1] if t.pos_ == "PROPN" or t.text == "&") or text
    if called is not None:
        name_toks = []
        for t in doc[called.i + 1:right + 1]:
            if t.pos_ == "PROPN" or t.text in ("&",) or (t.is_title and not t.is_stop) or (name_toks and t.lower_ in ("and", "of", "the") and t.i + 1 <= right and doc[t.i + 1].is_title):
                name_toks.append(t)
            elif t.text in ("'", '"') and not name_toks:
                continue
            elif name_toks:
                break
        if name_toks:
            parts["brand"] = " ".join(t.text for t in name_toks)
            parts["description"] = doc[left:called.i].text.strip(" ,")
            rest = doc[name_toks[-1].i + 1:right + 1].text.strip(" ,'\"")
            parts["statement"] = f"{parts['brand']} is {parts['description']}" + (f", {rest}" if rest else "") + "."
    colon = next((t.i for t in doc[span_toks[-1].i + 1:sent.end] if t.text in (":", "\uff1a")), sent.end)
    tail = [t for t in doc[span_toks[-1].i + 1:colon] if not t.is_punct]  # what follows a colon is content, read apart
    when = [t for t in tail if (t.like_num or t.ent_type_ in ("DATE", "TIME")) and not D.opens_a_length(doc, t.i, sent.end)]
    if not parts.get("statement") and when and not any(D.opens_a_length(doc, t.i, sent.end) for t in tail):
        # "Invite for our open studio day at Kiln & Clay, Saturday 5 October, 11am-4pm": the subject with its when
        end = tail[-1].idx + len(tail[-1])
        parts["statement"] = as_sentence(doc.text[s:end])
        if not parts.get("brand"):
            owner = [t for t in doc[span_toks[0].i:span_toks[-1].i + 1] if t.pos_ == "PROPN" or (t.text == "&" and t.i > span_toks[0].i)]
            if owner and owner[0].pos_ == "PROPN":
                parts["brand"] = " ".join(t.text for t in owner)  # "at Kiln & Clay pottery": whose day it is
    parts["lists"] = []
    if audience:
        parts["audience"] = audience
    if presenter:
        parts["presenter"] = presenter
    return parts


def _request_unparsed(sent, language: str) -> dict | None:
    text = sent.text
    if sent.start != 0 or not any(v in text.lower() for v in VIDEO_NOUNS.get(language, set())):
        return None
    return {"kind": "video"}


def as_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    if not text:
        return ""
    if text[0].islower() and not re.match(r"[a-z0-9-]+\.[a-z]", text):  # "panhandle.shop" stays as written
        text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", "?", "。", "！", "？", "…")):
        text += "."
    return text


def _address(text: str) -> str:
    """'their', 'them' of an instruction's addressee are the viewer: 'your', 'you'."""
    return re.sub(r"\b(their|them|they|theirs|themselves)\b", lambda m: _ADDRESS[m.group(1).lower()], text)


def speakable(sent, language: str) -> str:
    """The sentence as narration: an instruction's complement, a fragment made a sentence."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return as_sentence(re.sub(r"^\s*(?:\d+[.)]\s*)", "", sent.text))
    toks = [t for t in sent]
    k = 0
    while k < len(toks) and (toks[k].lower_ in _LEADERS or toks[k].is_punct):
        k += 1
    if k >= len(toks):
        return ""
    verb = toks[k]
    lemma = verb.lemma_.lower()
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    opening = verb.i == sent.start and verb.dep_ not in ("amod", "compound")  # "Open house Saturday" is a noun phrase
    imperative = ((verb.tag_ == "VB" or opening or verb.pos_ in ("VERB", "PROPN", "NOUN")) and not has_subject
                  and verb.tag_ not in ("VBZ", "VBD", "VBN", "VBG"))  # "Covers accounts and receipts" describes, not instructs
    if lemma in INSTRUCTION_VERBS and imperative and verb.lower_ not in ("welcome",):
        rest = _complement(sent, verb)
        if rest is not None:
            return rest
    if video_instructed(sent):  # "This video should explain that a system costs £6,500": what it explains is said
        rest = _complement(sent, sent.root)
        if rest is not None:
            return rest
    # "Busly, a live bus tracker" -> "Busly is a live bus tracker."
    pair = appositive(sent)
    if pair is not None:
        return as_sentence(f"{pair[0]} is {pair[1]}")
    return as_sentence(sent.text)


_DETERMINERS = ("a", "an", "the", "our", "your", "my", "their", "his", "her")


def video_instructed(sent) -> bool:
    """"This video should explain that ...", "The video must mention ...": the video told what to say; the
    sentence's content is its complement, not a direction about the video."""
    if not sent.doc.has_annotation("DEP"):
        return False
    root = sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (root.lemma_.lower() in INSTRUCTION_VERBS and subject is not None
            and (subject.lemma_.lower() in VIDEO_NOUNS["en"] or subject.lower_ == "it")
            and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children))


def appositive(span) -> tuple[str, str] | None:
    """(name, description) of a verbless "X, a Y" or "our Y, X" phrase.

    Read from the comma and the determiners, not the dependency labels: the small English
    model often parses such fragments wrongly ("Busly" as an adverb)."""
    toks = [t for t in span if not (t.is_punct and t.text in ".!?")]
    if any(t.text == ":" for t in toks):
        return None  # "Tools: a, b, c" is a list, not "X, a Y"
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(toks):
        return None
    left, right = toks[:comma], toks[comma + 1:]
    if not right or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in left + right):
        return None
    text = lambda ts: span.doc[ts[0].i:ts[-1].i + 1].text.strip(" ,") if ts else ""
    if right[0].lower_ in _DETERMINERS and left[0].lower_ not in _DETERMINERS and left[0].is_title:
        return text(left), text(right)
    if (left[0].is_title and all(t.is_title or t.text in ("&", "-", "'s") or t.like_num for t in left)
            and right[0].is_lower and right[0].pos_ in ("ADJ", "NOUN", "VERB") and any(t.pos_ == "NOUN" for t in right)
            and not any(t.like_num or _directive(t) for t in right)):
        return text(left), text(right)  # "Spindle Yarns, hand-dyed wool from the Scottish Borders"
    if left[0].lower_ in _DETERMINERS and right[0].is_title and not right[0].is_stop:
        name = []
        for t in right:
            if t.is_title or t.text in ("&", "'s", "-") or t.like_num:
                name.append(t)
            else:
                break
        rest = right[len(name):]
        if name:
            return text(name), text(left) + (" " + text(rest) if rest else "")
    return None


_ASKING = {"ask", "tell", "invite", "encourage", "urge", "remind", "get"}


def asked_action(sent) -> str | None:
    """"Make a heartfelt video asking people to volunteer at x.org": what the video asks its viewers to do, said to
    them ("Volunteer at x.org."); None when the sentence asks nothing of them."""
    if not sent.doc.has_annotation("DEP"):
        return None
    for t in sent:
        if t.lemma_.lower() in _ASKING and t.tag_ == "VBG" and t.dep_ in ("acl", "advcl", "xcomp", "relcl", "ccomp"):
            said = _complement(sent, t)
            if said:
                return said
    return None


def _complement(sent, verb) -> str | None:
    """What an instruction asks to be said: its clause, its object, or its 'to' infinitive."""
    doc = sent.doc
    children = list(verb.children)
    clause = next((c for c in children if c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > verb.i), None)
    dative = [c for c in children if c.dep_ in ("dative", "dobj", "nsubj") and (c.lower_ in AUDIENCE_NOUNS or c.lemma_.lower() in AUDIENCE_NOUNS)]
    start = verb.i + 1
    # skip the particle and the addressee: "point out", "tell viewers", "remind them"
    while start < sent.end and (doc[start].dep_ in ("prt", "dative") or doc[start] in dative or doc[start].lower_ in ("about", "out", "up", "with", "on", "that") and doc[start].i == start and start == verb.i + 1):
        start += 1
        if start < sent.end and doc[start].lower_ in ("that", "about", "out") and start == verb.i + 2:
            start += 1
    if dative:
        start = max(start, max(d.right_edge.i for d in dative) + 1)
        while start < sent.end and doc[start].lower_ in ("that",):
            start += 1
    if start >= sent.end:
        return None
    first = doc[start]
    tail = doc[start:sent.end].text
    if first.lower_ == "to" and (clause is not None and clause.dep_ == "xcomp" or dative):  # "remind staff to wear badges"
        # ("ask people to RSVP at x": the small model tags "RSVP" a noun, so the addressee decides)
        return as_sentence(_address(doc[start + 1:sent.end].text))
    if first.lower_ == "how" and start + 1 < sent.end:
        nxt = doc[start + 1]
        if nxt.lower_ == "to":  # "explain how to book leave" -> "Here's how to book leave."
            return as_sentence("Here's how " + _address(doc[start + 1:sent.end].text))
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[start + 1:sent.end]):
            return as_sentence(_address(doc[start + 1:sent.end].text))
    if first.lower_ in ("why", "what", "when", "where", "who") and clause is not None:
        return as_sentence(tail)
    if verb.lemma_.lower() in ("open", "start", "begin", "end", "close", "finish", "wrap", "conclude") and first.lower_ in ("with", "on", "by"):
        return as_sentence(_address(doc[start + 1:sent.end].text))
    if verb.lemma_.lower() in ("welcome", "thank", "invite", "encourage", "urge", "ask") and not dative:
        return None
    return as_sentence(_address(tail))
