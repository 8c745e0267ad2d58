"""Caption cues from word timings: short readable lines that start on their first word.

Words are onetake.text_units units, so Chinese captions break between characters (never
inside a Latin word or before "，"), and lengths are display widths (a Han character
takes two columns)."""

from __future__ import annotations

import math

from onetake.text_units import CLOSERS, SENTENCE_END, display_width, has_cjk, join_units
from onetake.timeline.models import CaptionCue
from onetake.voice.models import WordTiming

MAX_WORDS = 7  # of spaced scripts; Chinese cues are held to MAX_COLUMNS alone
MAX_COLUMNS = 38  # 38 Latin characters, or 19 Chinese ones
_CLAUSE = (",", ";", ":", "，", "、", "；", "：")
BREAK_PAUSE_S = 0.35  # a pause this long starts a new cue
MAX_HOLD_S = 0.6  # a cue may stay up this long after its last word


def cue_words(words: list[WordTiming]) -> list[CaptionCue]:
    groups = [chunk for phrase in _phrases(words) for chunk in _balanced_chunks(phrase)]
    cues = []
    for index, group in enumerate(groups):
        next_start = groups[index + 1][0].start if index + 1 < len(groups) else math.inf
        end = min(group[-1].end + MAX_HOLD_S, next_start)
        cues.append(CaptionCue(start=group[0].start, end=max(end, group[-1].end), words=group))
    return cues


def _phrases(words: list[WordTiming]) -> list[list[WordTiming]]:
    """Split at sentence ends and at audible pauses: the natural places for a new line."""
    phrases: list[list[WordTiming]] = []
    for word in words:
        if not phrases or word.start - phrases[-1][-1].end >= BREAK_PAUSE_S or phrases[-1][-1].text.rstrip(CLOSERS).endswith(SENTENCE_END):
            phrases.append([word])
        else:
            phrases[-1].append(word)
    return phrases


def _fits(chunk: list[WordTiming]) -> bool:
    spaced = sum(1 for w in chunk if not has_cjk(w.text))
    return spaced <= MAX_WORDS and display_width(join_units(w.text for w in chunk)) <= MAX_COLUMNS


def _balanced_chunks(phrase: list[WordTiming]) -> list[list[WordTiming]]:
    """The fewest cues that fit, with words spread evenly (no lonely last word), preferring clause breaks."""
    for count in range(1, len(phrase) + 1):
        chunks = _split_evenly(phrase, count)
        if all(_fits(c) for c in chunks):
            return chunks
    return [[w] for w in phrase]


def _split_evenly(phrase: list[WordTiming], count: int) -> list[list[WordTiming]]:
    chunks, start = [], 0
    for i in range(count):
        end = round(len(phrase) * (i + 1) / count)
        # Nudge a cut by one word to land after a comma when one is adjacent.
        if i < count - 1 and 0 < end < len(phrase):
            if phrase[end - 2].text.endswith(_CLAUSE) and end - 1 > start:
                end -= 1
            elif phrase[end].text.endswith(_CLAUSE) and end + 1 < len(phrase):
                end += 1
        chunks.append(phrase[start:end])
        start = end
    return [c for c in chunks if c]
