"""The frame of a video: the words of a brief that say what the video is, not what it says.

"A 10-second video for X:", "Vertical reel, 15s", "Could you make a video about ...?", "The video will be
posted on LinkedIn": a sentence (or the part before its colon) that only frames the video is read for its
length, format and whose video it is, and never said. read.py asks these questions of each sentence.
"""

from __future__ import annotations

import re

from . import directions as D
from .lexicon import AUDIENCE_NOUNS, FOR_WORDS, FROM_WORDS, LANDSCAPE_WORDS, PLATFORMS, PORTRAIT_WORDS, REQUEST_VERBS, TIME_UNITS, VIDEO_NOUNS
from .models import Span
from .speakable import video_instructed

# English words that make a length a ceiling: "under a minute", "no more than 30 seconds", "45s max"
CEILING_BEFORE = re.compile(r"\b(?:under|below|max(?:imum)?|no (?:more|longer) than|up to|at most|within|less than|shorter than)"
                             r"\s*(?:of\s+)?(?:a|an|one)?\s*$")


CEILING_AFTER = re.compile(r"\s*(?:max(?:imum)?|tops|or (?:less|under|shorter)|at most)\b")


def frame_colon(sent, language: str, duration: Span | None, base: int) -> int:
    """Where a colon ends a frame ("portrait video, 20s:", "为「山间茶舍」做一个宣传视频："): the offset of the colon in
    the sentence, or -1. A frame holds the length, or only frame words, or names the video and asks for it."""
    m = re.search(r":(?!\d)", sent.text)  # not the colon of "16:9" or "9:30"
    colon = m.start() if m else -1
    if colon <= 0:
        return -1
    left = sent.text[:colon]
    left_start = base + sent.start_char
    if duration is not None and left_start <= duration.start and duration.end <= left_start + colon:
        return colon
    return colon if is_frame(left, language) or _for_an_audience(sent, colon) else -1


def _for_an_audience(sent, colon: int) -> bool:
    """"Reminder for residents at Millbrook Court:": a verbless heading saying for whom, whatever the kind of message."""
    before = [t for t in sent if t.idx - sent.start_char < colon]
    if not before or not sent.doc.has_annotation("DEP") or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in before):
        return False
    return any(t.lower_ == "for" and any(c.dep_ == "pobj" and c.is_lower and (c.lemma_.lower() in AUDIENCE_NOUNS or c.lower_ in AUDIENCE_NOUNS)
                                          for c in t.children) for t in before)


def is_frame(text: str, language: str) -> bool:
    """Text that says what the video is, not what it says: frame words only, or a video noun with a request
    ("A video for Forno Rosso", "为「山间茶舍」做一个宣传视频")."""
    if frame_text(text, language):
        return True
    nouns = VIDEO_NOUNS["en"] | VIDEO_NOUNS.get(language, set())
    if language == "zh":
        return any(n in text for n in nouns)
    words = [w.lower() for w in re.findall(r"[\w'-]+", text)]
    # "A video for X", "A short hello from X": a video noun and whose (or what) it is
    return any(w in nouns or w in PLATFORMS for w in words) and any(w in REQUEST_VERBS or w in FOR_WORDS or w in FROM_WORDS for w in words)


def frame_text(text: str, language: str) -> bool:
    """Nothing but frame words: orientation, platform, length, the kind of video ("Vertical reel, 15s", "竖屏，30秒")."""
    rest = D.strip_times(text)
    for w in sorted(FRAME_WORDS | VIDEO_NOUNS["en"] | VIDEO_NOUNS.get(language, set()), key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(w)}(?!\w)", " ", rest, flags=re.I)
    leftover = [x for x in re.findall(r"\w+", rest) if x.lower() not in FRAME_FILLERS]
    return not leftover


THE_VIDEO = {"video", "mp4", "clip", "footage", "voiceover", "voice-over", "captions", "subtitles", "cut", "version", "edit", "script"}


def about_the_video(sent) -> bool:
    """A sentence about the video itself (where it is posted, what it must not claim, which files are needed):
    its subject or object is the video, not the brief's topic."""
    if not sent.doc.has_annotation("DEP") or video_instructed(sent):
        return False
    for t in sent:
        if t.lower_ in THE_VIDEO and t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            if t.dep_ == "dobj" and (t.head.lemma_.lower() not in ("need", "require")
                                     or t.lower_ == "video"):  # "Make a video introducing X" is the request itself
                continue
            # "The video will be posted on LinkedIn" is about the video; "A 10-second video for X: ..." asks for it
            if any(c.lower_ in ("the", "this", "our") for c in t.children) or t.dep_ == "dobj":
                return True
    return False


