"""Directions: how long, which way up, what tone, colours, music, camera and presenter.

Read from parsed sentences (spaCy Span objects). None of this is ever narrated.
"""

from __future__ import annotations

import re

from onetake.brief.models import Orientation

from .lexicon import (CAMERA_WORDS, DIRECTION_NOUNS, LANDSCAPE_WORDS, NOT_ORIENTATION_AFTER, PORTRAIT_WORDS,
                      REQUEST_VERBS, SQUARE_NEIGHBOURS, SQUARE_WORDS, TIME_UNITS, TONE_WORDS, VIDEO_NOUNS)

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
                 "sixty": 60, "ninety": 90, "a": 1, "an": 1, "un": 1, "une": 1, "uno": 1, "una": 1, "um": 1,
                 "uma": 1, "ein": 1, "eine": 1, "einer": 1, "treinta": 30, "trente": 30, "dreißig": 30, "trinta": 30,
                 "trenta": 30, "sesenta": 60, "soixante": 60, "sechzig": 60, "sessenta": 60, "sessanta": 60,
                 "一": 1, "两": 2, "二": 2, "三": 3, "十": 10, "二十": 20, "三十": 30, "四十五": 45, "六十": 60}
# Time expressions: a number (digits or a number word), an optional hyphen, a time unit of any language.
_UNITS = sorted({u for units in TIME_UNITS.values() for u in units}, key=len, reverse=True)
_TIME_RE = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:[.,]\d+)?|half[- ]an?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*-\s*|\s*)(" + "|".join(re.escape(u) for u in _UNITS) + r")(?![A-Za-z])"
    r"|(?<![\d:])(\d{1,2}):([0-5]\d)(?![\d:])", re.I)
_FORMAT_WORD = re.compile(r"(?<!\w)(?:" + "|".join(sorted((re.escape(w) for ws in (*PORTRAIT_WORDS.values(), *LANDSCAPE_WORDS.values())
                                                            for w in ws if not w[0].isdigit()), key=len, reverse=True)) + r")(?!\w)", re.I)
_ASPECT_RATIOS = {"9:16", "16:9", "4:5", "5:4", "1:1", "4:3", "3:4", "21:9", "2:3", "3:2"}
_LENGTH_WORDS = {"like", "long", "length", "duration", "runtime", "under", "max", "maximum", "about", "around", "roughly",
                 "approximately", "exactly", "total", "most", "keep", "within", "no", "than", "limit", "cap",
                 "durée", "duración", "dauer", "länge", "duração", "durata", "时长", "长", "以内", "左右", "de", "di"}
_NOT_LENGTH_WORDS = {"each", "per", "every", "first", "last", "scene", "scenes", "intro", "outro", "segment",
                     "section", "shot", "hold", "pause", "ago", "later", "after", "before", "within", "wait", "free",
                     "cada", "chaque", "jede", "jeden", "ogni", "每"}


def strip_times(text: str) -> str:
    """The text without its time expressions ("30 seconds", "15s", "30秒", "0:45")."""
    return _TIME_RE.sub(" ", text)


def opens_a_length(doc, i: int, stop: int) -> bool:
    """Token i begins a length ("30 seconds", "45s"): where a subject's description ends. A number that says
    what the subject is ("a 3-bedroom terrace") does not end it."""
    if not doc[i].like_num:
        return False
    words = doc[i:min(stop, i + 3)].text
    return strip_times(words) != words


def _seconds(match: re.Match, language: str) -> float | None:
    if match.group(3):  # m:ss
        return int(match.group(3)) * 60 + int(match.group(4))
    raw, unit = match.group(1).lower(), match.group(2).lower()
    if raw.startswith("half"):
        number = 0.5
    elif raw in _NUMBER_WORDS:
        number = float(_NUMBER_WORDS[raw])
    else:
        number = float(raw.replace(",", "."))
    scale = next((units[unit] for units in [TIME_UNITS.get(language, {}), *TIME_UNITS.values()] if unit in units), None)
    if scale is None or (unit == "s" and not raw[0].isdigit()):
        return None
    return number * scale


