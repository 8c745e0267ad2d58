"""Facts in a parsed sentence: figures, quotes, calls to action, lists, visual requests.

Each finder takes a spaCy sentence and the offset of its doc in the source, and returns
typed parts with source spans. Where the parse is missing (languages without a trained
pipeline) they fall back on token shapes and punctuation.
"""

from __future__ import annotations

import re

import tldextract

from .lexicon import AUDIENCE_NOUNS, CONJUNCTIONS, CTA_VERBS, DIRECTION_NOUNS, LIST_VERBS, SHOW_VERBS, TONE_WORDS, VISUAL_NOUNS
from .models import Figure, ItemList, Phrase, Quote, Span, VisualRequest

# URLs, phones and emails: fixed lexical shapes, not grammar (spaCy's like_url misses "bloomyoga.studio").
# A web address: words joined by dots, the last one a real public suffix (the Public Suffix List,
# bundled with tldextract and read offline): "quill.link/leave" is one, "report.pdf" and "e.g." are not.
_URL_CANDIDATE = re.compile(r"(?<![@\w.])(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?:/[^\s,;)]*)?", re.I)
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


# A street address: a house number, capitalised words, a street word ("412 Elm Street", "7 Station Road",
# "Calle Mayor 12", "14 rue de la Paix"). The street words are the few each language uses.
_STREET = (r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Way|Drive|Dr|Place|Pl|Square|Sq|Row|Terrace|Court|Close|"
           r"Crescent|Quay|Wharf|Parade|Hill|Market|Yard|Mews|Gardens|Green")
ADDRESS_RE = re.compile(
    r"\b\d{1,5}[a-z]?\s+(?:[A-Z][\w'-]*\s+){1,3}(?:" + _STREET + r")\b\.?(?:,\s*[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)?"
    r"|\b(?:Calle|Avenida|Av\.|Rua|Rue|Via|Viale|Piazza|Plaza|Paseo|Largo)\s+(?:[\w'-]+\s+){0,3}\d{1,5}\b"
    r"|\b\d{1,5},?\s+(?:rue|avenue|boulevard|place|calle|rua|via)\s+(?:[\w'-]+\s*){1,4}"
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|weg|platz|gasse|allee)\s+\d{1,4}\b")


def find_address(text: str) -> str:
    m = ADDRESS_RE.search(text)
    return m.group(0).strip(" ,.") if m else ""


def find_url(text: str) -> re.Match | None:
    for m in _URL_CANDIDATE.finditer(text):
        host = re.sub(r"^(?:https?://)?", "", m.group(0), flags=re.I).split("/")[0].rstrip(".")
        if re.fullmatch(r"[\d.]+", host):
            continue  # "3.5", "1.2.0": numbers
        parts = _SUFFIXES(host)
        if parts.suffix and parts.domain:
            return m
    return None
PHONE_RE = re.compile(r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/])")
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_QUOTE_RE = re.compile(r'"([^"\n]{3,600})"|(?<![\w])\'([^\'\n]{3,600}?)\'(?![\w])|「([^」]{2,400})」')
SCRIPT_CUES = re.compile(r"\b(?:say|says|read|reads|script|verbatim|word for word|exactly|narrate|line|tagline|slogan|dice|di|diga|sagen|sag|dites|dire)\b\W*$", re.I)
_FIGURE_RE = re.compile(r"(?:[$€£¥]\s?)?\d+(?:[,.:]\d+)*(?:\s?(?:%|am|pm|k\b|m\b|bn\b|x\b|×|\+))?(?:/\d+)?")
_CTA_FRAME = re.compile(r"^(?:(?:please\s+)?(?:end|close|finish|wrap up|conclude|sign off)\s+(?:the video\s+)?(?:with|on|by)\s+"
                        r"(?:a\s+|an\s+|the\s+)?(?:(?:clear|strong|simple|short|memorable|friendly|family-friendly|final)\s+)*"
                        r"(?:call[- ]to[- ]action|cta|invitation|invite|prompt|ask|reminder|nudge)?\s*(?:inviting|asking|telling|encouraging|urging|for|to|that|:|,)?\s*"
                        r"(?:viewers|people|everyone|them|listeners|customers|families|parents|guests|the audience)?\s*(?:to\s+)?)", re.I)


