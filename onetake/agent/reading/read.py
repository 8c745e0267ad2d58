"""read(): Brief (+ attached documents) -> Reading, once.

The brief's layout marks come first (segment.py), then spaCy parses each block's
sentences. A sentence is read as one of: the request for the video itself ("Create a
45-second explainer for ..."), a direction (tone, palette, camera, presenter, format:
never narrated), a visual request ("Show ..."), a call to action, a quote, or content to
say. Content is put in speakable form by speakable.py; what frames the video (never said) is
asked of frame.py, and names (whose video it is) are read by names.py.
"""

from __future__ import annotations

import re
import unicodedata

from onetake.brief.documents import Document, read_documents
from onetake.brief.models import Brief

from . import directions as D
from .facts import EMAIL_RE, PHONE_RE, SCRIPT_CUES, SHOW_LEAD, find_address, find_cta_parts, find_url, find_figures, find_quotes, item_lists_in, visual_request_in
from .frame import (CEILING_AFTER, CEILING_BEFORE, about_the_video, asks_for_video, asks_the_maker, frame_colon, frame_rest,
                    is_frame, only_frame, request_fragment)
from .language import detect_language
from .lexicon import (DIRECTION_LABELS, FIELD_LABELS, FOR_WORDS, FROM_WORDS, IN_WORDS, INSTRUCTION_VERBS, LIST_VERBS, PLATFORMS, REQUEST_VERBS, SCENE_ROLES, SHOW_VERBS,
                      VIDEO_NOUNS, VISUAL_NOUNS, scene_role)
from .meta import META_NOUNS, Description, asks_to_be_asked, describes_the_video
from .models import (CallToAction, Entity, ItemList, Phrase, Presenter, Quote, Reading, RequestedScene, Span,
                     Statement, VisualRequest)
from .nlp import parse, pipeline
from .names import capitalised_run, introduces_a_person, name_spelling, proper_chunks, self_named, url_domain
from .palette import extract_colours
from .segment import Block, segment
from .speakable import as_sentence, asked_action, describes_only, is_direction, request_parts, speakable

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'",
                         "\u2019": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " "})
_STRUCTURE_HEADS = re.compile(r"\b(?:scenes?|structure|outline|storyboard|flow|beats|sections?|shots?|escenas|scènes|szenen|cenas|scene|场景)\b", re.I)
_DOC_STATEMENTS = 80  # sentences read from attached documents (the prompt comes first; the writer picks by priority)