def find_duration(sentences, language: str, first_sentence_end: int) -> tuple[float | None, tuple[int, int] | None]:
    """The video's requested length in seconds and its span, or (None, None).

    `sentences`: (spaCy sentence, offset of its doc in the source, inside a requested scene) triples.

    A time expression is the video's length when the parse attaches it to a noun naming the
    video ("a 45-second explainer", "Explainer, 45 seconds,"), when it stands alone or after a
    length word ("under a minute", "60 seconds long"); not when it measures something else
    ("a 30-minute consultation", "riders wait 20 minutes")."""
    best: tuple[float, int, float, tuple[int, int]] | None = None
    video_nouns = VIDEO_NOUNS.get(language, set()) | VIDEO_NOUNS["en"]
    for sent, base, in_scene in sentences:
        text = sent.text
        for m in _TIME_RE.finditer(text):
            seconds = _seconds(m, language)
            if not seconds or seconds > 3600:
                continue
            if m.group(3) and re.match(r"\s*(?:am|pm|a\.m|p\.m|h\b|uhr)", text[m.end():], re.I):
                continue  # a clock time
            if m.group(3) and m.group(0) in _ASPECT_RATIOS:
                continue  # "9:16 for Instagram": a frame shape
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            score = _attachment_score(sent, start, end, video_nouns, language)
            start, end = start + base, end + base
            if start < first_sentence_end:
                score += 1
            if in_scene:
                score -= 2
            before, after = text[:m.start()].rstrip(), text[m.end():].strip()
            previous_word = re.findall(r"[\w-]+", before)[-1:] if before else []
            if _FORMAT_WORD.search(text):
                score += 3  # "Vertical, 30 seconds", "portrait video, 20s", "竖屏，30秒": a length among format words
            next_word = re.match(r"\s*-?\s*([\w-]+)", text[m.end():])
            if next_word and next_word.group(1).lower() in video_nouns:
                score += 3  # "30s promo for ...": the parse may miss it, the words do not
            if previous_word and previous_word[0].lower() in video_nouns and before.endswith((",", "(", "-")):
                score += 3  # "Vertical reel, 15s, for ...": the length right after the kind of video
            if (not before or before.endswith((",", ".", "!", "?"))) and (re.fullmatch(r"[.:;!)]*", after) or after.startswith(":")) \
                    and not in_scene:
                score += 3  # "Release notes for Tasklight 2.1, 40 seconds:": a length closing the line or its frame
            if not before and re.fullmatch(r"(?:,\s*[\w-]+(?:\s+[\w-]+)?){1,3}\s*[.!]?", after):
                score += 2  # "45 seconds, punchy.": a length with a word or two of manner
            if before.endswith(",") and after.startswith(",") and not in_scene:
                score += 3  # "How to brew pour-over coffee in 4 steps, 45 seconds, for Ridgeline": set off by commas
            if re.search(r"\(\s*$", text[:m.start()]) and re.match(r"\s*\)", text[m.end():]):
                score += 3  # "What's new this month (45 s)": a length in brackets
            if score <= 0:
                continue
            key = (score, -start)
            if best is None or key > best[:2]:
                best = (score, -start, seconds, (start, end))
    if best is None:
        return None, None
    return best[2], best[3]