def find_quotes(sent, base: int) -> list[Quote]:
    out: list[Quote] = []
    text = sent.text
    for m in _QUOTE_RE.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        words = re.findall(r"\w+", inner)
        han = any("\u4e00" <= c <= "\u9fff" for c in inner)
        if (len(words) < 3 and not han) or (han and len(inner) <= 8 and not re.search(r"[，。！？,.!?]", inner)):
            continue  # 'PulseKey', "Needle & Note", 「快记账」: a name in quotes, not a quotation
        small = {"a", "an", "the", "of", "in", "on", "and", "for", "to", "at", "de", "la", "le", "el", "der", "die"}
        if len(words) <= 6 and all(w[:1].isupper() or w.lower() in small for w in words) and not inner.endswith((".", "!", "?")):
            continue  # 'The Salt Road', "Managing Sepsis in the First Hour": a title in quotes, not a quotation
        before = text[:m.start()]
        author, role = _author(sent, m.start(), m.end())
        start = base + sent.start_char + m.start() + (1 if m.group(0)[0] in "\"'「" else 0)
        cue = SCRIPT_CUES.search(before[-40:])
        if cue and author and re.match(r"\W*(?:says|reads)\b", cue.group(0), re.I) \
                and not re.search(r"\b(?:presenter|host|narrator|avatar|voice)\b", before[-60:], re.I):
            cue = None  # "Founder Mia Cole says: '...'": a quotation of hers, not a script for the presenter
        out.append(Quote(text=inner, author=author, role=role, script=bool(cue),
                         span=Span(start=start, end=start + len(inner))))
    return out


def _author(sent, q_start: int, q_end: int) -> tuple[str, str]:
    """The person a quotation is from: a PERSON near it ("quote from Jo, a driver in Leeds: ..."), and their role."""
    people = [e for e in sent.ents if e.label_ in ("PERSON", "PER")]
    base = sent.start_char
    before = [e for e in people if e.end_char - base <= q_start]
    after = [e for e in people if e.start_char - base >= q_end]
    person = before[-1] if before else after[0] if after else None
    if person is None:
        m = re.search(r"\b(?:from|by)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)(\s*,\s*([^:,\"']{3,60}?)\s*[,:])?", sent.text[:q_start])
        if m:
            return m.group(1), (m.group(3) or "").strip()
        m = re.search(r"(?:[-–—]|\bsays)\s*([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", sent.text[q_end:])
        return (m.group(1), "") if m else ("", "")
    role = ""
    for t in person.root.children:
        if t.dep_ == "appos":
            role = sent.doc[t.left_edge.i:t.right_edge.i + 1].text.strip(" ,:")
    if not role:
        tail = sent.text[person.end_char - base:q_start if person.end_char - base <= q_start else len(sent.text)]
        m = re.match(r"\s*,\s*([^:,\"']{3,60}?)\s*[,:]", tail)
        role = m.group(1) if m else ""
    return person.text, role