def frame_rest(left: str, language: str) -> str:
    """What a frame before a colon says besides the frame: "30-second recap of our stand at AgriTech Expo" ->
    "Our stand at AgriTech Expo" ("" when nothing with a name is left)."""
    rest = D.strip_times(left)
    nouns = VIDEO_NOUNS["en"] | VIDEO_NOUNS.get(language, set())
    words = [w for w in re.findall(r"[\w&'’.-]+", rest)]
    while words and (words[0].lower() in nouns | REQUEST_VERBS | FRAME_FILLERS | FOR_WORDS | TOPIC_LEADS | {"-", "of", "a", "an", "the"}
                     or words[0].lower() in FRAME_WORDS):
        words.pop(0)
    asks = bool(words) and words[0].lower() in ("how", "why", "what", "when", "where")  # "explaining how to recycle batteries"
    if len(words) < 2 or not (asks or any(w[:1].isupper() for w in words)):
        return ""
    out = " ".join(words)
    return out[:1].upper() + out[1:]


TOPIC_LEADS = {"explaining", "showing", "covering", "teaching", "about", "on", "introducing", "presenting"}


FRAME_WORDS = ({w for words in (*PORTRAIT_WORDS.values(), *LANDSCAPE_WORDS.values()) for w in words}
                | {u for units in TIME_UNITS.values() for u in units} | PLATFORMS)


FRAME_FILLERS = {"a", "an", "the", "in", "for", "of", "on", "un", "una", "une", "ein", "eine", "en", "de", "in", "im", "format",
                  "formato", "video", "vídeo", "vidéo", "long", "max", "about", "around", "under", "only", "just", "and"}


def only_frame(sent) -> bool:
    """A sentence that only gives the length or format ("45 seconds.", "Vertical, 30 s.", "竖屏，30秒。")."""
    if frame_text(sent.text, sent.doc.lang_):
        return True
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    frame = {"second", "seconds", "minute", "minutes", "sec", "secs", "vertical", "horizontal", "portrait", "landscape",
             "long", "video", "format", "length", "max", "maximum", "total", "under", "about", "around", "keep",
             "attached", "enclosed", "based", "flyer", "sheet", "deck", "document", "pdf", "brochure", "file", "slides"}
    return all(t.lower_ in frame or t.lemma_.lower() in frame or t.lower_ in VIDEO_NOUNS.get("en", set())
               or t.lower_ in FRAME_WORDS
               or t.lower_ in D.TONE_WORDS or t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.is_lower) for t in words)
    # (a lower-case "name" is the small tagger's guess at a word it does not know: "40 seconds, sombre.")


def request_fragment(sent) -> bool:
    """No finite verb: a label-like line ("Explainer, 45 seconds, for X"), not a sentence to say."""
    if not sent.doc.has_annotation("POS"):
        return False
    nouns = VIDEO_NOUNS["en"] | VIDEO_NOUNS.get(sent.doc.lang_, set())  # "30s promo for ...": "promo" tagged a verb
    return not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") and t.dep_ != "compound"
                   and t.lower_ not in nouns for t in sent)


def asks_the_maker(sent) -> bool:
    """A question or request to whoever makes the video ("Can you do a short how-to ...?", "Could you make
    something like ..."): "you" asked to make, with a video noun or a question mark."""
    if not sent.doc.has_annotation("DEP"):
        return False
    asked = any(t.lemma_.lower() in REQUEST_VERBS and t.pos_ in ("VERB", "AUX")
                and any(c.lower_ == "you" and c.dep_ == "nsubj" for c in t.children) for t in sent)
    nouns = VIDEO_NOUNS["en"]
    return asked and (sent.text.rstrip().endswith("?") or any(t.lemma_.lower() in nouns for t in sent))


def asks_for_video(sent) -> bool:
    """"Could you make something like 45 seconds ...": a sentence asking the maker for the video."""
    return any(t.lemma_.lower() in REQUEST_VERBS and t.pos_ in ("VERB", "AUX") for t in sent) and \
        any(t.lower_ in ("you", "we", "i") and t.dep_ == "nsubj" for t in sent)