def normalize(text: str) -> str:
    """Straight quotes, plain spaces, Unix newlines; line structure kept."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+", " ", text)
    # Markdown marks are layout, not words: "# Spring Sale", "**Length:** 20 seconds", "__new__"
    text = re.sub(r"(?m)^ *#{1,6} +", "", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r" *\n *", "\n", text).strip()


def read(brief: Brief, documents: list[Document] | None = None) -> Reading:
    if documents is None:
        documents = read_documents(brief.files)
    prompt = normalize(brief.prompt)
    source = prompt + "".join("\n\n" + normalize(d.text) for d in documents)
    language = detect_language(prompt)
    reader = _Reader(source, len(prompt), language, brief)
    reading = reader.run()
    reading.documents = [d.name for d in documents]
    return reading


class _Reader:
    def __init__(self, source: str, prompt_length: int, language: str, brief: Brief):
        self.source, self.prompt_length, self.language, self.brief = source, prompt_length, language, brief
        self.nlp = pipeline(language)
        self.r = Reading(source=source, prompt_length=prompt_length, language=language)
        self.directions: list[Phrase] = []
        self.presenter_text: list[str] = []
        self.presenter_name = ""
        self.brand_votes: dict[str, float] = {}

    # --- helpers -----------------------------------------------------------------------
    def phrase(self, start: int, end: int) -> Phrase:
        return Phrase(text=self.source[start:end], span=Span(start=start, end=end))

    def direction(self, start: int, end: int) -> None:
        self.directions.append(self.phrase(start, end))

    def sentences(self, block: Block):
        doc = parse(self.nlp, block.text)
        return doc, [s for s in doc.sents if s.text.strip()]

    # --- the pass ------------------------------------------------------------------------
    def run(self) -> Reading:
        blocks = _with_heading_lines(segment(self.source, self.prompt_length), self.source)
        first_end = blocks[0].end if blocks else 0
        parsed = []
        doc_sentences = 0
        for block in blocks:
            doc, sents = self.sentences(block)
            parsed.append((block, doc, sents))
        numbered_runs = self._numbered_runs(parsed)
        self._frame(parsed, first_end, numbered_runs["scenes"])
        answered: set[int] = set()
        for idx, (block, doc, sents) in enumerate(parsed):
            if block.document:
                if doc_sentences >= _DOC_STATEMENTS:
                    continue
                before = len(self.r.statements)
                opening = idx == 0 or not parsed[idx - 1][0].document or (idx >= 2 and not parsed[idx - 2][0].document)
                if opening and self._document_title(block, sents):
                    continue  # "AQUAVENT 200 - Product sheet" / "Portable dehumidifier for boats": what the document is about
                if block.label and (block.label in DIRECTION_LABELS or block.label.split()[-1] in DIRECTION_LABELS):
                    self._labelled_direction(block, sents)  # "Style notes: navy and teal, ..."
                elif _heading_line(block, parsed[idx + 1][0] if idx + 1 < len(parsed) else None):
                    pass  # "Pricing" over its paragraph: a heading, not a sentence
                elif block.label in FIELD_LABELS:
                    self._field(FIELD_LABELS[block.label], block, sents, priority=2, kind="document")
                elif block.label:
                    self._labelled(block, sents, priority=2, kind="document")
                else:
                    self._content(block, sents, priority=2, kind="document")
                doc_sentences += len(self.r.statements) - before
                continue
            label = block.label
            if idx in answered:
                continue  # an answer, said with its question
            if label in _QUESTION_LABELS:
                following = parsed[idx + 1][0] if idx + 1 < len(parsed) else None
                if self._question(block, following):
                    answered.add(idx + 1)
                continue
            if label and (label in DIRECTION_LABELS or label.split()[-1] in DIRECTION_LABELS):
                self._labelled_direction(block, sents)
            elif label in FIELD_LABELS and block.number is None:
                self._field(FIELD_LABELS[label], block, sents)
            elif idx in numbered_runs["scenes"] or (label and scene_role(label) and block.number is not None):
                self._scene(block, sents, scene_role(label) if label else "")
            elif label and scene_role(label) and not block.heading:
                self._scene(block, sents, scene_role(label))
            elif idx in numbered_runs["lists"] or block.heading:
                pass  # list items are gathered below
            elif block.label == _HEADING_LINE:
                self._content(block, sents, kind="heading")
            elif _heading_line(block, parsed[idx + 1][0] if idx + 1 < len(parsed) else None):
                pass  # "Pricing", "Who it is for" over a longer block: a heading, not a sentence
            elif label and block.number is None:
                self._labelled(block, sents)
            else:
                self._content(block, sents)
        self._lists(parsed, numbered_runs)
        self._finish()
        return self.r

    def _numbered_runs(self, parsed) -> dict[str, set[int]]:
        """Numbered or bulleted blocks: requested scenes (labelled, or under a 'Scenes:' heading), else list items."""
        scenes, lists = set(), set()
        k = 0
        while k < len(parsed):
            block = parsed[k][0]
            if block.document or (block.number is None and not block.bullet and not block.heading):
                k += 1
                continue
            run = [k]
            while k + 1 < len(parsed) and parsed[k + 1][0].heading == block.heading and (parsed[k + 1][0].number is not None or parsed[k + 1][0].bullet) and not parsed[k + 1][0].document:
                k += 1
                run.append(k)
            blocks = [parsed[i][0] for i in run]
            labelled = sum(1 for b in blocks if b.label and scene_role(b.label)) >= max(1, len(blocks) // 2)
            scene_words = sum(1 for b in blocks if re.match(r"\s*(?:open|start|begin|end|close|finish|cut|show|b-roll|montage|hook|intro|outro|then)\b", b.text, re.I))
            if _STRUCTURE_HEADS.search(block.heading) or labelled or (not block.heading and block.number is not None and scene_words):
                scenes.update(run)
            else:
                lists.update(run)
            k += 1
        return {"scenes": scenes, "lists": lists}

    def _frame(self, parsed, first_end: int, scene_blocks: set[int]) -> None:
        """Duration, orientation, colours: read over the whole prompt (they can sit anywhere).
        A time inside a requested scene's content ("4) details: Tuesday, 11am, 30 minutes") measures that content."""
        pairs = [(s, block.start) for block, doc, sents in parsed if not block.document for s in sents]
        inside = [(s, block.start, bool(k in scene_blocks or (block.label and scene_role(block.label))))
                  for k, (block, doc, sents) in enumerate(parsed) if not block.document for s in sents]
        for block, doc, sents in parsed:  # "portrait video, 20s: Dew Drop serum ...": a length in a label
            if block.label and not block.document and re.search(r"\d", block.label):
                line_start = self.source.rfind("\n", 0, block.start) + 1
                label_start = line_start + self.source[line_start:block.start].lower().find(block.label)
                if label_start >= line_start:
                    inside += [(s, label_start, False) for s in self.nlp(self.source[label_start:label_start + len(block.label)]).sents]
        seconds, span = D.find_duration(inside, self.language, first_end)
        d = self.r.directions
        if seconds is not None:
            d.duration = float(seconds)
            d.duration_span = Span(start=span[0], end=span[1])
            before, after = self.source[max(0, span[0] - 24):span[0]].lower(), self.source[span[1]:span[1] + 12].lower()
            d.duration_limit = bool(CEILING_BEFORE.search(before) or CEILING_AFTER.match(after))
        prompt = self.source[:self.prompt_length]
        d.orientation, orient_spans = D.find_orientation(prompt, self.language)
        for s, e in orient_spans:
            self.direction(s, e)
        square = D.find_square(prompt)
        d.square = bool(square) and d.orientation is None  # "vertical, 1:1 thumbnail": the named orientation wins
        for s, e in square if d.square else []:
            self.direction(s, e)
        sentence_spans = [(base + s.start_char, base + s.end_char) for s, base in pairs]
        d.colours, d.colour_mode = extract_colours(prompt, sentence_spans)

    def _document_title(self, block: Block, sents) -> bool:
        """A document's first two lines, when they name it: "AQUAVENT 200 - Product sheet" names the product (the rest
        says what kind of paper this is, never said); a verbless line under it ("Portable dehumidifier for boats and
        caravans") says what the product is. True when the block was read here."""
        kind_of_paper = re.fullmatch(r"(?:the\s+)?(?:(?:product|fact|spec|data|one[- ]page|info|information|price)\s*)?"
                                     r"(?:sheet|flyer|brochure|leaflet|datasheet|one-pager|overview|factsheet)s?\.?", block.text.strip(), re.I)
        if block.label and kind_of_paper:
            name = self._label_text(block)
            self.brand_votes[name] = self.brand_votes.get(name, 0) + 8
            return True
        text = block.text.strip().rstrip(".")
        verbless = sents and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in sents[0])
        if block.label or not verbless or len(text.split()) > 12 or re.search(r"\d", text) or self.r.description:
            return False
        self.r.description = text
        name = next(iter(sorted(self.brand_votes, key=self.brand_votes.get, reverse=True)), "")
        said = f"{name}: {text[:1].lower() + text[1:]}" if name and self.language == "en" else text
        self.r.statements.append(Statement(text=as_sentence(said), span=Span(start=block.start, end=block.end), kind="document", priority=1))
        return True

    def _question(self, block: Block, following: Block | None) -> bool:
        """"Q: Do I need to book? A: No, just turn up.": the question and its answer, said together. True when the
        answer was the next block ("A: ..." on a line of its own)."""
        text = block.text.strip()
        m = re.search(r"(?:^|\s)(?:A|Answer|R|Réponse|Respuesta|Antwort)\s*:\s*", text)
        question, answer, from_next = text, "", False
        if m:
            question, answer = text[:m.start()].strip(), text[m.end():].strip()
        elif following is not None and following.label in _ANSWER_LABELS:
            answer, from_next = following.text.strip(), True
        end = following.end if from_next else block.end
        said = " ".join(p for p in (as_sentence(question), as_sentence(answer) if answer else "") if p)
        self.r.statements.append(Statement(text=said, span=Span(start=block.start, end=end), kind="fact", priority=1))
        return from_next

    def _labelled_direction(self, block: Block, sents) -> None:
        """'Presenter: a woman in her fifties. Smart blazer. 45-second tour of Willow Farm, ...': the label
        directs its first sentence and those that go on describing; a sentence with names or numbers is content."""
        cut = 1
        while cut < len(sents) and _continues_label(sents[cut]):
            cut += 1
        end = block.start + sents[cut - 1].end_char if sents else block.end
        self.direction(block.start, end)
        self._direction_field(block.label, self.source[block.start:end])
        self._content(block, sents[cut:])

    def _direction_field(self, label: str, text: str) -> None:
        """What a labelled direction sets: 'Presenter: ...', 'Music: ...', 'Tone: adventurous but safe'."""
        if any(w in label for w in ("presenter", "host", "narrator", "avatar", "spokesperson", "presentador", "présentat", "sprecher", "apresentador", "presentat", "主持")):
            self.presenter_text.append(text)
        elif any(w in label for w in ("music", "soundtrack", "audio", "música", "musique", "musik", "musica", "音乐")):
            self.r.directions.music = text
        elif any(w in label for w in ("tone", "voice", "mood", "feel", "vibe", "delivery", "tono", "ton", "tom", "语气")):
            words = re.split(r"[,/;]|\s(?:and|but|yet|not|y|et|und|e|pero|mais|aber|ma|mas)\s", text, flags=re.I)
            self.r.directions.tone += [w.strip(" .,;!") for w in words if w.strip(" .,;!")]

    def _field(self, field: str, block: Block, sents, priority: int = 1, kind: str = "fact") -> None:
        text = block.text.strip().rstrip(".")
        if field in ("title", "brand", "audience") and len(sents) > 1:
            # "Brand: Roastwell. Vertical, 25 seconds.": the field is its first sentence; the rest is read as any other
            text = sents[0].text.strip().rstrip(".")
            self._content(block, sents[1:], priority=priority)
        if field == "title":
            self.r.titles.append(self.phrase(block.start, block.start + len(text)))
        elif field == "brand":
            self.brand_votes[text] = self.brand_votes.get(text, 0) + 10
        elif field == "audience":
            self.r.audience = text
        elif field == "offer":
            self.r.offer = text
            self._content(block, sents, priority=priority, kind=kind)
        elif field == "cta":
            if self._cta_from(block, sents[0] if sents else None, forced=True) and self.r.cta and _contact_only(text):
                label = self._label_text(block)  # "Order: voltcart.eu/x2": the label says what to do there
                if not _names_an_address(block.label):  # "Order: x.eu", "24/7 line: 029 ...", not "Link in bio: x.eu"
                    self.r.cta = self.r.cta.model_copy(update={"text": f"{label}: {text}."})
        elif field == "subject":  # "Theme: a boutique jewelry house introducing ...": said without its label
            self._content(block, sents, priority=priority, kind=kind)
        else:  # "Price: EUR 7,900", "When: Saturday 10am": said with its label, which gives the figure its sense
            self._labelled(block, sents, priority=priority, kind=kind)

    def _label_text(self, block: Block) -> str:
        """The label as the brief wrote it ("VoltCart X2"), not lower-cased."""
        line_start = self.source.rfind("\n", 0, block.start) + 1
        raw = self.source[line_start:block.start].strip(" \t:-\u2013\u2014*#")
        raw = re.sub(r"^\s*(?:\d+[.)]|[-*\u2022])\s*", "", raw)
        return raw if raw.lower() == block.label else block.label[:1].upper() + block.label[1:]

    def _labelled(self, block: Block, sents, priority: int = 1, kind: str = "fact") -> None:
        """'Rules: a, b, c' is a list headed by its label; 'Location: 12 High St' a fact said with its label."""
        first = sents[0].text if sents else block.text
        label = self._label_text(block)
        if is_frame(label, self.language) or D.strip_times(label) != label:
            # "portrait video, 20s: Dew Drop serum ...": the label frames the video; the rest is content
            label_start = self.source.rfind(label, 0, block.start)
            if label_start >= 0:
                self.direction(label_start, label_start + len(label))
                for sent in self.nlp(label).sents:
                    self._fragment_subject(sent, label_start)
            self._content(block, sents, priority=priority, kind=kind)
            return
        if _contact_only(block.text.strip().rstrip(".")):
            self._field("cta", block, sents)  # "Support us: brightwater.org.uk/donate"
            return
        parts = [p.strip(" .") for p in re.split(r";|,(?![^()]*\))", first) if p.strip(" .")]
        if len(parts) >= 2 and all(len(p.split()) <= 14 for p in parts) and not re.search(r"\d,\d", block.text):
            items, cursor = [], block.start
            for p in parts:
                k = self.source.find(p, cursor)
                items.append(self.phrase(k, k + len(p)))
                cursor = k + len(p)
            clauses = sum(1 for p in parts if _is_clause(self.nlp, p)) >= (len(parts) + 1) // 2
            self.r.lists.append(ItemList(kind=_head_kind(self.nlp, block.label), head=self._label_text(block), items=items,
                                         clauses=clauses, span=Span(start=block.start, end=block.start + len(first))))
            self.r.figures += find_figures(sents[0], block.start, self.r.directions.duration_span) if sents else []
            self._content(block, sents[1:], priority=priority, kind=kind)
            return
        before = len(self.r.statements)
        self._content(block, sents, priority=priority, kind=kind)
        if block.label.split()[-1] in (VIDEO_NOUNS.get(self.language, set()) | VIDEO_NOUNS["en"]):
            self.r.kind = self.r.kind or block.label  # "Listing video: ...": the kind of video, not words to say
            return
        if any(c.isupper() for c in label[1:]) and len(label.split()) <= 4:
            self.brand_votes[label] = self.brand_votes.get(label, 0) + 2  # "VoltCart X2 - Electric Utility Cart"
        if len(self.r.statements) > before and self.r.statements[before].kind in ("fact", "document"):
            first = self.r.statements[before]
            self.r.statements[before] = first.model_copy(update={"text": f"{label}: {first.text}"})

    def _scene(self, block: Block, sents, role: str) -> None:
        index = len(self.r.structure)
        content = block.text
        self.r.structure.append(RequestedScene(number=block.number, label=block.label, role=role or "body", content=content,
                                               span=Span(start=block.start, end=block.end)))
        before = len(self.r.statements)
        self._content(block, sents, scene=index, role=role)
        heading = self._ordered_heading(block)
        if heading and len(self.r.statements) > before:
            # "3. Show the three blends: Dawn, Ember and Midnight": the order is the maker's, its object heads the list
            first = self.r.statements[before]
            self.r.statements[before] = first.model_copy(update={"text": f"{heading}: {first.text}"})
        if not any(lst.span and block.start <= lst.span.start < block.end for lst in self.r.lists):
            self._series(block, scene_label=block.label)

    def _ordered_heading(self, block: Block) -> str:
        """"The three blends" from the label "show the three blends" (as written); "" when the label gives no order."""
        words = block.label.split()
        if len(words) < 2 or words[0] not in SHOW_VERBS | LIST_VERBS:
            return ""
        rest = self._label_text(block).split(None, 1)[1]
        if words[0] in SHOW_VERBS:
            k = self.source.rfind(rest, 0, block.start)
            if k >= 0:
                nouns = [t.lemma_.lower() for t in self.nlp(rest) if t.pos_ in ("NOUN", "PROPN")]
                self.r.visual_requests.append(VisualRequest(text=rest, nouns=nouns, span=Span(start=k, end=k + len(rest))))
        return rest[:1].upper() + rest[1:]

    def _series(self, block: Block, scene_label: str = "") -> None:
        """"step-by-step explanations, photo upload, progress reports": a scene whose content is a series
        of short noun phrases shows them as a list; its label is never said, so the list has no head."""
        text = block.text.strip().rstrip(".")
        parts = [p.strip() for p in re.split(r";|,(?!\d{3}\b)(?![^()]*\))|\s+and\s+(?=[^,]*$)", text) if p.strip(" .")]
        parts = [re.sub(r"^(?:and|or)\s+", "", p) for p in parts]
        if len(parts) < 3 or any(len(p.split()) > 6 for p in parts) or any(_has_subject(self.nlp, p) for p in parts):
            return  # "fits a cabin locker" is a bullet; "it fits a cabin locker" a sentence
        items, cursor = [], block.start
        for p in parts:
            k = self.source.find(p, cursor)
            if k < 0:
                return
            items.append(self.phrase(k, k + len(p)))
            cursor = k + len(p)
        self.r.lists.append(ItemList(kind=_head_kind(self.nlp, scene_label) if scene_label else "item", head="", items=items,
                                     span=Span(start=block.start, end=block.start + len(text))))

    # --- sentences ---------------------------------------------------------------------
    def _content(self, block: Block, sents, scene: int | None = None, role: str = "", priority: int = 1, kind: str = "fact") -> int:
        """Read each sentence of a block; returns how many became statements."""
        said = 0
        script = self._script(block, scene)
        for sent in sents:
            start = block.start + sent.start_char
            end = block.start + sent.end_char
            if script is not None and start < script.end and end > script.start:
                continue  # the script to be read word for word (and the cue that opens it): said whole, below
            said += self._sentence(sent, start, end, scene, role, priority, kind)
        return said + (script is not None)

    def _script(self, block: Block, scene: int | None) -> Span | None:
        """A quoted script of several sentences that the brief asks to be read as written ("Use this script word for
        word: \"Every year, ... Safety first.\""): one statement, verbatim. Its span, or None."""
        m = re.search(r'["\u201c]([^"\u201d]{20,4000})["\u201d]', block.text)
        if m is None or len(re.findall(r"[.!?](?:\s|$)", m.group(1).strip())) < 2:
            return None
        start = block.start + m.start(1)
        before = self.source[max(0, start - 100):start]
        if not (SCRIPT_CUES.search(before.rstrip(" :\n\"\u201c")) or _SCRIPT_ASKED.search(before)):
            return None
        span = Span(start=start, end=start + len(m.group(1)))
        inner = m.group(1).strip()
        self.r.quotes.append(Quote(text=inner, author="", role="", script=True, span=span))
        self.r.statements.append(Statement(text=inner, span=span, kind="fact", scene=scene, priority=0))
        for sent in self.nlp(inner).sents:  # the script names whose video it is ("Welcome to Cobalt Credit Union.")
            for chunk in proper_chunks(sent) + self_named(sent):
                self.brand_votes[chunk] = self.brand_votes.get(chunk, 0) + 1
        return span

    def _sentence(self, sent, start: int, end: int, scene: int | None, role: str, priority: int, kind: str) -> int:
        r = self.r
        base = start - sent.start_char
        for q in find_quotes(sent, base):
            r.quotes.append(q)
        quote_only = False
        for q in r.quotes:
            if q.span.start >= start and q.span.end <= end:
                inner = sent.text[:q.span.start - base - sent.start_char] + sent.text[q.span.end - base - sent.start_char:]
                if len(re.findall(r"\w+", inner)) <= 12:
                    quote_only = True
        for e in sent.ents:
            kinds = {"PERSON": "person", "PER": "person", "GPE": "place", "LOC": "place", "FAC": "place", "DATE": "date",
                     "TIME": "time", "ORG": "org"}
            if e.label_ in kinds:
                r.entities.append(Entity(text=e.text, kind=kinds[e.label_], span=Span(start=base + e.start_char, end=base + e.end_char)))
        r.figures += find_figures(sent, base, r.directions.duration_span)
        for name in _QUOTED_NAME.findall(sent.text):  # 'our podcast "Small Fires"', 'an app called "Tally"': whose video it is
            self.brand_votes[name] = self.brand_votes.get(name, 0) + 6
        head = re.match(r"\s*([\w' -]{2,30}?)\s*:", sent.text)
        if head and (head.group(1).lower() in DIRECTION_LABELS or head.group(1).lower().split()[-1] in DIRECTION_LABELS):
            self.direction(start, end)  # "Style notes: navy and teal, ...", "Tone: calm." inside a paragraph
            self._direction_field(head.group(1).lower(), sent.text[head.end():].strip())
            return 0
        action = asked_action(sent) if (find_url(sent.text) or PHONE_RE.search(sent.text)) and scene is None else None
        requested = sent.root.lemma_.lower() in REQUEST_VERBS and any(t.lemma_.lower() in VIDEO_NOUNS["en"] for t in sent)
        if action and (requested or asks_for_video(sent) or request_fragment(sent) or is_direction(sent, self.language)):
            # "Please make a short heartfelt video asking people to volunteer at x.org": the request directs,
            # what it asks of the viewer is the call to action
            self.direction(start, end)
            self._video_tone(sent)
            asked = request_parts(sent, self.language) if not r.subject and scene is None else None
            if asked:
                self._request(asked, base)  # whose video it is ("for Pine & Pixel")
                if not asked.get("brand"):
                    self._fragment_subject(sent, base)
            parts = find_cta_parts(sent, self.language, True) or {}
            self.r.cta = CallToAction(text=action, url=parts.get("url", ""), phone=parts.get("phone", ""),
                                      email=parts.get("email", ""), deadline=parts.get("deadline", ""), span=Span(start=start, end=end))
            return 0
        if _topic_question(sent):
            self.direction(start, end)  # "Who the course is for.", "Why it matters.": what to cover, not words to say
            return 0
        described = describes_the_video(sent)
        if described is not None and not (described.say or described.show) and ":" in sent.text:
            described = None  # 'Intro for our podcast "Small Fires": weekly interviews ...': a frame, then what to say
        if described is not None:
            # "a section highlighting interactive exhibits ...": the description directs; what it highlights is said,
            # what it shows is shown
            self.direction(start, end)
            if r.subject is None:
                self._fragment_subject(sent, base)  # "A 20-second intro for Needle & Note, a vinyl club": whose video it is
            if described.show:
                r.visual_requests.append(self._visual(sent, base, described.show))
            if described.say:
                named = re.search(r"\b(?:called|named)\s+['\"\u2018\u201c]?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)", described.say)
                if named:
                    self.brand_votes[named.group(1)] = self.brand_votes.get(named.group(1), 0) + 5
                k = sent.text.find(described.say)
                s0 = base + sent.start_char + max(0, k)
                r.statements.append(Statement(text=as_sentence(described.say), span=Span(start=s0, end=s0 + len(described.say)),
                                              kind=kind, scene=scene, priority=priority))
                r.lists += [lst for lst in item_lists_in(sent, base) if lst.items and lst.items[0].span.start >= s0]
                return 1
            return 0
        if about_the_video(sent):
            self.direction(start, end)  # "The video will be posted on LinkedIn", "We need an MP4 for the course page"
            return 0
        colon = frame_colon(sent, self.language, r.directions.duration_span, base) if scene is None else -1
        if colon > 0:
            # "Un video di 30 secondi per la Trattoria da Nino a Bologna: tagliatelle, ...", "portrait video, 20s: ...":
            # what the video is, then what it says
            name = self._fragment_subject(sent, base, end=sent.start_char + colon)
            if not r.subject and not r.audience:
                # "Reminder for residents at Millbrook Court: ...": the frame alone says whose video, and for whom
                framing = next(iter(self.nlp(sent.text[:colon]).sents), None)
                asked = request_parts(framing, self.language, framed=True) if framing is not None else None
                if asked and (asked.get("subject") or asked.get("audience")):
                    asked.pop("statement", None)
                    self._request(asked, base + sent.start_char)
                    name = name or asked.get("brand") or ""
            self.direction(start, base + sent.start_char + colon)
            lists = item_lists_in(sent, base)
            if self._described_scenes(lists):
                return 0
            head = name or frame_rest(sent.text[:colon], self.language)
            topic = re.search(r"\b(?:about|on)\s+(the\s+|our\s+|a\s+|an\s+)?(.{4,80})$", sent.text[:colon].strip())
            if name and topic and self.language == "en" and not D.strip_times(topic.group(2)) != topic.group(2):
                # "A 1-minute video for Harlow Council about the new bin schedule: ...": whose, and what about
                k = base + sent.start_char + topic.start(2)
                self.r.statements.append(Statement(text=f"{name}: {(topic.group(1) or '').strip() + ' ' if topic.group(1) else ''}{topic.group(2)}.",
                                                   span=Span(start=k, end=k + len(topic.group(2))), kind="subject", priority=0))
            for lst in lists:  # the list is what follows the frame: it is said after whose video it is
                lst.head = head
                lst.span = Span(start=max(lst.span.start, base + sent.start_char + colon + 1), end=lst.span.end) if lst.span else None
            if lists:
                r.lists += lists
                return 0
            rest = sent.text[colon + 1:].strip()
            if rest:
                verbless = not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") and t.idx - sent.start_char > colon
                                   for t in sent)
                if name and verbless and len(rest.split()) <= 10 and name not in rest:
                    # "from Little Oven Kitchen: a 20-minute tomato pasta": whose, then what, said as one line
                    r.statements.append(Statement(text=as_sentence(f"{name}: {rest}"), span=Span(start=start, end=end),
                                                  kind="subject", scene=scene, priority=0))
                    return 1
                r.statements.append(Statement(text=as_sentence(rest), span=Span(start=base + sent.start_char + colon + 1, end=end),
                                              kind=kind, scene=scene, priority=priority))
                return 1
            return 0
        if r.directions.duration_span and start <= r.directions.duration_span.start < end:
            if only_frame(sent):
                self.direction(start, end)
                # "45 seconds, formal.": what else a length's fragment says is how the video should feel
                self.r.directions.tone += [t.lower_ for t in sent if (t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.is_lower))
                                           and t.lower_ not in _LENGTH_WORDS]
                self._fragment_subject(sent, base)  # "Vídeo de 45 segundos para la Clínica Dental Sonrisa en Madrid."
                return 0
            asked = request_parts(sent, self.language) if not r.subject and scene is None else None
            if asked and asked.get("subject"):
                self._request(asked, base)
                if not asked.get("brand"):
                    self._fragment_subject(sent, base)  # "Explainer from Spoke & Chain: fixing a flat tyre"
                self._add_lists(item_lists_in(sent, base))
                return 0
            if (request_fragment(sent) and ":" not in sent.text) or asks_for_video(sent) or asks_the_maker(sent):
                # "Warehouse safety refresher for Dunmore Logistics, 45s.": the request itself, in a fragment
                self.direction(start, end)
                if asked:
                    self._request(asked, base)  # who presents it, for whom
                self._fragment_subject(sent, base)
                return self._topic(sent, base, asked)
        if scene is None and (asks_the_maker(sent) or asks_to_be_asked(sent.text) is not None):
            # "can you do a short how-to for our plant shop Leaf Loft about keeping a fiddle leaf fig alive?"
            self.direction(start, end)
            asked = request_parts(sent, self.language)
            if asked:
                self._request(asked, base)
            self._fragment_subject(sent, base)
            return self._topic(sent, base, asked)
        request = request_parts(sent, self.language) if not r.subject and scene is None and kind in ("fact", "heading") else None
        if request is not None:
            self._request(request, base)
            if request.get("subject") and not request.get("brand"):
                self._fragment_subject(sent, base)
            if not request.get("subject"):  # "Vídeo de 45 segundos para la Clínica Dental Sonrisa en Madrid."
                self.direction(start, end)
                self._fragment_subject(sent, base)
            self._add_lists(item_lists_in(sent, base))
            return 0
        visual = visual_request_in(sent, base)
        listed = visual is not None and ":" in sent.text and any(lst.head for lst in item_lists_in(sent, base))
        if visual is not None:
            r.visual_requests.append(visual)
            if listed:
                pass  # "Show the three blends: Dawn, Ember and Midnight": shown, and its list is said below
            elif visual.span.start <= start + 2 and visual.span.end >= end - 2 or _visual_only(sent, visual):
                named = re.sub(r"^(?:the\s+|our\s+|a\s+)?(?:attached\s+|provided\s+)?(?:photo|image|picture|shot|clip)s?\s+of\s+", "",
                               visual.text, flags=re.I)
                if scene is not None:
                    r.statements.append(Statement(text=_describe(visual.text), span=visual.span, kind="visual", scene=scene, priority=2))
                elif re.search(r"[A-Z]|\d", named[1:]):  # "a photo of Biscuit, a 3-year-old beagle": who is shown is said
                    r.statements.append(Statement(text=_describe(named), span=visual.span, kind="fact", priority=1))
                    return 1
                return 0
        if is_direction(sent, self.language):
            self.direction(start, end)
            if D.PRESENTER_NOUNS & {t.lower_ for t in sent} or re.search(r"\b(?:narrated|presented|hosted|delivered) by\b", sent.text, re.I):
                self.presenter_text.append(sent.text)
            for t in sent:
                if t.lower_ in ("music", "soundtrack", "música", "musique", "musik", "musica"):
                    self.r.directions.music = sent.text
            self.r.directions.tone += [t.lower_ for t in sent if (t.lower_ in D.TONE_WORDS or describes_only(sent)) and t.pos_ in ("ADJ", "PROPN", "NOUN", "VERB", "X", "")]
            words = [t for t in sent if not t.is_punct]
            if words and words[0].lower_ in _TONE_NOUNS:  # "Ton chaleureux.", "Mood: playful": the rest is the tone
                self.r.directions.tone += [t.lower_ for t in words[1:] if t.lower_ not in self.r.directions.tone and t.is_alpha]
            return 0
        if self._cta_from(None, sent, base=base, role=role):
            return 0
        if quote_only:
            q = next(q for q in r.quotes if q.span.start >= start and q.span.end <= end)
            r.statements.append(Statement(text=q.text, span=q.span, kind="quote", scene=scene, priority=0))
            return 1
        if kind == "heading":  # a list's heading line: its items are the content, said with it
            return 0
        found = item_lists_in(sent, base)
        if self._described_scenes(found):
            self.direction(start, end)
            return 0
        for lst in found:  # "Bäckerei Keller: frische Brezeln, ...": a list headed by a name names the brand
            if lst.head and 2 <= len(lst.head.split()) <= 4 and all(w[:1].isupper() or w == "&" for w in lst.head.split()):
                self.brand_votes[lst.head] = self.brand_votes.get(lst.head, 0) + 3
        r.lists += found
        text = self._without_directions(speakable(sent, self.language))
        if not text:
            return 0
        if kind == "document" and re.search(r"\d", text):
            priority = 1  # a document's figures (prices, dates, counts) are its point: said before its prose
        r.statements.append(Statement(text=text, span=Span(start=start, end=end), kind=kind, scene=scene, priority=priority))
        for chunk in proper_chunks(sent):
            self.brand_votes[chunk] = self.brand_votes.get(chunk, 0) + 1
        for name in self_named(sent):
            self.brand_votes[name] = self.brand_votes.get(name, 0) + 5
        return 1

    def _video_tone(self, sent) -> None:
        """"a short heartfelt video", "an upbeat promo": the words describing the video noun are its tone."""
        nouns = VIDEO_NOUNS.get(self.language, set()) | VIDEO_NOUNS["en"]
        for t in sent:
            if t.pos_ == "ADJ" and t.dep_ == "amod" and t.head.lemma_.lower() in nouns and t.lower_ not in _LENGTH_WORDS:
                self.r.directions.tone.append(t.lower_)

    def _without_directions(self, text: str) -> str:
        """A content sentence minus what directs the video: its length ("(45 s)") and a leading
        "Listing video:" that names the kind of video."""
        text = self._without_length(text)
        text = re.sub(r"^\s*(?:theme|topic|subject|concept|premise)\s*:\s*", "", text, flags=re.I)  # a field label
        label = re.match(r"^\s*([\w' -]{2,30}?)\s*:\s*(?=\S)", text)
        if label and label.group(1).lower() in SCENE_ROLES and label.group(1).lower() not in FIELD_LABELS:
            text = text[label.end():]  # "By the numbers: 120 wells built": the label is never said
        text = text[:1].upper() + text[1:]
        nouns = VIDEO_NOUNS.get(self.language, set()) | VIDEO_NOUNS["en"]
        head = re.match(r"^\s*([\w'-]+(?:\s+[\w'-]+){0,3})\s*:\s*(?=\S)", text)
        if head and head.group(1).split()[-1].lower() in nouns:
            self.r.kind = self.r.kind or head.group(1).lower()
            text = text[head.end():]
        text = text.strip(" ,;")
        if not re.search(r"\w", text):
            return ""
        return text[:1].upper() + text[1:]

    def _without_length(self, text: str) -> str:
        """`text` without the video's length ("Quarry Analytics, 45 seconds." -> "Quarry Analytics.")."""
        span = self.r.directions.duration_span
        if span is None:
            return text
        said = self.source[span.start:span.end]
        return re.sub(r"\s*\(\s*" + re.escape(said) + r"\s*\)|,?\s*" + re.escape(said) + r"\b,?", "", text, count=1)

    def _described_scenes(self, lists: list[ItemList]) -> bool:
        """"... with multiple scenes: an opening hook from the host, B-roll of records, ...": the items are scenes
        described, not things to say; each is read for what it shows and highlights. True when that was so."""
        described = [lst for lst in lists if _STRUCTURE_HEADS.search(lst.head)]
        for lst in described:
            for item in lst.items:
                self._described_item(item)
        return bool(described)

    def _add_lists(self, lists: list[ItemList]) -> None:
        if not self._described_scenes(lists):
            self.r.lists += lists

    def _described_item(self, item: Phrase) -> None:
        """One scene of a described structure: what it shows is shown, what it highlights is said."""
        sent = next(iter(self.nlp(item.text).sents), None)
        if sent is None:
            return
        described = describes_the_video(sent) or _named_as_a_shot(item.text)
        if described is None and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in sent):
            described = Description(show=item.text)  # "a turntable spinning": a shot
        if described is None:
            self.r.statements.append(Statement(text=as_sentence(item.text), span=item.span, kind="fact"))
            return
        base = item.span.start
        if described.show:
            self.r.visual_requests.append(self._visual(sent, base, described.show))
        if described.say:
            k = max(0, item.text.find(described.say))
            self.r.statements.append(Statement(text=as_sentence(described.say), kind="fact",
                                               span=Span(start=base + k, end=base + k + len(described.say))))

    def _topic(self, sent, base: int, asked: dict | None) -> int:
        """"... a quick video about caring for cast iron pans?": what a request says the video is about is said
        (unless the request already gave its subject a sentence). Returns the statements added."""
        topic = re.search(r"\b(?:about|on how to|explaining)\s+(.{6,}?)\s*[?.!]*$", sent.text)
        if topic is None or (asked and asked.get("statement")):
            return 0
        k = base + sent.start_char + topic.start(1)
        self.r.statements.append(Statement(text=as_sentence(topic.group(1)), span=Span(start=k, end=k + len(topic.group(1))),
                                           kind="subject", priority=0))
        return 1

    def _visual(self, sent, base: int, text: str) -> VisualRequest:
        """A visual request for `text`, a part of `sent`: its things are its nouns with their compounds."""
        k = max(0, sent.text.find(text))
        lo, hi = sent.start_char + k, sent.start_char + k + len(text)
        nouns = [" ".join([c.lower_ for c in t.children if c.dep_ == "compound" and c.i < t.i] + [t.lemma_.lower()])
                 for t in sent if lo <= t.idx < hi and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"
                 and t.lemma_.lower() not in VISUAL_NOUNS]
        return VisualRequest(text=text, nouns=list(dict.fromkeys(nouns))[:8], span=Span(start=base + lo, end=base + hi))

    def _fragment_subject(self, sent, base: int, end: int | None = None) -> str:
        """The name after "for"/"para"/"pour"/"für" in a request fragment is whose video it is; a place after it
        ("en Madrid", "à Lyon") is said with it. Read from capitals, not tags: the small models tag names poorly.
        Returns the name ("" when there is none)."""
        doc = sent.doc
        if self.language == "zh":  # no capitals: a name in corner brackets, 为「山间茶舍」做一个宣传视频
            m = re.search(r"「([^」]{1,20})」", sent.text[:None if end is None else end - sent.start_char])
            if m is None:
                return ""
            self.brand_votes[m.group(1)] = self.brand_votes.get(m.group(1), 0) + 5
            if self.r.subject is None:
                self.r.subject = self.phrase(base + sent.start_char + m.start(1), base + sent.start_char + m.end(1))
            return m.group(1)
        stop = sent.end if end is None else next((t.i for t in sent if t.idx >= end), sent.end)
        name = capitalised_run(doc, sent.start, stop, after=FOR_WORDS)
        if name is None:
            name = capitalised_run(doc, sent.start, stop, after=FROM_WORDS)
            if name is not None and (name.text.isupper() and len(name.text) <= 4 or name.text.lower() in D.PRESENTER_NOUNS):
                name = None  # "from a CTO", "by our CEO": who presents, not whose video it is
            elif name is not None and ((len(name) <= 2 and all(t.ent_type_ == "PERSON" for t in name)) or introduces_a_person(doc, name.end)):
                # ("Little Oven Kitchen" is tagged a person by the small model: a person's name is one or two words)
                # "a welcome from Grace, our founder": the presenter, by name
                self.presenter_name = self.presenter_name or name.text
                self.presenter_text.append(doc[name.start:min(stop, name.end + 4)].text)
                name = None
        if name is None:
            return ""
        self.brand_votes[name.text] = self.brand_votes.get(name.text, 0) + 5
        if self.r.subject is None:
            self.r.subject = self.phrase(base + name.start_char, base + name.end_char)
        place = None
        if name.end + 1 < stop and doc[name.end].text == "," and doc[name.end + 1].lower_ in _APPOSITIVE_LEADS:
            # "for Needle & Note, a vinyl club": what the name is, said with it
            tail = doc[name.end + 1:stop]
            # cut at the next clause mark, or at the video's length ("for Needle & Note, a vinyl club 30 seconds"),
            # not at a number that says what the name is ("27 Elm Street, a 3-bedroom Victorian terrace")
            cut = next((t.i for t in tail if t.text in (",", ";", ":") or D.opens_a_length(doc, t.i, stop)), stop)
            what = doc[name.end + 1:cut].text.strip(" .")
            if what and not D.strip_times(what).strip() == "":
                self.r.description = self.r.description or what
                self.r.statements.append(Statement(text=f"{name.text}, {what}" + ("\u3002" if self.language == "zh" else "."),
                                                   span=Span(start=base + name.start_char, end=base + doc[cut - 1].idx + len(doc[cut - 1].text)),
                                                   kind="subject", priority=0))
                return name.text
        if name.end < stop and doc[name.end].lower_ in IN_WORDS:
            place = capitalised_run(doc, name.end, stop, after={doc[name.end].lower_})
        kind_end = name.end  # "the Nimbus X2 drone by Skyforge": the product's kind may stand before its maker
        while kind_end < min(stop, name.end + 2) and doc[kind_end].pos_ == "NOUN" and doc[kind_end].is_lower:
            kind_end += 1
        if kind_end + 1 < stop and doc[kind_end].lower_ not in ("by", "from"):
            kind_end = name.end
        if kind_end >= len(doc):  # the name ends the brief ("A 20-second intro for Orbit Gym"): nothing follows it
            return name.text
        joint = doc[kind_end]
        if place is None and kind_end + 1 < stop and joint.lower_ in ("by", "from") and not name[0].like_num:
            place = capitalised_run(doc, kind_end, stop, after={joint.lower_})  # "the Aero Flask by Summit Gear"
        elif name[0].like_num and name.end + 1 < stop and doc[name.end].text == ",":
            place, joint = capitalised_run(doc, name.end, stop, after={","}), doc[name.end]  # "14 Orchard Close, Harrogate"
        if place is not None:
            named = doc[name.start:kind_end].text if joint.lower_ in ("by", "from") else name.text
            said = f"{name.text}, {place.text}" if joint.text == "," else f"{named} {joint.text} {place.text}"
            self.r.statements.append(Statement(text=said + ("\u3002" if self.language == "zh" else "."),
                                               span=Span(start=base + name.start_char, end=base + place.end_char),
                                               kind="subject", priority=0))
        return name.text

    def _request(self, parts: dict, base: int) -> None:
        r = self.r
        r.kind = parts.get("kind", "")
        if parts.get("subject"):
            s, e = parts["subject_span"]
            r.subject = self.phrase(base + s, base + e)
            if parts.get("brand"):
                self.brand_votes[parts["brand"]] = self.brand_votes.get(parts["brand"], 0) + 5
            r.description = parts.get("description", "")
            said = parts.get("statement")
            owned = parts["subject"].split()[0].lower() in ("my", "our") and not parts.get("brand")  # "my yoga studio"
            if not said and not owned and (re.search(r"[\d,]", parts["subject"]) or len(parts["subject"].split()) >= 3):
                # "tour of Willow Farm, a 5-bedroom farmhouse on 12 acres", "a new AI video platform": said as given,
                # with whom it is for when the request says so
                audience = parts.get("audience")
                said = as_sentence(parts["subject"] + (f", for {audience}" if audience and self.language == "en" else ""))
            if said:
                r.statements.append(Statement(text=said, span=r.subject.span, kind="subject", priority=0))
            r.lists += parts.get("lists", [])
        if parts.get("audience"):
            r.audience = D.strip_times(parts["audience"]).strip(" ,;") or parts["audience"]  # "nurses, 30 seconds": not the length
        if parts.get("presenter"):
            self.presenter_text.append(parts["presenter"])
        if parts.get("direction_span"):
            s, e = parts["direction_span"]
            self.direction(base + s, base + e)

    def _cta_from(self, block: Block | None, sent, base: int = 0, role: str = "", forced: bool = False) -> bool:
        if sent is None:
            return False
        if block is not None:
            base = block.start
        parts = find_cta_parts(sent, self.language, forced or role == "cta")
        if parts is None:
            return False
        if block is None and (parts.get("url") or parts.get("phone")):
            pieces = _run_on(sent.text)
            if len(pieces) > 1:  # "Call us on 01632 960 184. 30 seconds, calm.": the parser missed a full stop
                contact = parts.get("url") or parts.get("phone")
                said = False
                offset = 0
                for piece in pieces:
                    k = sent.text.find(piece, offset)
                    offset = k + len(piece)
                    sub = next(iter(self.nlp(piece).sents))
                    shift = base + sent.start_char + k
                    if contact in piece:
                        said = self._cta_from(None, sub, base=shift, role=role, forced=forced) or said
                    else:
                        self._sentence(sub, shift + sub.start_char, shift + sub.end_char, None, role, 1, "fact")
                return said
        text = parts["text"]
        if text == as_sentence(sent.text.strip()):
            # "Ask viewers to donate at x.org", "Remind them to book by Friday": the instruction's complement, to the viewer
            said = speakable(sent, self.language)
            contact = parts.get("url") or parts.get("phone") or parts.get("email")
            if said and said != text and (not contact or contact in said):
                text = said
        labelled = re.match(r"^([^:]{2,30}):\s*(\S.*)$", text)
        if labelled and _names_an_address(labelled.group(1)) and _contact_only(labelled.group(2).rstrip(".")):
            text = as_sentence(labelled.group(2))  # "Link in bio: x.pizza" says where, not what to do: the address
        span = Span(start=base + sent.start_char, end=base + sent.end_char)
        if self.r.cta is None or parts.get("url") or parts.get("phone"):
            previous = self.r.cta
            self.r.cta = CallToAction(text=text, url=parts.get("url") or (previous.url if previous else ""),
                                      phone=parts.get("phone") or (previous.phone if previous else ""),
                                      email=parts.get("email", ""), deadline=parts.get("deadline", ""), span=span)
            if previous and previous.text != text and previous.text:
                self.r.statements.append(Statement(text=previous.text, span=previous.span, kind="cta", priority=1))
        else:
            self.r.statements.append(Statement(text=text, span=span, kind="cta", priority=1))
        return True

    def _lists(self, parsed, runs) -> None:
        """Bulleted and numbered items under one heading become one list."""
        groups: dict[tuple[str, int], list[Block]] = {}
        order: list[tuple[str, int]] = []
        for idx, (block, doc, sents) in enumerate(parsed):
            if block.document or idx in runs["scenes"]:
                continue
            if not (idx in runs["lists"] or block.heading):
                continue
            key = (block.heading, _run_id(parsed, idx))
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(block)
            if D.PRESENTER_NOUNS & set(block.heading.lower().split()) or block.heading.lower() in DIRECTION_LABELS:
                self.direction(block.start, block.end)
        for key in order:
            blocks = groups[key]
            head = key[0]
            if head.lower() in DIRECTION_LABELS:
                continue
            items = [self.phrase(b.start, b.start + len(b.text.rstrip(" .;,"))) for b in blocks]
            clauses = sum(1 for b in blocks if _is_clause(self.nlp, b.text)) >= (len(blocks) + 1) // 2
            ordered = any(b.number is not None for b in blocks) or bool(re.search(r"\bsteps?\b|\bhow to\b", head, re.I))
            kind = _head_kind(self.nlp, head) if head else "item"
            self.r.lists.append(ItemList(kind=kind, head=head, items=items, ordered=ordered, clauses=clauses,
                                         span=Span(start=blocks[0].start, end=blocks[-1].end)))
            for b in blocks:
                cta = find_cta_parts(next(iter(self.nlp(b.text).sents)), self.language, False)
                if cta and (cta.get("url") or cta.get("phone")) and self.r.cta is None:
                    self.r.cta = CallToAction(text=cta["text"], url=cta.get("url", ""), phone=cta.get("phone", ""),
                                              span=Span(start=b.start, end=b.end))
            for b in blocks:
                doc = self.nlp(b.text)
                for sent in doc.sents:
                    self.r.figures += find_figures(sent, b.start, self.r.directions.duration_span)

    def _finish(self) -> None:
        r, d = self.r, self.r.directions
        d.phrases = self.directions
        text = " ".join(self.presenter_text)
        gender, age = D.presenter_traits(text)
        d.presenter = Presenter(description=text.strip(), gender=gender, age=age, name=self.presenter_name,
                                photo_requested=bool(re.search(r"\b(?:provided|attached|uploaded|my|this|the)\s+(?:input\s+)?(?:image|photo|picture|headshot|selfie)\b.{0,40}\b(?:avatar|presenter|host|speak)|\b(?:avatar|presenter)\b.{0,30}\b(?:from|is|=)\s+(?:the|my)\s+(?:attached|provided|uploaded)?\s*(?:image|photo)", self.source[:self.prompt_length], re.I)))
        if role := _presenter_role(text):
            d.presenter.role = role
        prompt = self.source[:self.prompt_length].lower()
        d.few_graphics = bool(re.search(r"\b(?:minimal|few|no|light|simple)\s+(?:on-screen\s+)?(?:graphics|motion graphics|text)\b|\btalking[- ]head\b", prompt))
        d.allow_repeats = bool(re.search(r"\b(?:same (?:layout|shot|framing)|one (?:layout|shot)|single shot|one take|static shot)\b", prompt))
        d.recorded_narration = bool(re.search(r"\b(?:voice[- ]?overs?|narration|narrated|my recording|(?:recorded|attached) (?:voice|audio|narration|message|talk)|my (?:own )?voice|audio as the (?:voice|narration)|skip (?:the )?(?:tts|text[- ]to[- ]speech))\b", prompt))
        d.tone = list(dict.fromkeys(t for t in d.tone if t))[:6]
        if r.cta is None:
            self._address_cta()
        if r.cta is not None:
            self._cta_question()
        r.brand = self._brand()
        self._clean_heads()
        span = d.duration_span  # the length is a direction wherever a statement took it in
        r.statements = [st if span is None or not (st.span.start <= span.start < st.span.end) else
                        st.model_copy(update={"text": self._without_length(st.text)}) for st in r.statements]
        r.statements = _dedupe([st for st in r.statements if re.search(r"\w", st.text)])
        r.figures = _dedupe_spans(r.figures)
        r.quotes = _dedupe_spans(r.quotes)

    def _cta_question(self) -> None:
        """"Questions? Email office@...": a short question just before the call to action is its lead-in,
        said with it, not a sentence of its own."""
        r = self.r
        for k, st in enumerate(r.statements):
            gap = self.source[st.span.end:r.cta.span.start]
            if st.text.endswith("?") and len(st.text.split()) <= 4 and st.span.end <= r.cta.span.start and not gap.strip():
                r.cta = r.cta.model_copy(update={"text": f"{st.text} {r.cta.text}", "span": Span(start=st.span.start, end=r.cta.span.end)})
                del r.statements[k]
                return

    def _address_cta(self) -> None:
        """No URL, phone or action asked: where to find the place is how a viewer acts ("412 Elm Street, Austin").
        The last statement or list item that gives an address becomes the call to action, said last."""
        r = self.r
        for k in range(len(r.statements) - 1, -1, -1):
            st = r.statements[k]
            address = find_address(st.text)
            if address and r.in_prompt(st.span):
                r.cta = CallToAction(text=st.text, address=address, span=st.span)
                del r.statements[k]
                return
        for lst in reversed(r.lists):
            for j in range(len(lst.items) - 1, -1, -1):
                item = lst.items[j]
                address = find_address(item.text)
                if address:
                    r.cta = CallToAction(text=item.text[:1].upper() + item.text[1:].rstrip(" .") + ".", address=address, span=item.span)
                    del lst.items[j]
                    return

    def _clean_heads(self) -> None:
        """A subject or list heading never carries the video's length; a heading that is the request itself
        ("Release notes video for Tasklight 2.1, 40 seconds") is introduced by what the video is about."""
        r = self.r
        if r.subject is not None:
            cleaned = self._without_directions(r.subject.text)
            if cleaned and cleaned != r.subject.text:
                r.subject = r.subject.model_copy(update={"text": cleaned[:1] + cleaned[1:]})
        nouns = VIDEO_NOUNS.get(self.language, set()) | VIDEO_NOUNS["en"]
        for k, lst in enumerate(r.lists):
            head = self._without_directions(lst.head) if lst.head else ""
            if head and any(w.lower().strip(",.") in nouns for w in head.split()):
                head = (r.subject.text if r.subject else r.brand) or ""
            if head and (head.lower().strip(" :") in SCENE_ROLES or self._tells_the_maker(head)):
                head = ""  # "By the numbers", "What to mention": a label or a note to the maker, never said
            r.lists[k] = lst.model_copy(update={"head": head})

    def _tells_the_maker(self, head: str) -> bool:
        """"What to mention", "Points to cover", "Include": a heading whose verb instructs the video's maker."""
        return any(t.lemma_.lower() in INSTRUCTION_VERBS and t.tag_ == "VB" for t in self.nlp(head))

    def _brand(self) -> str:
        domain = url_domain(self.r.cta.url) if self.r.cta and self.r.cta.url else ""
        addresses = [find_address(s.text) for s in self.r.statements] + ([self.r.cta.address] if self.r.cta else [])
        for name in list(self.brand_votes):
            if any(a and name in a for a in addresses):
                del self.brand_votes[name]  # "Station Road" names a street, not the business
                continue
            squashed = re.sub(r"\W", "", name.lower().replace("&", "and"))
            if domain and len(squashed) >= 3 and (domain.startswith(squashed) or squashed.startswith(domain)):
                # the name the call to action's address spells: all of it ("Olive & Ash", oliveandash) above a part
                self.brand_votes[name] += 6 + 2 * (squashed == domain)
            elif all(w in PLATFORMS or w in ("and", "&") for w in name.lower().split()):
                self.brand_votes[name] -= 5  # "for TikTok and Instagram": where it is posted, not whose video it is
            elif len(name) <= 3 and name.isupper():
                self.brand_votes[name] -= 2  # "PT", "CPD", "PDF": abbreviations far more often than brands
        if domain and not any(v >= 6 for v in self.brand_votes.values()):
            spelled = name_spelling(self.source[:self.prompt_length], domain)
            if spelled:
                self.brand_votes[spelled] = self.brand_votes.get(spelled, 0) + 8
        self.brand_votes = {n: v for n, v in self.brand_votes.items() if v > 0}
        if self.brand_votes:
            best = max(self.brand_votes.items(), key=lambda kv: (kv[1], -self.source.find(kv[0])))
            if best[1] >= 2 or len(self.brand_votes) == 1:
                return best[0]
            named = [n for n, v in self.brand_votes.items() if v > 0 and len(n.split()) >= 2]
            if named:  # no name stands out: the first one of several words ("Nori Noodle Bar")
                return min(named, key=lambda n: self.source.find(n))
        if self.r.cta and self.r.cta.url:
            host = re.sub(r"^(?:https?://)?(?:www\.)?", "", self.r.cta.url).split("/")[0].split(".")[0]
            if len(host) > 2:
                return host.capitalize()
        return ""


