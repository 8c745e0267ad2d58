"""Visual cues tied to the narration: on-screen items appear as they are spoken about."""

from __future__ import annotations

import re

from onetake.voice.models import WordTiming

_STOP = {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "your", "our", "my", "&"}


def _key(word: str) -> str:
    return re.sub(r"[^\w]", "", word.lower())


def _same_word(spoken: str, written: str) -> bool:
    """'month' matches 'monthly', 'picks' matches 'pick': a shared stem of four letters or more."""
    short, long = sorted((spoken, written), key=len)
    return len(short) >= 4 and long.startswith(short) or spoken == written


def bullet_entrances(bullets: list[str], words: list[WordTiming], speech_start: float, speech_end: float) -> list[float]:
    """When each bullet should appear: at the first spoken mention of any of its content words,
    in order; bullets never mentioned fall back to an even spread across the speech."""
    span = max(0.1, speech_end - speech_start)
    even = [speech_start + span * 0.85 * i / max(1, len(bullets)) for i in range(len(bullets))]
    times: list[float] = []
    cursor = 0
    for index, bullet in enumerate(bullets):
        keys = [_key(w) for w in bullet.split() if _key(w) and _key(w) not in _STOP]
        found = None
        for position in range(cursor, len(words)):
            if any(_same_word(_key(words[position].text), key) for key in keys):
                found, cursor = words[position].start, position + 1
                break
        earliest = times[-1] + 0.25 if times else speech_start
        times.append(max(earliest, found if found is not None else even[index]))
    return times