def find_figures(sent, base: int, duration_span: Span | None) -> list[Figure]:
    """Numbers with what they count: the number and the noun phrase it belongs to."""
    doc = sent.doc
    out: list[Figure] = []
    parsed = doc.has_annotation("DEP")
    for m in _FIGURE_RE.finditer(sent.text):
        raw = m.group(0).strip()
        if not re.search(r"\d", raw):
            continue
        s = sent.start_char + m.start()
        e = sent.start_char + m.end()
        if duration_span and duration_span.start <= base + s < duration_span.end:
            continue
        tokens = [t for t in sent if t.idx < e and t.idx + len(t) > s]
        if not tokens:
            continue
        end_tok = tokens[-1]
        if parsed:
            head = end_tok.head if end_tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") else end_tok
            if head.i > end_tok.i and head.i - end_tok.i <= 4 and head.pos_ in ("NOUN", "PROPN", "ADJ"):
                end_tok = head
            nxt = end_tok.i + 1
            while nxt < sent.end and nxt - end_tok.i <= 3:
                t = doc[nxt]
                if (t.dep_ in ("acl", "amod") and t.pos_ == "VERB") or (t.lower_ in ("a", "per", "an") and nxt + 1 < sent.end and doc[nxt + 1].lower_ in ("month", "year", "day", "week", "hour", "person", "night", "head")):
                    end_tok = doc[nxt + 1] if t.lower_ in ("a", "per", "an") else t
                    nxt = end_tok.i + 1
                    continue
                break
        else:
            nxt = end_tok.i + 1
            if nxt < sent.end and doc[nxt].is_alpha:
                end_tok = doc[nxt]
        text = doc[tokens[0].i:end_tok.i + 1].text
        start = base + tokens[0].idx
        out.append(Figure(text=text, number=raw, span=Span(start=start, end=start + len(text))))
    return out


_ZH_CTA_VERBS = ("下载", "搜索", "访问", "预约", "购买", "关注", "报名", "注册", "扫码", "拨打", "联系我们", "立即", "前往", "订购")


def find_cta_parts(sent, language: str, forced: bool) -> dict | None:
    """A call to action: a URL, phone or email, or an imperative that asks the viewer to act."""
    text = sent.text.strip()
    url = find_url(text)
    email = EMAIL_RE.search(text)
    phone = next((m for m in PHONE_RE.finditer(text) if len(re.sub(r"\D", "", m.group(0))) >= 7), None)
    first = next((t for t in sent if t.is_alpha and t.lower_ not in ("please", "so", "and", "then", "now", "just", "also")), None)
    imperative = first is not None and first.lemma_.lower() in CTA_VERBS and (not sent.doc.has_annotation("DEP") or first.dep_ in ("ROOT", "") or first.tag_ == "VB" or first.pos_ in ("VERB", "PROPN", "NOUN"))
    if imperative and first.tag_ in ("VBG", "VBN", "VBD", "VBZ"):
        imperative = False  # "Starting 1 March, tickets go ...", "Joined by ...": a participle opens a statement, not an order
    if imperative and sent.doc.has_annotation("DEP") and first.dep_ in ("compound", "nsubj", "amod") and first.head.pos_ == "PROPN":
        imperative = False  # "Volunteer Sam Osei says: ...": a title before a name, not an order
    if language == "zh" and not imperative:  # no parse: the verbs of acting in the text (在应用商店搜索…下载)
        imperative = any(v in text for v in _ZH_CTA_VERBS)
    framed = _CTA_FRAME.match(text)
    framed = framed if framed and framed.end() > 0 and re.search(r"call[- ]to[- ]action|cta|invit|end|close|finish", framed.group(0), re.I) else None
    if not (url or email or phone or imperative or framed or forced):
        return None
    if not (url or email or phone) and not framed and not forced and not imperative:
        return None
    spoken = text
    if framed:
        spoken = text[framed.end():].strip()
        if not spoken or not re.search(r"\w", spoken):
            spoken = ""
    spoken = spoken.strip(" .;:,")
    if spoken:
        spoken = re.sub(r"\b(their|them|they)\b", lambda m: {"their": "your", "them": "you", "they": "you"}[m.group(1)], spoken) if framed else spoken
        stop = "\u3002" if language == "zh" else "."
        first_up = spoken if re.match(r"[a-z0-9-]+\.[a-z]", spoken) else spoken[:1].upper() + spoken[1:]  # keep "x.shop"
        spoken = first_up + ("" if spoken.endswith(("!", "?", "。", "！")) else stop)
    deadline = ""
    for ent in sent.ents:
        before = sent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and before in ("by", "until", "before")):
            deadline = ent.text
    return {"text": spoken, "url": url.group(0).rstrip(".") if url else "", "email": email.group(0) if email else "",
            "phone": phone.group(0) if phone else "", "deadline": deadline}