_SCRIPT_ASKED = re.compile(r"\b(?:this|the following|my|our) (?:script|text|copy|lines?)\b|\bword for word\b|\bverbatim\b|"
                           r"\b(?:say|read) (?:exactly|this)\b", re.I)


_TONE_NOUNS = {"tone", "mood", "vibe", "feel", "ton", "tono", "tom", "ambiance", "ambiente", "stimmung", "atmosphäre"}
_QUESTION_LABELS = {"q", "question", "faq", "p", "pregunta", "frage", "domanda", "pergunta"}
_ANSWER_LABELS = {"a", "answer", "r", "réponse", "respuesta", "antwort", "risposta", "resposta"}
_LENGTH_WORDS = {"short", "long", "quick", "brief", "little", "small", "full", "new", "final", "first", "second", "next"}
_QUOTED_NAME = re.compile(r"\b(?:our|my|the|new|called|named)\s+(?:[a-z-]+\s+){0,2}[\"\u201c\u2018']"
                          r"([A-Z][\w&'-]*(?:\s+[A-Z0-9][\w&'-]*){0,4})[\"\u201d\u2019']")


def _heading_line(block: Block, following: Block | None) -> bool:
    """A document's short unpunctuated line above a longer block ("What the product does", "Pricing")."""
    text = block.text.strip()
    if block.label or not following or text.endswith((".", "!", "?", "\u3002")) or re.search(r"\d", text):
        return False
    words = text.split()
    if any(w[:1].isupper() for w in words[1:]):
        return False  # "Crumb & Co", "Harbor CRM launch": a name is content
    return len(words) <= 8 and len(following.text.split()) >= len(words) + 3


