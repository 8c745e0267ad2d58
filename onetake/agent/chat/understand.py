"""understand(): a chat follow-up -> typed edits of the session, read against its storyboard.

The message is parsed with the same machinery as briefs (spaCy, the reading's lexicons and
detectors for lengths, orientation, colours, tone, presenter traits, quotes). Each clause is
read on its own, so "OK, but make it 8 seconds" is a revision and "Looks good, thanks!" is not.
Scene targets ("scene 2", "the ending", "the part about meditation") resolve against the
storyboard the user is looking at. The message itself is never narration.
"""

from __future__ import annotations

import re

from onetake.agent.reading import directions as D
from onetake.agent.reading.facts import find_url
from onetake.agent.reading.language import detect_language
from onetake.agent.reading.lexicon import MUSIC_MOODS, TONE_WORDS
from onetake.agent.reading.nlp import pipeline
from onetake.agent.reading.palette import extract_colours
from onetake.agent.reading.read import normalize
from onetake.agent.reading.speakable import as_sentence
from onetake.agent.storyboard import SceneRole, Storyboard
from onetake.avatar.catalogue import list_presenters
from onetake.visuals.styles import list_styles
from onetake.voice.catalogue import list_voices

from . import vocabulary as V
from .edits import (AddScene, MoveScene, RemoveScene, Replace, ResizeScene, RewriteScene, SceneRef, SetCta, SetDuration, SetMusic,
                    SetOrientation, SetPalette, SetPresenter, SetStyle, SetTitle, SetTone, SetVoice, Understanding)

_QUOTED = re.compile(r'"([^"\n]{1,600})"|(?<![\w])\'([^\'\n]{1,600}?)\'(?![\w])|「([^」]{1,400})」|“([^”]{1,600})”')
_CLAUSE_SPLIT = re.compile(r"\s*(?:;|\bbut\b|\balso\b|\band then\b|\bthen\b|\bplus\b|\n+)\s*|(?<=[.!?])\s+", re.I)
_SCENE_NUMBER = re.compile(r"\b(?:" + "|".join(V.SCENE_NOUNS) + r")\s*(?:#|no\.?\s*|number\s*)?(\d{1,2}|" + "|".join(V.CARDINALS) + r")\b", re.I)
_ORDINAL_SCENE = re.compile(r"\b(" + "|".join(V.ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(?:" + "|".join(V.SCENE_NOUNS) + r")\b", re.I)
_ABOUT = re.compile(r"\b(?:" + "|".join(V.SCENE_NOUNS + V.PART_NOUNS) + r")\s+(?:about|on|with|where|that mentions|mentioning|saying)\s+(.+)$", re.I)


def understand(message: str, storyboard: Storyboard) -> Understanding:
    text = normalize(message)
    language = _language(text, storyboard.language)
    reader = _Clauses(storyboard, language)
    for clause in _clauses(text):
        reader.read(clause)
    if reader.edits:
        return Understanding(intent="revise", edits=reader.edits, unread=reader.unread)
    words = _words(text)
    if words & V.VAGUE:
        return Understanding(intent="unclear", question=V.VAGUE_QUESTION, unread=[text])
    if _only(words, V.APPROVAL | V.THANKS | V.FILLER) and words & V.APPROVAL:
        return Understanding(intent="approve")
    if _only(words, V.THANKS | V.APPROVAL | V.FILLER) and words & V.THANKS:
        return Understanding(intent="thanks")
    return Understanding(intent="unclear", question="", unread=[text])


def _language(text: str, session_language: str) -> str:
    detected = detect_language(text)
    return session_language if len(text.split()) < 8 or detected not in ("en", session_language) else detected


def _clauses(text: str) -> list[str]:
    """Sentences and their coordinated parts, quoted text kept whole."""
    quoted: list[str] = []

    def keep(m: re.Match) -> str:
        quoted.append(m.group(0))
        return f"\x00{len(quoted) - 1}\x00"

    masked = _QUOTED.sub(keep, text)
    parts = [p for p in _CLAUSE_SPLIT.split(masked) if p and p.strip(" ,.!?")]
    return [re.sub(r"\x00(\d+)\x00", lambda m: quoted[int(m.group(1))], p).strip(" ,") for p in parts]


def _words(text: str) -> set[str]:
    lowered = text.lower().replace("’", "'")
    words = set(re.findall(r"[\w']+|👍|👌|🙏", lowered))
    return words | {phrase for phrase in V.PHRASES if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered)}


def _only(words: set[str], allowed: set[str]) -> bool:
    """Every word of the message is one of `allowed` or part of an allowed phrase it contains."""
    phrases = {w for w in words if " " in w}
    covered = allowed | {part for phrase in phrases & allowed for part in phrase.split()}
    return bool(words) and all(w in covered for w in words - phrases)


def _quotes(clause: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None).strip() for m in _QUOTED.finditer(clause)]