def _without_order(sent, head: str) -> str:
    """"Show the three blends" -> "The three blends": a list's heading without the order to the maker."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or not sent.doc.has_annotation("DEP") or first.tag_ != "VB" or first.dep_ != "ROOT" \
            or first.lemma_.lower() not in SHOW_VERBS | LIST_VERBS or not head.lower().startswith(first.lower_):
        return head
    rest = head[len(first.text):].strip()
    return rest[:1].upper() + rest[1:] if rest else head


_STEP_NOUNS = {"step", "instruction", "stage", "method", "process", "routine", "procedure", "how-to"}


def _objects_kept_with_their_verb(sent, text: str, parts: list[str], colon: int) -> list[str]:
    """"Steps: heat the dashi, whisk in the miso, add tofu and spring onions": in a list of orders, a last part
    that is no order ("spring onions") is the previous order's second object, not a step of its own."""
    if len(parts) < 3 or not sent.doc.has_annotation("POS"):
        return parts

    def opens_with_verb(part: str, after: int) -> bool:
        k = text.find(part, after)
        tok = next((t for t in sent if t.idx - sent.start_char == k), None)
        return tok is not None and tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP")  # ("heat the dashi" is tagged VBP)

    cursor = colon
    verbs = []
    for p in parts:
        verbs.append(opens_with_verb(p, cursor))
        cursor = text.find(p, cursor) + len(p)
    if all(verbs[:-1]) and not verbs[-1] and text.find(parts[-2] + " and " + parts[-1], colon) >= 0:
        return parts[:-2] + [parts[-2] + " and " + parts[-1]]
    return parts


def _one_clause(sent, text: str, parts: list[str], colon: int) -> bool:
    """"...: we're hiring 20 operatives and 5 drivers": the first part has a subject and a verb whose objects the
    others continue, so the whole is one sentence, not a list."""
    if not sent.doc.has_annotation("DEP"):
        return False
    first_start = text.find(parts[0], colon) + sent.start_char
    first_end = first_start + len(parts[0])

    def clause(lo: int, hi: int) -> bool:
        return any(t.dep_ in ("nsubj", "nsubjpass") and lo <= t.idx < hi and lo <= t.head.idx < hi for t in sent)

    if not clause(first_start, first_end):
        return False
    cursor = first_end - sent.start_char
    for p in parts[1:]:
        k = text.find(p, cursor)
        if clause(sent.start_char + k, sent.start_char + k + len(p)):
            return False  # "a: we fix bikes, we sell parts": clauses in a row are a list of clauses
        cursor = k + len(p)
    return True