def _named_as_a_shot(text: str) -> Description | None:
    """A scene in a list that opens by naming a part of the video ("stylish cutaway moments showing close-ups of
    brushed metal"), read from its words when the parse of the fragment fails: what follows "showing"/"of" is shown."""
    words = [w.rstrip("s") if w.endswith("s") and w[:-1] in META_NOUNS else w for w in re.findall(r"[\w-]+", text.lower())[:4]]
    if not any(w in META_NOUNS for w in words):
        return None
    m = re.search(r"\b(?:showing|featuring|of|with)\s+(.+)$", text)
    return Description(show=m.group(1).strip(" .") if m else "")


_ADDRESS_WORDS = {"link", "links", "bio", "url", "website", "site", "web", "page", "online", "here", "in", "the", "our",
                  "details", "info", "more", "contact", "phone", "email", "e-mail", "tel", "telephone", "address"}


def _names_an_address(label: str) -> bool:
    """"Link in bio", "Website", "Contact": a label that only says an address follows (not what to do there)."""
    words = re.findall(r"[\w-]+", label.lower())
    return bool(words) and all(w in _ADDRESS_WORDS for w in words)


def _contact_only(text: str) -> bool:
    """The text is nothing but a web address, a phone number or an email address."""
    m = find_url(text) or EMAIL_RE.search(text) or PHONE_RE.search(text)
    return m is not None and len(text.strip(" .")) - len(m.group(0)) <= 2


