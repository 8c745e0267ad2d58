"""Memory into a brief: an earlier session's facts fill what this brief leaves blank.

The service recalls facts for the brand a prompt names (or for "our brand"); here, after the
brief is read, they fill the blanks only: a URL, colours, tone, presenter or voice the brief gives
itself always win, and facts for another brand than the one the Reading found are not used.
What was used is listed in `Reading.remembered`, for the message that says so.
"""

from __future__ import annotations

from onetake.agent.reading import Reading
from onetake.agent.reading.models import CallToAction, Span
from onetake.brief.models import Brief


def apply_memory(brief: Brief, reading: Reading) -> tuple[Brief, Reading]:
    memory = brief.remembered
    if memory is None or (reading.brand and reading.brand.casefold() != memory.brand.casefold()):
        return brief, reading
    reading = reading.model_copy(deep=True)
    used: list[str] = []
    updates: dict = {}
    if not reading.brand:
        reading.brand = memory.brand
        used.append(f"the brand name {memory.brand}")
    end = Span(start=len(reading.source), end=len(reading.source))  # not in the source: said last, overlaps nothing
    if reading.cta is None and memory.cta:
        reading.cta = CallToAction(text=memory.cta, url=memory.url, span=end)
        used.append(f"the call to action '{memory.cta}'")
    elif reading.cta is not None and not reading.cta.url and memory.url and not (reading.cta.phone or reading.cta.email):
        reading.cta = reading.cta.model_copy(update={"url": memory.url})
        used.append(f"the web address {memory.url}")
    if not reading.directions.colours and memory.colours and memory.brand_kit_id is None:
        reading.directions.colours = list(memory.colours)
        used.append("the colours " + ", ".join(memory.colours))
    if not reading.directions.tone and memory.tone:
        reading.directions.tone = list(memory.tone)
        used.append("a " + " and ".join(memory.tone) + " tone")
    described = _described(reading)  # a presenter the brief describes wins, and the remembered voice may not fit them
    if brief.avatar_id is None and brief.avatar_image is None and memory.avatar_id and not described:
        updates["avatar_id"] = memory.avatar_id
        used.append(f"presenter {memory.avatar_id}")
    if brief.voice_id is None and memory.voice_id and not described:
        updates["voice_id"] = memory.voice_id
        used.append(f"voice {memory.voice_id}")
    if brief.brand_kit_id is None and memory.brand_kit_id:  # the service copied it into the session's store
        updates["brand_kit_id"] = memory.brand_kit_id
        used.append(f"brand kit {memory.brand_kit_id}")
    reading.remembered = used
    return brief.model_copy(update=updates), reading


def _described(reading: Reading) -> bool:
    """The brief describes its own presenter ("a man in his sixties"): that wins over the remembered one."""
    p = reading.directions.presenter
    return bool(p.gender or p.age or p.description or p.photo_requested)


def memory_note(brief: Brief, reading: Reading) -> str | None:
    if not reading.remembered or brief.remembered is None:
        return None
    return f"Using what I remember about {brief.remembered.brand}: " + "; ".join(reading.remembered) + "."