def item_lists_in(sent, base: int) -> list[ItemList]:
    """Lists inside one sentence: "Three results: a, b and c", "with A, B and C"."""
    text = sent.text
    out: list[ItemList] = []
    colon = text.find(":")
    if 0 < colon < len(text) - 3:
        tail = text[colon + 1:].strip().rstrip(".")
        joints = "|".join(sorted(CONJUNCTIONS))
        parts = [p.strip() for p in re.split(rf";|,(?!\d{{3}}\b)\s*(?:(?:{joints})\s+)?|\s+(?:{joints})\s+(?=[^,]*$)", tail) if p and p.strip()]
        if len(parts) >= 2 and _one_clause(sent, text, parts, colon):
            return out
        parts = _objects_kept_with_their_verb(sent, text, parts, colon)
        if len(parts) >= 2 and all(len(p.split()) <= 12 for p in parts):
            head = _without_order(sent, text[:colon].strip())
            offset = base + sent.start_char + colon + 1
            items = []
            cursor = offset - base - sent.start_char
            for p in parts:
                k = text.find(p, cursor)
                items.append(Phrase(text=p, span=Span(start=base + sent.start_char + k, end=base + sent.start_char + k + len(p))))
                cursor = k + len(p)
            kind = _last_noun(sent, head)
            out.append(ItemList(kind=kind, head=head, items=items, ordered=kind in _STEP_NOUNS,  # "Steps: a, b, c" are said in turn
                                span=Span(start=base + sent.start_char, end=base + sent.end_char)))
            return out
    clauses = _semicolon_items(sent, base)
    if clauses is not None:
        return [clauses]
    if not sent.doc.has_annotation("DEP"):
        return out
    for t in sent:
        conjs = [c for c in t.children if c.dep_ == "conj"]
        if t.dep_ == "conj" or not conjs or t.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue
        chain = [t]
        while conjs:
            chain.append(conjs[0])
            conjs = [c for c in conjs[0].children if c.dep_ == "conj"]
        if len(chain) < 3:
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in (DIRECTION_NOUNS | TONE_WORDS):
            continue
        items = []
        for k, c in enumerate(chain):
            left = c.left_edge.i if k else min(c.left_edge.i, c.i)
            right = chain[k + 1].left_edge.i - 1 if k + 1 < len(chain) else c.right_edge.i
            toks = [x for x in sent.doc[left:right + 1]]
            while toks and (toks[-1].dep_ in ("cc", "punct") or toks[-1].lower_ in ("and", "or", ",")):
                toks.pop()
            while toks and toks[0].dep_ in ("cc", "punct"):
                toks.pop(0)
            if k == 0:  # the first conjunct's own left part only
                toks = [x for x in toks if x.i >= c.left_edge.i]
            if toks:
                s = toks[0].idx
                e = toks[-1].idx + len(toks[-1])
                items.append(Phrase(text=sent.doc.text[s:e], span=Span(start=base + s, end=base + e)))
        joined = sent.doc.text[items[0].span.start - base:items[-1].span.end - base] if items else ""
        if "&" in joined or any(len(i.text.split()) == 1 and i.text[:1].isupper() and t.pos_ != "PROPN" for i in items):
            continue  # "Crumb & Co": one name, not a list
        if len(items) >= 3 and not all(i.text.lower() in TONE_WORDS for i in items):
            head_tok = t.head if t.dep_ in ("pobj", "dobj") else t
            doer = next((c for c in t.children if c.dep_ == "nsubj"), None) if t.pos_ == "VERB" else None
            out.append(ItemList(kind=head_tok.lemma_.lower() if head_tok is not t else "item", head="", items=items,
                                clauses=t.pos_ == "VERB", subject=doer.text if doer is not None and doer.pos_ == "PRON" else "",
                                span=Span(start=base + sent.start_char, end=base + sent.end_char)))
    return out or _comma_series(sent, base)


def _comma_series(sent, base: int) -> list[ItemList]:
    """'Sourdough baked at 5am every day, cardamom buns on weekends, and a gluten-free loaf': a series the
    parser did not chain (long conjuncts with their own modifiers). Read from its commas and final 'and'."""
    text = sent.text.rstrip(" .!")
    parts = re.split(r",\s+(?![^()]*\))", text)
    if len(parts) < 3:
        return []
    joints = "|".join(sorted(CONJUNCTIONS))
    last = re.match(rf"(?:{joints})\s+(.*)", parts[-1])
    if last is None:
        both = re.split(rf"\s+(?:{joints})\s+", parts[-1])
        if len(both) != 2:
            return []
        parts = parts[:-1] + both
    else:
        parts[-1] = last.group(1)
    parts, cursor = _series_start(sent, parts)
    if len(parts) < 3 or any(not p or len(p.split()) > 12 for p in parts) or all(p.lower() in TONE_WORDS for p in parts):
        return []
    items = []
    for p in parts:
        k = text.find(p, cursor)
        items.append(Phrase(text=p, span=Span(start=base + sent.start_char + k, end=base + sent.start_char + k + len(p))))
        cursor = k + len(p)
    return [ItemList(kind="item", head="", items=items, subject=_shared_subject(sent, items, base),
                     span=Span(start=base + sent.start_char, end=base + sent.end_char))]