def _continues_label(sent) -> bool:
    """'She wears a lab coat.', 'Smart blazer.': more of what a label describes (a pronoun subject, or no verb,
    name or number), not the brief's content."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return True
    if words[0].pos_ == "PRON" and words[0].lower_ in ("he", "she", "they", "il", "elle", "er", "sie", "ella", "él", "ela", "ele", "lei", "lui"):
        return True
    return not any(t.pos_ in ("VERB", "AUX", "PROPN") or any(c.isdigit() for c in t.text) for t in words)


def _run_id(parsed, idx: int) -> int:
    """Items of one list share a run: consecutive blocks with the same heading."""
    k = idx
    while k > 0 and parsed[k - 1][0].heading == parsed[idx][0].heading and (parsed[k - 1][0].heading or parsed[k - 1][0].number is not None or parsed[k - 1][0].bullet):
        k -= 1
    return k


_HEADING_LINE = "\x00heading"  # the label of a list's heading line, read for the request, length and directions


def _with_heading_lines(blocks: list[Block], source: str) -> list[Block]:
    """The line that introduces a list ("Release notes video for Tasklight 2.1, 40 seconds:") as a block of
    its own before the list's first item: it often holds the request, the length or the subject."""
    out: list[Block] = []
    seen: set[str] = set()
    for b in blocks:
        if b.heading and b.heading not in seen and not b.document:
            seen.add(b.heading)
            at = source.rfind(b.heading, 0, b.start)
            if at >= 0:
                out.append(Block(text=b.heading, start=at, end=at + len(b.heading), label=_HEADING_LINE))
        out.append(b)
    return out