class _Clauses:
    def __init__(self, storyboard: Storyboard, language: str):
        self.board, self.language = storyboard, language
        self.nlp = pipeline(language)
        self.edits: list = []
        self.unread: list[str] = []
        self.kinds: set[str] = set()

    def add(self, edit) -> None:
        if edit.kind in ("duration", "orientation", "presenter", "voice", "music", "style", "cta", "palette") and edit.kind in self.kinds:
            self.edits = [e for e in self.edits if e.kind != edit.kind]  # the later of two wins ("8 s... no, 10 s")
        self.edits.append(edit)
        self.kinds.add(edit.kind)

    def read(self, clause: str) -> None:
        before = len(self.edits)
        doc = self.nlp(clause)
        lemmas = [t.lemma_.lower() if t.lemma_ else t.lower_ for t in doc]
        words = {t.lower_ for t in doc} | set(lemmas)
        verb = next((lemmas[i] for i, t in enumerate(doc) if t.pos_ in ("VERB", "AUX") or lemmas[i] in V.ALL_VERBS), "")
        verbs = set(lemmas) & V.ALL_VERBS
        quotes = _quotes(clause)
        # Script edits first: their quoted words may contain lengths, colours or tone words that are not directions.
        if self._script(clause, doc, lemmas, words, verbs, quotes) and self.edits[-1].kind not in ("remove", "move", "resize"):
            # Unquoted, the rest of the clause is the new words, not directions. Quoted, what is outside the quotes
            # may still direct: "Make it 20 seconds, vertical, and end with 'Call us today'".
            outside = _QUOTED.sub(" ", clause) if quotes else ""
            if outside.strip():
                rest = self.nlp(outside)
                rest_lemmas = [t.lemma_.lower() if t.lemma_ else t.lower_ for t in rest]
                self._directions(outside, {t.lower_ for t in rest} | set(rest_lemmas), rest_lemmas, set(rest_lemmas) & V.ALL_VERBS)
            return
        self._directions(_QUOTED.sub(" ", clause), words, lemmas, verbs)
        if len(self.edits) == before and not (words <= (V.APPROVAL | V.THANKS | V.FILLER)):
            if verb or verbs:
                self.unread.append(clause)

    # --- what the script says --------------------------------------------------------------

    def _script(self, clause, doc, lemmas, words, verbs, quotes) -> bool:
        lowered = clause.lower()
        replace = self._replacement(clause, quotes)
        if replace:
            self.add(replace)
            return True
        title = re.search(r"\b(?:title|headline|heading)\b(?:\s+\w+){0,3}?\s+(?:to|as|:)\s+(.+)$", clause, re.I)
        if title and (verbs & (V.CHANGE_VERBS | {"call", "name", "use"}) or quotes):  # "change the title to X", "title it 'X'"
            text = quotes[0] if quotes else title.group(1).strip(" .!?")
            if text:
                self.add(SetTitle(text=text))
                return True
        target = self._target(clause, lemmas)
        # "Don't mention the price", "no need to say the address": a negated adding verb asks to remove.
        negated = any(t.dep_ == "neg" and t.head.lemma_.lower() in V.ADD_VERBS | {"say", "show", "include", "need", "use"} for t in doc)
        if negated and quotes:  # 'Don't say "gentle"': those words go, the rest of the line stays
            for q in quotes:
                self.add(Replace(old=q, new=""))
            return True
        if negated and target is not None:
            self.add(RemoveScene(scene=target, item=self._item(clause, target)))
            return True
        directing = not quotes and bool(words & (V.MUSIC_NOUNS | V.COLOUR_WORDS | {"voice", "voiceover", "narrator", "presenter", "captions"}))
        if verbs & V.ADD_VERBS and not negated and not directing:  # "add some upbeat music" directs; "add a line about X" writes
            text = " ".join(as_sentence(q) for q in quotes) or self._added_words(clause)
            if text:
                self.add(AddScene(text=text, after=self._after(clause)))
                return True
        if words & V.ENDING_NOUNS and (quotes or re.search(r"\b(?:to|with|say|says|saying|:)\s+\S", lowered)) \
                and not verbs & (V.REMOVE_VERBS | V.MOVE_VERBS):
            text = quotes[0] if quotes else re.split(r"\b(?:to|with|say|says|saying)\b\s*|:\s*", clause, maxsplit=1)[-1]
            if text.strip():
                self.add(SetCta(text=as_sentence(text)))
                return True
        if verbs & V.REMOVE_VERBS or re.search(r"\bget rid of\b|\bdon't (?:mention|say|include)\b|\b(?:leave|take|cut|strip)\s+(?:\w+\s+)?out\b", lowered):
            if target is not None:
                self.add(RemoveScene(scene=target, item=self._item(clause, target)))
                return True
            return False
        if verbs & {"swap", "switch", "exchange"}:
            pair = self._two_scenes(lowered)
            if pair is not None:  # "swap the first and second scenes", "switch 2 and 4"
                a, b = pair
                self.add(MoveScene(scene=SceneRef(index=a, narration=self.board.scenes[a].narration), position=b))
                if abs(a - b) > 1:  # the other one goes where the first was
                    self.add(MoveScene(scene=SceneRef(index=b, narration=self.board.scenes[b].narration), position=a))
                return True
        if verbs & V.MOVE_VERBS:
            what = re.split(r"\s+(?:to|before|after|at|into|in front of|and)\s+", clause, maxsplit=1, flags=re.I)[0]
            target = self._target(what, [t.lemma_.lower() for t in self.nlp(what)])
            position = self._destination(clause, target) if target is not None else None
            if position is not None:
                self.add(MoveScene(scene=target, position=position))
                return True
        too = re.search(r"\btoo\s+(\w+)", lowered)
        if too and too.group(1) in V.TOO_LONG:
            words = words | {"shorter"}
        elif too and too.group(1) in V.TOO_SHORT:
            words = words | {"longer"}
        if target is not None and (verbs & V.SHORTEN_VERBS or words & V.SHORTER):
            self.add(ResizeScene(scene=target, factor=0.6))
            return True
        if target is not None and (verbs & V.LENGTHEN_VERBS or words & V.LONGER):
            self.add(ResizeScene(scene=target, factor=1.5))
            return True
        if target is not None and quotes and (verbs & V.CHANGE_VERBS or words & V.SAY_WORDS):
            self.add(RewriteScene(scene=target, text=" ".join(as_sentence(q) for q in quotes)))
            return True
        return False

    def _replacement(self, clause: str, quotes: list[str]) -> Replace | None:
        """"Say X instead of Y", "replace Y with X", "X, not Y", "change 'Y' to 'X'" (quoted or found in the script)."""
        m = re.search(r"^(?:please\s+)?(?:say|use|write|call (?:it|them|us)|put)?\s*(.+?)\s+(?:instead of|rather than|in place of)\s+(.+)$", clause, re.I)
        if m:
            new, old = m.group(1), m.group(2)
        else:
            m = re.search(r"\b(?:replace|swap|substitute)\s+(.+?)\s+(?:with|for|by)\s+(.+)$", clause, re.I) or \
                re.search(r"\bchange\s+(.+?)\s+(?:to|into)\s+(.+)$", clause, re.I)
            if m:
                old, new = m.group(1), m.group(2)
            else:
                m = re.search(r"^(?:say\s+)?(.+?),?\s+not\s+(.+)$", clause, re.I) if len(quotes) == 2 else None
                if not m:
                    return None
                new, old = m.group(1), m.group(2)
        old, new = _unquote(old), _unquote(new)
        if not old or not new:
            return None
        if not self._in_script(old) and not (len(quotes) == 2 and re.search(r"\b(?:instead of|rather than|in place of|replace|swap|substitute)\b", clause, re.I)):
            return None  # "change the ending to ..." names a scene, not words of the script
        return Replace(old=old, new=new)

    def _in_script(self, words: str) -> bool:
        needle = words.lower()
        return any(needle in t.lower() for s in self.board.scenes for t in (s.narration, s.on_screen_text, *s.bullets))

    def _target(self, clause: str, lemmas: list[str]) -> SceneRef | None:
        scenes = self.board.scenes
        lowered = clause.lower()
        index = None
        if m := _SCENE_NUMBER.search(lowered):
            index = _number(m.group(1)) - 1
        elif m := _ORDINAL_SCENE.search(lowered):
            index = _number(m.group(1)) - 1 if m.group(1) not in ("last", "final") else len(scenes) - 1
        elif m := _ABOUT.search(clause):
            index = self._best_match(m.group(1))
        else:
            words = set(re.findall(r"[\w']+", lowered)) | set(lemmas)
            for role_words, pick in ((V.OPENING_NOUNS, lambda: 0), (V.ENDING_NOUNS, lambda: len(scenes) - 1),
                                     (V.QUOTE_NOUNS, lambda: self._role(SceneRole.quote)), (V.STAT_NOUNS, lambda: self._role(SceneRole.stat)),
                                     (V.LIST_NOUNS, lambda: self._role(SceneRole.bullets))):
                if words & role_words:
                    index = pick()
                    break
            else:
                object_words = re.sub(r"^.*?\b(?:" + "|".join(V.ALL_VERBS) + r")\b\s*", "", lowered, count=1)
                index = self._best_match(object_words) if object_words != lowered else None
        if index is None or not 0 <= index < len(scenes):
            return None
        return SceneRef(index=index, narration=scenes[index].narration)

    def _two_scenes(self, lowered: str) -> tuple[int, int] | None:
        """Two scene positions a message names, by digit, number word or ordinal, in the order said."""
        names = {**{str(k): k for k in range(1, 21)}, **V.CARDINALS, **{w: v for w, v in V.ORDINALS.items() if v}}
        said = [names[w] - 1 for w in re.findall(r"[\w]+", lowered) if w in names]
        if "last" in lowered.split() or "final" in lowered.split():
            said.append(len(self.board.scenes) - 1)
        said = [k for k in dict.fromkeys(said) if 0 <= k < len(self.board.scenes)]
        return (said[0], said[1]) if len(said) >= 2 else None

    def _item(self, clause: str, target: SceneRef) -> str:
        """The one list item of the target scene that the clause names by its words, if it names one and not the scene."""
        scene = self.board.scenes[target.index]
        if len(scene.bullets) < 2 or _SCENE_NUMBER.search(clause.lower()):
            return ""
        wanted = _content(self.nlp(clause), surface=True) - _content(self.nlp(" ".join(V.ALL_VERBS)), surface=True)
        hits = [b for b in scene.bullets if wanted & _content(self.nlp(b), surface=True)]
        return hits[0] if len(hits) == 1 else ""

    def _role(self, role: SceneRole) -> int | None:
        return next((i for i, s in enumerate(self.board.scenes) if s.role is role), None)

    def _best_match(self, phrase: str) -> int | None:
        """The scene whose words share most content words (lemmas) with `phrase`."""
        wanted = _content(self.nlp(phrase), surface=True)
        if not wanted:
            return None
        scores = []
        for i, s in enumerate(self.board.scenes):
            have = _content(self.nlp(" ".join((s.narration, s.on_screen_text, *s.bullets, s.visual_query))), surface=True)
            scores.append((len(wanted & have), -i))
        best, neg_index = max(scores)
        return -neg_index if best else None

    def _destination(self, clause: str, target: SceneRef) -> int | None:
        lowered = clause.lower()
        if re.search(r"\b(?:to the )?(?:start|beginning|top|front|first)\b|\bopen with\b", lowered):
            return 0
        if re.search(r"\b(?:to the )?(?:end|bottom|last)\b", lowered) and not re.search(r"\bbefore the end", lowered):
            return -1
        m = re.search(r"\b(before|after)\s+(.+)$", clause, re.I)
        if m:
            other = self._target(m.group(2), [])
            if other is not None and other.index != target.index:
                position = other.index if m.group(1).lower() == "before" else other.index + 1
                return position - (1 if target.index < position else 0)
        m = re.search(r"\bswap\b.*?(\d+)\D+(\d+)", lowered) or re.search(r"\bswitch\b.*?(\d+)\D+(\d+)", lowered)
        if m:
            return int(m.group(2)) - 1
        return None

    def _after(self, clause: str) -> SceneRef | None:
        m = re.search(r"\b(after|before)\s+(.+)$", clause, re.I)
        if m:
            ref = self._target(m.group(2), [])
            if ref is not None and m.group(1).lower() == "before":
                if ref.index == 0:
                    return SceneRef(index=-1, narration="")  # at the very start
                return SceneRef(index=ref.index - 1, narration=self.board.scenes[ref.index - 1].narration)
            return ref
        if re.search(r"\b(?:at|to) the (?:start|beginning)\b|\bfirst\b", clause, re.I):
            return SceneRef(index=-1, narration="")
        return None

    def _added_words(self, clause: str) -> str:
        """"Mention that we're open on Sundays" -> "We're open on Sundays."."""
        m = re.search(r"\b(?:" + "|".join(V.ADD_VERBS) + r")\b\s+(?:a (?:scene|line|part|bit|section|sentence|note)\s+)?(?:that|saying|about|on|:)?\s*(.+)$", clause, re.I)
        if not m:
            return ""
        words = re.sub(r"^(?:after|before)\s+(?:the\s+)?(?:" + "|".join(V.SCENE_NOUNS) + r")\s*\S+\s*", "", m.group(1), flags=re.I)
        words = re.sub(r"^(?:about|on|that|saying|:)\s+", "", words, flags=re.I)  # "after scene 2 about weekend hours"
        words = re.split(r"\s+\b(?:after|before|at the (?:start|beginning|end))\b", words, maxsplit=1, flags=re.I)[0]
        return as_sentence(words) if len(words.split()) >= 2 else ""

    # --- how it looks and sounds -----------------------------------------------------------

    def _directions(self, clause: str, words: set[str], lemmas: list[str], verbs: set[str]) -> None:
        lowered = clause.lower()
        for m in D._TIME_RE.finditer(clause):
            seconds = D._seconds(m, self.language)
            if m.group(3) and (m.group(0) in D._ASPECT_RATIOS or re.match(r"\s*(?:am|pm|a\.m|p\.m|h\b)", clause[m.end():], re.I)):
                continue  # "a 9:16 version" is a shape, "9:30am" a clock time: neither is a length
            if seconds:
                self.add(SetDuration(seconds=seconds))
                break
        else:
            factor = 0.5 if words & {"half", "halve", "halved"} else 2.0 if words & {"double", "twice", "doubled"} else None
            if factor and words & (V.WHOLE_VIDEO | {"length", "long", "duration"}) and "resize" not in self.kinds:
                self.add(SetDuration(seconds=round(self.board.target_duration * factor)))  # "half the length", "twice as long"
            elif (words & V.SHORTER or verbs & V.SHORTEN_VERBS) and words & V.WHOLE_VIDEO and "resize" not in self.kinds:
                self.add(SetDuration(seconds=round(self.board.target_duration * 0.7)))
            elif (words & V.LONGER or verbs & V.LENGTHEN_VERBS) and words & V.WHOLE_VIDEO and "resize" not in self.kinds:
                self.add(SetDuration(seconds=round(self.board.target_duration * 1.4)))
        orientation, _ = D.find_orientation(clause, self.language)
        if orientation is not None:
            self.add(SetOrientation(orientation=orientation))
        voice = "voice" in words or "voices" in words or "narrator" in words
        named_voice = next((v for v in list_voices() if re.search(rf"\b{re.escape(v.id.lower())}\b|\b{re.escape(v.name.split(' (')[0].lower())}\b", lowered)), None)
        disliked = bool(words & V.NEGATIONS | {"n't", "not", "never"} & words) and bool(words & V.DISLIKE) or bool(words & {"dislike", "hate"})
        if voice or named_voice:
            gender, _ = D.presenter_traits(clause)
            gender = gender or ("male" if words & V.DEEPER else "female" if words & V.HIGHER else "")
            accent = next((V.ACCENTS[w] for w in re.findall(r"[\w]+", lowered) if w in V.ACCENTS), "")
            if named_voice or gender or accent or disliked:
                self.add(SetVoice(voice_id=named_voice.id if named_voice else None, gender=gender, accent=accent, other=disliked and not named_voice))
        else:
            named = next((p for p in list_presenters() if re.search(rf"\b{re.escape(p.name.lower())}\b|\b{re.escape(p.id.lower())}\b", lowered)), None)
            gender, age = D.presenter_traits(clause)
            if age == "" and words & V.YOUNGER:
                age = "young"
            if named or ((gender or age) and words & V.PERSON_NOUNS):
                self.add(SetPresenter(presenter_id=named.id if named else None, gender=gender, age=age, description=clause))
            elif disliked and words & {"presenter", "host", "avatar", "face", "person", "speaker"}:
                self.add(SetPresenter(other=True, description=clause))
        if words & V.MUSIC_NOUNS:
            if words & V.NEGATIONS or verbs & V.REMOVE_VERBS:
                self.add(SetMusic(mood="none"))
            elif mood := next((m for w in lemmas for m in _base_forms(w) if m in MUSIC_MOODS), None):
                self.add(SetMusic(mood=mood))
        colours, mode = extract_colours(clause, [(0, len(clause))])
        if mode is None and words & V.COLOUR_WORDS:  # "make the background darker", "a lighter theme"
            mode = "dark" if words & V.DARKER else "light" if words & V.LIGHTER else None
        if colours or (mode and words & V.COLOUR_WORDS):
            self.add(SetPalette(colours=colours, mode=mode))
        style = next((st for st in list_styles() if re.search(rf"\b{re.escape(st.id.lower())}\b(?:\s+(?:style|look|template))|\b{re.escape(st.name.lower())}\b\s+(?:style|look|template)", lowered)), None)
        if style is not None:
            self.add(SetStyle(style_id=style.id))
        # "less corporate, more friendly": what comes after less/not/no is what to move away from, not the tone
        avoided = {m.group(1) for m in re.finditer(r"\b(?:less|not|no|without|too|never)\s+(?:so\s+|as\s+)?(\w+)", lowered)}
        tone = [w for w in dict.fromkeys(lemmas) if w in TONE_WORDS and w not in V.NOT_TONE and w not in avoided]
        if tone and not words & V.MUSIC_NOUNS and (verbs & V.TONE_VERBS or words & V.TONE_MARKERS):
            self.add(SetTone(words=tone))


