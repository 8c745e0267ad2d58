"""How fast a voice will speak one particular script: long words take longer to say.

A voice's words_per_second (catalogue.py) is an average over the planner's usual
narration. Scripts full of long words ("atelier", "choreographed", brand names)
run slower, so a plan written at the average rate came out 6-12% long for three of
the seven example prompts and had to be written and spoken again. Characters
track speaking time better than words: over those seven scripts (3,968 characters,
231.5 s, English neural voices) words per second ranged 2.65-3.66, characters per
second only 16.5-18.7. A plan is cheap (~10 ms) and a second speech pass is not
(~2 s), so the first plan is re-paced by its characters before anything is spoken.
"""

from __future__ import annotations

from collections.abc import Iterable

from onetake.text_units import count_words

# Characters (spaces and punctuation included) per word of the calibration narration behind the
# English neural voices' words_per_second: 17.14 characters per second at 2.97 words per second.
REFERENCE_CHARS_PER_WORD = 5.77
# Aim a little short: spare seconds become natural pauses, while a long script must be sped up or rewritten.
MARGIN = 0.97


def paced_words_per_second(narration: Iterable[str], words_per_second: float, language: str | None) -> float:
    """The words-per-second rate to plan at so that scripts like `narration` land on time.

    Only English is calibrated; other languages keep the voice's own measured rate."""
    lines = [line for line in narration if line.strip()]
    words = sum(count_words(line) for line in lines)
    if not words or (language or "en").split("-")[0] != "en":
        return words_per_second
    chars_per_word = sum(len(line) for line in lines) / words
    return words_per_second * REFERENCE_CHARS_PER_WORD / chars_per_word * MARGIN


def speech_clock(words_per_second: float, language: str | None):
    """text -> seconds this voice takes to say it: characters for English (calibrated above),
    Han characters for Chinese (zh voices are measured in characters), words otherwise."""
    lang = (language or "en").split("-")[0]
    if lang == "en":
        chars_per_second = words_per_second * REFERENCE_CHARS_PER_WORD
        return lambda text: len(text.strip()) / chars_per_second
    return lambda text: count_words(text) / words_per_second