def _run_on(text: str) -> list[str]:
    """Sentences the parser ran together: a full stop, a space, then a capital or a digit."""
    return [p for p in re.split(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z0-9])", text) if p.strip()]


_APPOSITIVE_LEADS = {"a", "an", "the", "our", "un", "une", "una", "uno", "ein", "eine", "um", "uma", "la", "le", "el"}


def _visual_only(sent, visual=None) -> bool:
    """The sentence only asks to show something ("B-roll of the oven flames", "Show a phone with the app")."""
    if sent.root.lemma_.lower() in SHOW_VERBS and not any(t.dep_ == "nsubj" for t in sent.root.children):
        return True  # ("Maybe show people shaking hands": "people" is the subject of what is shown, not of "show")
    if SHOW_LEAD.match(sent.text):
        return True  # "Muestra helados de pistacho.", "Zeigen Sie frische Brezeln."
    lead = re.match(r"\s*([\w-]+(?:\s[\w-]+)?)\s+(?:of|showing|with)\b", sent.text)
    if lead and lead.group(1).lower() in VISUAL_NOUNS:
        return True  # "B-roll of a bike on a roadside.", "Close-up of the oven door."
    if visual is None:
        return False
    rest = sent.text.replace(visual.text, " ")
    words = re.findall(r"[\w-]+", rest.lower())
    return all(w in VISUAL_NOUNS or w in SHOW_VERBS or w in ("of", "the", "a", "an", "some", "with", "lots", "plenty", "and", "our", "your")
               for w in words)


