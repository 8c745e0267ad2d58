"""Visual cues tied to the narration: on-screen items appear as they are spoken about."""

from __future__ import annotations

import re

from onetake.text_units import has_cjk, units
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
        found = None
        if has_cjk(bullet):
            position = _first_pair(bullet, words, cursor)
            if position is not None:
                found, cursor = words[position].start, position + 1
        else:
            keys = [_key(w) for w in bullet.split() if _key(w) and _key(w) not in _STOP]
            for position in range(cursor, len(words)):
                if any(_same_word(_key(words[position].text), key) for key in keys):
                    found, cursor = words[position].start, position + 1
                    break
        earliest = times[-1] + 0.25 if times else speech_start
        times.append(max(earliest, found if found is not None else even[index]))
    return times


def _first_pair(bullet: str, words: list[WordTiming], cursor: int) -> int | None:
    """Chinese has no stems to match: a bullet is mentioned where two of its characters are
    spoken in a row ("免费配送" at "免费"), or a Latin word of it is."""
    keys = [_key(u) for u in units(bullet)]
    pairs = {(a, b) for a, b in zip(keys, keys[1:])}
    latin = {k for k in keys if len(k) > 1}
    spoken = [_key(w.text) for w in words]
    for position in range(cursor, len(words)):
        if spoken[position] in latin or (position + 1 < len(words) and (spoken[position], spoken[position + 1]) in pairs):
            return position
    return None