def _attachment_score(sent, start: int, end: int, video_nouns: set[str], language: str) -> float:
    doc = sent.doc
    tokens = [t for t in sent if t.idx < end and t.idx + len(t) > start]
    window = [t.lower_ for t in doc[max(sent.start, tokens[0].i - 3):tokens[0].i]] if tokens else []
    after = [t.lower_ for t in doc[tokens[-1].i + 1:min(sent.end, tokens[-1].i + 4)]] if tokens else []
    score = 0.0
    if set(window) & _LENGTH_WORDS or (after[:1] and after[0] in ("long", "max", "maximum", "tops", "以内", "左右")):
        score += 2
    if set(window[-2:]) & _NOT_LENGTH_WORDS:
        score -= 3
    if language == "zh":  # no parse: the characters around it
        near = sent.text[max(0, start - sent.start_char - 6):end - sent.start_char + 6]
        return score + (3 if any(v in near for v in video_nouns) else 0)
    if not doc.has_annotation("DEP"):
        near = {t.lower_ for t in doc[max(sent.start, tokens[0].i - 4):min(sent.end, tokens[-1].i + 5)]} if tokens else set()
        return score + (3 if near & video_nouns else 0) + (1 if len([t for t in sent if t.is_alpha]) <= 4 else 0)
    unit = tokens[-1]
    head = unit
    for _ in range(4):  # climb compounds and modifiers to the noun the expression describes
        if head.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod", "punct", "quantmod") and head.head.i != head.i:
            head = head.head
        else:
            break
    if head.i == unit.i and unit.dep_ in ("pobj",) and unit.head.head.lemma_.lower() in video_nouns:
        head = unit.head.head  # "a video of 30 seconds"
    lemma = head.lemma_.lower()
    if head.i != unit.i and lemma in video_nouns:
        return score + 3
    if head.i != unit.i and head.pos_ in ("NOUN", "PROPN") and lemma not in video_nouns:
        return score - 3  # "a 30-minute free consultation"
    if unit.dep_ in ("ROOT", "appos", "npadvmod", "conj") and (unit.dep_ != "npadvmod" or unit.head.dep_ == "ROOT"):
        root = sent.root
        if root.pos_ != "VERB" or root.lemma_.lower() in REQUEST_VERBS | {"keep", "make", "limit", "cap", "run", "last"}:
            return score + 2  # "Explainer, 45 seconds, for ...", "45 seconds."
        return score - 2  # "riders wait 20 minutes"
    if unit.dep_ == "pobj" and unit.head.lemma_.lower() in ("in", "under", "within", "for") and unit.head.head.lemma_.lower() in REQUEST_VERBS | {"keep", "explain", "show", "tell", "introduce"}:
        return score + 1
    return score - 1


def find_square(text: str) -> list[tuple[int, int]]:
    """Spans asking for a square frame: "square format", "1:1 video", "aspect ratio 1:1", "1 minute, square,".
    A word alone is not enough: "a 1:1 session", "the town square", "5,000 square feet" say nothing of the frame."""
    spans = []
    for m in re.finditer(r"(?<![\d:])1\s*[:x×]\s*1(?![\d:])|[\w\u4e00-\u9fff]+", text):
        word = m.group(0).lower()
        if not (word in SQUARE_WORDS or word[:1] == "1"):
            continue
        before = text[max(0, m.start() - 20):m.start()].lower()
        after = text[m.end():m.end() + 16].lower()
        next_word = re.match(r"[\s-]*([\w\u4e00-\u9fff]+)", after)
        named = bool(next_word and next_word.group(1) in SQUARE_NEIGHBOURS)  # "square format", "1:1 video"
        previous = re.search(r"([\w\u4e00-\u9fff]+)[\s-]*$", before)
        named_before = bool(previous and previous.group(1) in SQUARE_NEIGHBOURS)  # "vídeo cuadrado", "format carré"
        alone = re.match(r"\s*(?:[,;.)]|$)", after) and re.search(r"(?:[,;(]|\bin|\bas a|\bratio|\bformat:?|\b(?:make|keep|made) it)\s*$", before)
        if named or named_before or alone:
            spans.append((m.start(), m.end() + (next_word.end() if named else 0)))
    return spans