def _topic_question(sent) -> bool:
    """An indirect question standing alone ("Who the course is for.", "What the product does.", "Why it matters."):
    a topic the brief asks to cover, like a heading; said, it is a line that would fit any video."""
    words = [t for t in sent if not t.is_punct]
    if not words or sent.text.rstrip().endswith("?") or len(words) > 8 or words[0].lower_ not in ("who", "what", "how", "why", "where", "when"):
        return False
    if words[0].lower_ == "how" and len(words) > 1 and words[1].lower_ == "to":
        return False  # "How to reset your router": a how-to's title says what it teaches
    if any(t.like_num or (t.text[:1].isupper() and t.i > words[0].i) for t in words):
        return False
    return words[-1].pos_ in ("ADP", "VERB", "AUX")


def _describe(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


def _has_subject(nlp, text: str) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in nlp(text))


def _is_clause(nlp, text: str) -> bool:
    doc = nlp(text)
    if not doc.has_annotation("DEP"):
        return len(text.split()) >= 5
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp") and t.tag_ not in ("VBG",) for t in doc) and len(doc) >= 3


def _head_kind(nlp, head: str) -> str:
    doc = nlp(head)
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return "item"
    root = next((t for t in nouns if t.dep_ == "ROOT"), nouns[-1])
    return root.lemma_.lower()


def _presenter_role(text: str) -> str:
    m = re.search(r"\b(CEO|CTO|CFO|COO|founder|co-founder|head chef|chef|doctor|nurse|teacher|professor|trainer|coach|scientist|engineer|manager|director|owner|barista|weather reporter|reporter|anchor|pharmacist|dentist|physio(?:therapist)?|realtor|agent|instructor|librarian|mayor)\b", text, re.I)
    return m.group(1) if m else ""


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[str] = set()
    out = []
    for s in statements:
        key = re.sub(r"\W+", " ", s.text.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _dedupe_spans(items):
    seen: set[tuple[int, int]] = set()
    out = []
    for it in items:
        key = (it.span.start, it.span.end)
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
