"""Facts from attached documents (PDF, text, markdown): sentences a presenter can say.

Sentences with numbers come first (a report's key figures are what a summary
keeps); the rest follow in document order. The document's text also counts as
a source for the no-invented-numbers check.
"""

from __future__ import annotations

import re

from onetake.brief.documents import Document

from .claims import _FINITE_RE
from .lexicon import INSTRUCTION_VERBS, PRODUCTION_RE
from .text import count_words, normalize, split_sentences

MAX_DOC_FACTS = 10
_NUMBER_RE = re.compile(r"\d")


def document_facts(documents: list[Document], limit: int = MAX_DOC_FACTS) -> list[str]:
    numbered: list[str] = []
    plain: list[str] = []
    seen: set[str] = set()
    for doc in documents:
        # PDF lines wrap mid-sentence: join a line to the next when that one carries on in lower case
        text = normalize(re.sub(r"(?<![.!?:\n])\n(?=[a-z(,])", " ", doc.text))
        for s, e in split_sentences(text):
            sent = text[s:e].strip().strip("-*\u2022 ").strip()
            n = count_words(sent)
            if n < 4 or n > 32 or sent.endswith(":") or '"' in sent:
                continue
            first = re.match(r"[A-Za-z']+", sent)
            if first and first.group(0).lower() in INSTRUCTION_VERBS:
                continue
            if PRODUCTION_RE.search(sent) or sent.lower() in seen:
                continue
            # a heading ("Annual Report 2025") is no sentence; a figure with six words around it is
            if not _FINITE_RE.search(sent) and not (_NUMBER_RE.search(sent) and n >= 6 and re.search(r"[a-z]ed\b", sent)):
                continue
            seen.add(sent.lower())
            sent = sent if sent[-1] in ".!?" else sent + "."
            (numbered if _NUMBER_RE.search(sent) else plain).append(sent)
    return (numbered + plain)[:limit]