def _series_start(sent, parts: list[str]) -> tuple[list[str], int]:
    """Where a comma series really begins: (its parts, the character in the sentence to look for the first from).
    "A 12-second video for Pinecone Yoga, a small studio with sunrise flow, yin and beginner classes": the request
    is not an item, and an appositive ("a small studio with ...") is what has the items, so the first starts
    after its preposition."""
    from .frame import is_frame

    cursor = 0
    while parts and is_frame(parts[0], "en"):
        cursor = sent.text.find(parts[0], cursor) + len(parts[0])
        parts = parts[1:]
    if not parts or not sent.doc.has_annotation("DEP"):
        return parts, cursor
    start = sent.start_char + sent.text.find(parts[0], cursor)
    end = start + len(parts[0])
    inside = [t for t in sent if start <= t.idx < end]
    appositive = next((t for t in inside if t.dep_ == "appos" and t.head.idx < start), None)
    prep = next((t for t in inside if appositive is not None and t.dep_ == "prep" and t.head.i == appositive.i), None)
    if prep is not None and prep.idx + len(prep.text) < end:
        rest = sent.doc.text[prep.idx + len(prep.text):end].strip()
        cursor = prep.idx + len(prep.text) - sent.start_char
        parts = [rest] + parts[1:]
    return parts, cursor


def _shared_subject(sent, items: list[Phrase], base: int) -> str:
    """"We lend books, host a club, and run classes": the pronoun the first item opens with does what every
    later item says, when each later item opens with a verb."""
    if not sent.doc.has_annotation("POS") or len(sent) < 2 or sent[0].pos_ != "PRON" or sent[0].dep_ != "nsubj":
        return ""
    at = {t.idx: t for t in sent}
    firsts = [at.get(item.span.start - base) for item in items[1:]]
    return sent[0].text if firsts and all(t is not None and t.pos_ == "VERB" for t in firsts) else ""


def _semicolon_items(sent, base: int) -> ItemList | None:
    """"wear a vest at all times; stay 3 metres back; report every near miss": semicolons separate items."""
    text = sent.text
    if ";" not in text:
        return None
    items, cursor = [], 0
    for part in text.split(";"):
        piece = part.strip(" .")
        k = text.find(piece, cursor) if piece else -1
        cursor = k + len(piece) if k >= 0 else cursor
        if piece and k >= 0:
            items.append(Phrase(text=piece, span=Span(start=base + sent.start_char + k, end=base + sent.start_char + k + len(piece))))
    if len(items) < 2 or any(len(i.text.split()) < 2 for i in items):
        return None
    return ItemList(kind="item", items=items, clauses=True, span=Span(start=base + sent.start_char, end=base + sent.end_char))


def _last_noun(sent, head: str) -> str:
    words = re.findall(r"[A-Za-z]+", head)
    return (words[-1].lower().rstrip("s") if words else "item") or "item"