def _base_forms(word: str) -> tuple[str, ...]:
    """The word, and its positive if it is a comparative spaCy left unlemmatised ("Calmer" read as a name): calm, happy."""
    if word.endswith("ier"):
        return word, word[:-3] + "y"
    if word.endswith("er"):
        return word, word[:-2], word[:-1]
    return (word,)


def _unquote(text: str) -> str:
    text = text.strip().strip(".!?,;")
    m = _QUOTED.fullmatch(text)
    if m:
        return next(g for g in m.groups() if g is not None).strip()
    return re.sub(r"^(?:the (?:word|words|phrase|line)\s+)", "", text, flags=re.I).strip()


def _number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word[:-2].isdigit():
        return int(word[:-2])
    return V.CARDINALS.get(word) or V.ORDINALS.get(word, 0)


def _content(doc, surface: bool = False) -> set[str]:
    """Content words as lemmas; with `surface` their written forms too ("whitening" is a verb's lemma in one phrase, a noun in another)."""
    kept = [t for t in doc if t.is_alpha and not t.is_stop and len(t) > 2 and t.lower_ not in V.PART_NOUNS]
    found = {(t.lemma_ or t.lower_).lower() for t in kept}
    if surface:  # "booking" and "Book": a crude stem joins a noun in -ing to the verb it names
        found |= {t.lower_ for t in kept} | {t.lower_[:-3] for t in kept if t.lower_.endswith("ing") and len(t) > 5}
    return found


__all__ = ["understand", "find_url"]