def find_orientation(text: str, language: str) -> tuple[Orientation | None, list[tuple[int, int]]]:
    """Portrait or landscape when the brief names one (9:16, vertical, 竖屏, Hochformat, TikTok)."""
    votes: dict[Orientation, list[tuple[int, int]]] = {Orientation.portrait: [], Orientation.landscape: []}
    lowered = text.lower()
    for orientation, table in ((Orientation.portrait, PORTRAIT_WORDS), (Orientation.landscape, LANDSCAPE_WORDS)):
        words = table.get(language, set()) | table["en"]
        for word in words:
            pattern = re.escape(word) if not word.isascii() or ":" in word else rf"(?<![\w-]){re.escape(word)}(?![\w-])"
            for m in re.finditer(pattern, lowered):
                following = lowered[m.end():m.end() + 14].split()
                if following and following[0].strip(".,;") in NOT_ORIENTATION_AFTER:
                    continue
                if word in ("reel", "reels", "stories", "story") and not re.search(r"(?:instagram|ig|facebook|fb|insta|for|as|a)\W*$", lowered[max(0, m.start() - 14):m.start()]):
                    continue
                if word == "youtube" and lowered[m.end():m.end() + 7].strip().startswith("short"):
                    continue
                votes[orientation].append((m.start(), m.end()))
    portrait, landscape = votes[Orientation.portrait], votes[Orientation.landscape]
    if not portrait and not landscape:
        return None, []
    if len(portrait) != len(landscape):
        winner = Orientation.portrait if len(portrait) > len(landscape) else Orientation.landscape
    else:
        winner = Orientation.portrait if min(portrait)[0] < min(landscape)[0] else Orientation.landscape
    return winner, votes[winner]


_FEMALE = {"woman", "women", "female", "lady", "she", "her", "girl", "mother", "mum", "mom", "grandmother", "actress",
           "hostess", "mujer", "presentadora", "femme", "présentatrice", "frau", "sprecherin", "moderatorin",
           "mulher", "apresentadora", "donna", "presentatrice", "女", "女性", "女士"}
_MALE = {"man", "men", "male", "guy", "gentleman", "he", "his", "him", "boy", "father", "dad", "grandfather", "actor",
         "hombre", "presentador", "homme", "présentateur", "mann", "sprecher", "moderator", "homem", "apresentador",
         "uomo", "presentatore", "男", "男性", "先生"}
_SENIOR = {"older", "old", "senior", "elderly", "grey-haired", "gray-haired", "silver-haired", "retired", "fifties",
           "sixties", "seventies", "50s", "60s", "70s", "grandmother", "grandfather", "mature", "middle-aged"}
_YOUNG = {"young", "youthful", "student", "teen", "teenage", "twenties", "20s", "college", "gen-z"}
PRESENTER_NOUNS = {"presenter", "host", "narrator", "spokesperson", "spokesman", "spokeswoman", "avatar", "anchor",
                   "speaker", "presentadora", "presentador", "présentateur", "présentatrice", "sprecher",
                   "sprecherin", "moderator", "moderatorin", "apresentador", "apresentadora", "presentatore",
                   "presentatrice", "主持人", "主播"}


def presenter_traits(text: str) -> tuple[str, str]:
    """(gender, age) said by a presenter description."""
    words = {w.lower() for w in re.findall(r"[\w'-]+", text)}
    if any(c in text for c in "女男"):
        words |= {c for c in text if c in "女男"}
    female, male = len(words & _FEMALE), len(words & _MALE)
    gender = "female" if female > male else "male" if male > female else ""
    age = "senior" if words & _SENIOR else "young" if words & _YOUNG else ""
    return gender, age


def is_direction_word(token) -> bool:
    """A word that only directs the production (tone, camera, palette, format)."""
    lemma = token.lemma_.lower() if token.lemma_ else token.lower_
    return (lemma in TONE_WORDS or token.lower_ in TONE_WORDS or lemma in DIRECTION_NOUNS or token.lower_ in DIRECTION_NOUNS
            or lemma in CAMERA_WORDS)