def visual_request_in(sent, base: int) -> VisualRequest | None:
    """'Show fresh loaves and croissants', 'B-roll of X', 'close-ups of X': what the viewer should see."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        m = re.search(r"\b(?:b-?roll|images?|photos?|shots?|footage|imágenes|images|bilder|imagens|immagini)\s+(?:of|de|du|des|von|der|di|da|do)\s+([^.;]+)", sent.text, re.I)
        if not m:
            return _show_words(sent, base)
        s = sent.start_char + m.start(1)
        return VisualRequest(text=m.group(1).strip(), nouns=[w for w in re.findall(r"\w+", m.group(1)) if len(w) > 3][:6],
                             span=Span(start=base + s, end=base + s + len(m.group(1).strip())))
    target = None
    for t in sent:
        b_roll = t.lower_ == "roll" and t.i > 0 and doc[t.i - 1].text == "-"  # "B-roll" tokenises as B - roll
        if t.lemma_.lower() in VISUAL_NOUNS or t.lower_ in VISUAL_NOUNS or b_roll:
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "showing", "with", "featuring")), None)
            showing = next((c for c in t.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("show", "feature", "depict")), None)
            if of is not None:
                target = next((c for c in of.children if c.dep_ == "pobj"), None)
            elif showing is not None:
                target = next((c for c in showing.children if c.dep_ == "dobj"), None)
            if target is not None:
                break
    root = sent.root
    if target is None and root.lemma_.lower() in SHOW_VERBS and root.i - sent.start <= 2 and not any(c.dep_ == "nsubj" for c in root.children):
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        doing = obj is not None and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in obj.children)  # "show people shaking hands"
        if obj is not None and (obj.lemma_.lower() not in (DIRECTION_NOUNS | AUDIENCE_NOUNS) or doing) and obj.lower_ not in ("how", "what", "why") and root.lemma_.lower() in ("show", "display", "depict", "feature") and not any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
            target = obj
        elif obj is not None and (obj.lemma_.lower() in VISUAL_NOUNS):
            target = obj
        scene = next((c for c in root.children if c.dep_ == "ccomp" and c.tag_ == "VBG"
                      and any(g.dep_ == "nsubj" for g in c.children)), None)
        if target is None and obj is None and scene is not None and root.lemma_.lower() == "show":
            target = scene  # "Maybe show people shaking hands": the parse makes the scene a clause
    if target is None:
        return _show_words(sent, base)
    left, right = target.left_edge.i, target.right_edge.i
    toks = doc[left:right + 1]
    text = toks.text.strip(" ,.;")
    # each thing with its compounds ("cinnamon roll", not "roll"): icons and media are matched on the whole name
    nouns = [" ".join([c.lower_ for c in t.children if c.i < t.i and (c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ not in TONE_WORDS))] + [t.lemma_.lower()])
             for t in toks if (t.pos_ in ("NOUN", "PROPN") or (t.dep_ == "conj" and t.pos_ == "VERB"))
             and t.dep_ != "compound" and t.lemma_.lower() not in VISUAL_NOUNS | DIRECTION_NOUNS]
    # "warehouse footage and a team photo": the things are what the footage and the photo are of
    nouns += [" ".join(c.lower_ for c in t.children if c.dep_ == "compound" and c.i < t.i)
              for t in toks if t.lemma_.lower() in VISUAL_NOUNS and any(c.dep_ == "compound" and c.i < t.i for c in t.children)]
    if not nouns or all(n in TONE_WORDS for n in nouns):
        return None
    s = toks[0].idx
    return VisualRequest(text=text, nouns=list(dict.fromkeys(nouns))[:8], span=Span(start=base + s, end=base + s + len(text)))


# "Show ..." in the languages read; es, de, it and pt have no parser here, so the request is read from its words.
SHOW_LEAD = re.compile(r"^\s*(?:please\s+)?(?:show|montrez|montre|montrer|muestra|muestre|muestren|mostrar|mostra|mostrate|"
                        r"mostre|mostrem|zeig(?:e|en|t)?(?:\s+sie)?|展示|显示|拍)\s*(.+?)[.!。]?\s*$", re.I)
_ARTICLES = {"a", "an", "the", "some", "des", "les", "le", "la", "l'", "un", "une", "el", "los", "las", "unos", "unas",
             "der", "die", "das", "den", "ein", "eine", "einen", "il", "lo", "gli", "i", "o", "os", "as", "um", "uma",
             "and", "et", "y", "und", "e", "of", "de", "di", "do", "da", "du", "del", "with", "con", "avec", "mit", "com"}


def _show_words(sent, base: int) -> VisualRequest | None:
    m = SHOW_LEAD.match(sent.text)
    if m is None:
        return None
    text = m.group(1).strip(" ,.;")
    nouns = [w.lower() for w in re.findall(r"[\w'-]+", text) if w.lower() not in _ARTICLES and not w.isdigit()]
    if not nouns or len(nouns) > 8:
        return None
    start = base + sent.start_char + m.start(1)
    return VisualRequest(text=text, nouns=nouns, span=Span(start=start, end=start + len(text)))
