"""Questions a chat session asks before it drafts: when the brief gives nothing to say, or asks to be asked.

Generate mode never asks: it takes defaults and says which (the caller's notes).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from onetake.agent.reading import Reading
from onetake.agent.reading.meta import PLACEHOLDERS

_POSSESSIVE = {"our", "my", "the", "a", "an", "this", "their", "your", "new"}


class Choice(BaseModel):
    id: str
    label: str
    preview_url: str | None = None


class Question(BaseModel):
    about: str  # subject | voice | presenter | edit
    text: str
    choices: list[Choice] = Field(default_factory=list)


def has_nothing_to_say(reading: Reading) -> bool:
    """"Make a video about our app.": a subject that is only a placeholder, and no content to speak."""
    content = [s for s in reading.statements if s.kind != "subject"]
    if content or reading.figures or reading.quotes or reading.lists or (reading.cta and reading.cta.text) or reading.brand:
        return False
    if reading.subject is None:
        return True
    words = [w for w in re.findall(r"[\w'-]+", reading.subject.text.lower()) if w not in _POSSESSIVE]
    return all(w.rstrip("s") in PLACEHOLDERS or w in ("launch", "video", "thing", "stuff", "company's") for w in words)


def opening_question(reading: Reading, voices: list[Choice], presenters: list[Choice]) -> Question | None:
    topic = reading.directions.ask_first
    if topic == "voice" or (topic == "" and voices):
        return Question(about="voice", text="Which voice should narrate it? Reply with its number or name.", choices=voices)
    if topic == "presenter":
        return Question(about="presenter", text="Who should present it? Reply with a number or name, or describe them.", choices=presenters)
    if has_nothing_to_say(reading):
        thing = reading.subject.text if reading.subject else "it"
        return Question(about="subject", text=(f"What should the video say about {thing[:1].lower() + thing[1:]}? Its name, what it does and for whom, "
                                               "one or two facts worth hearing, and what viewers should do next (a link or a place)."))
    return None
