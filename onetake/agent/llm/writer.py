"""write_with_llm(): the writer's storyboard, its words rewritten by a model, checked scene by scene.

The writer (onetake.agent.writer) fixes what the brief decides: the scenes, their roles,
layouts, what each must carry, the call to action, verbatim lines. The model is asked for
each scene's words, at the length the scene's time allows (its speech and its held
pictures together), so a thin brief can be told at its requested length in full
sentences. Every scene the model gets wrong (a figure not in the brief, a direction
read aloud, a lost item, URL or verbatim line, a repeat, the wrong length) keeps the
writer's words, so the result is never worse than the writer's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import httpx
from pydantic import BaseModel, Field, ValidationError

from onetake.agent.reading import Reading
from onetake.agent.storyboard import Scene, Storyboard
from onetake.agent.writer import write
from onetake.brief.models import Brief

from . import checks as C
from .client import LLMConfig, LLMError, chat_json

LENGTH_LOW, LENGTH_HIGH = 0.75, 1.15  # a scene's spoken seconds against the time it has
MAX_TRIGRAM_REPEAT = 0.12


class LLMScene(BaseModel):
    id: str
    narration: str = Field(min_length=1, max_length=2000)
    on_screen_text: str = Field(default="", max_length=120)


class LLMStoryboard(BaseModel):
    title: str = Field(min_length=1, max_length=120)
    scenes: list[LLMScene] = Field(min_length=1, max_length=12)


class LLMPlan(BaseModel):
    storyboard: Storyboard
    source: str  # "llm": the model wrote at least one scene; "writer": every scene is the writer's
    replaced: list[tuple[str, str]] = Field(default_factory=list)  # (scene id, why the model's scene was not used)
    error: str | None = None  # why the model's answer was not used at all


def response_schema() -> dict:
    """JSON schema for the answer, in the strict subset servers accept (all fields required, no extras)."""
    scene = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "narration": {"type": "string"}, "on_screen_text": {"type": "string"}},
        "required": ["id", "narration", "on_screen_text"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"title": {"type": "string"}, "scenes": {"type": "array", "items": scene}},
        "required": ["title", "scenes"],
        "additionalProperties": False,
    }


def scene_seconds(scene: Scene) -> float:
    """The time a scene has for speech once the model may fill its held pictures too."""
    return scene.duration_budget


def messages_for(reading: Reading, skeleton: Storyboard, words_per_second: float) -> list[dict]:
    lines = []
    for s in skeleton.scenes:
        words = max(3, round(scene_seconds(s) * words_per_second))
        carry = [s.narration]
        lines.append(f'- id "{s.id}", role {s.role.value}, about {words} words; it must carry: {" | ".join(carry)}'
                     + (f"; on screen: {s.on_screen_text!r}" if s.on_screen_text else ""))
    never = sorted({p.text.strip() for p in reading.directions.phrases if p.text.strip()})
    language = "" if skeleton.language == "en" else f" Write in the language with ISO code '{skeleton.language}'."
    system = (
        "You are a senior video copywriter. You write the spoken narration of a presenter video, scene by scene. "
        "Rules: say only what the brief says, in full natural sentences; use only facts, names and numbers found in "
        "the brief; never invent figures, prices, dates, claims or testimonials; never add lines that would fit any "
        "video ('Let's take a closer look'). Never read directions aloud (format, length, tone, colours, music, "
        "camera, captions, 'B-roll', 'scene'). Keep every item, URL, phone number and quoted line of a scene. "
        "Do not repeat sentences. Keep each scene close to its word count. Answer with JSON only." + language
    )
    user = (f"Brief:\n{reading.source[:12000]}\n\n"
            + (f"These are directions, never to be said: {'; '.join(never)}\n\n" if never else "")
            + f"Write exactly these scenes, in this order, for a {skeleton.target_duration:.0f}-second video spoken at "
            f"{words_per_second:.2f} words per second:\n" + "\n".join(lines))
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _parse(answer: str) -> LLMStoryboard:
    text = answer.strip()
    fence = re.match(r"^```(?:json)?\s*(.*?)\s*```$", text, re.S)  # some servers wrap JSON in a code fence
    if fence:
        text = fence.group(1)
    return LLMStoryboard.model_validate(json.loads(text))


def _kept_words(writer_text: str) -> list[str]:
    """What the model must keep from the writer's words: web addresses, phone numbers, quoted lines."""
    keep = re.findall(r"\b[\w-]+(?:\.[\w-]+)+(?:/[\w./-]*)?", writer_text)
    keep = [k for k in keep if not re.fullmatch(r"[\d.,]+", k)]
    keep += re.findall(r"\+?\(?\d[\d ()-]{6,}\d", writer_text)
    keep += [q for q in re.findall(r"[\"\u201c\u00ab]([^\"\u201d\u00bb]{8,})[\"\u201d\u00bb]", writer_text)]
    return keep


def scene_problem(llm: LLMScene, writer: Scene, reading: Reading, clock: Callable[[str], float],
                  said: list[str]) -> str | None:
    """Why the model's version of the writer's scene cannot be used, or None."""
    text = llm.narration.strip()
    invented = C.invented_numbers(text + " " + llm.on_screen_text, reading.source)
    if invented:
        return f"numbers not in the brief: {', '.join(invented)}"
    directions = C.direction_words(text)
    directions += [p.text for p in reading.directions.phrases
                   if len(p.text.strip()) >= 4 and re.search(rf"(?<!\w){re.escape(p.text.strip().rstrip('.'))}(?!\w)", text, re.I)]
    if directions:
        return f"reads directions aloud: {', '.join(directions)}"
    if C.repeated_trigram_rate(text) > MAX_TRIGRAM_REPEAT or C.repeated_sentences(text):
        return "repeats itself"
    earlier = " ".join(said).lower()
    if any(len(s.split()) >= 4 and s.lower() in earlier for s in re.split(r"(?<=[.!?])\s+", text)):
        return "repeats an earlier scene"
    for kept in _kept_words(writer.narration):
        if kept.lower() not in text.lower():
            return f"lost {kept!r}"
    for bullet in writer.bullets:
        head = " ".join(bullet.split()[:2]).lower()
        if head and head not in text.lower():
            return f"lost the item {bullet!r}"
    seconds, room = clock(text), scene_seconds(writer)
    if seconds > LENGTH_HIGH * room + 0.5:
        return f"too long: {seconds:.1f} s for {room:.1f} s"
    if seconds < min(LENGTH_LOW * room, clock(writer.narration)) - 0.5:
        return f"too short: {seconds:.1f} s for {room:.1f} s"
    return None


def write_with_llm(reading: Reading, brief: Brief, clock: Callable[[str], float], words_per_second: float,
                   config: LLMConfig, transport: httpx.BaseTransport | None = None) -> LLMPlan:
    """A storyboard whose words are the model's where they pass every check, the writer's elsewhere."""
    skeleton = write(reading, brief, clock)
    try:
        answer = chat_json(config, messages_for(reading, skeleton, words_per_second), response_schema(), transport)
        written = _parse(answer)
    except LLMError as exc:
        return LLMPlan(storyboard=skeleton, source="writer", error=str(exc))
    except json.JSONDecodeError as exc:
        return LLMPlan(storyboard=skeleton, source="writer", error=f"the model's answer is not JSON ({exc.msg})")
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return LLMPlan(storyboard=skeleton, source="writer",
                       error=f"the model's answer does not match the schema ({where}: {first['msg']})")

    by_id = {s.id: s for s in written.scenes}
    scenes, replaced, said = [], [], []
    for scene in skeleton.scenes:
        llm = by_id.get(scene.id)
        why = "missing from the answer" if llm is None else scene_problem(llm, scene, reading, clock, said)
        if why:
            replaced.append((scene.id, why))
            scenes.append(scene)
        else:
            narration = llm.narration.strip()
            spoken = clock(narration)
            scenes.append(scene.model_copy(update={
                "narration": narration,
                "on_screen_text": llm.on_screen_text.strip() or scene.on_screen_text,
                "duration_budget": max(0.5, max(spoken, scene.duration_budget)),
                "hold": max(0.0, round(scene.duration_budget - spoken, 2)) if spoken < scene.duration_budget else 0.0,
            }))
        said.append(scenes[-1].narration)
    used = len(replaced) < len(scenes)
    title = written.title.strip() if used and not C.invented_numbers(written.title, reading.source) else skeleton.title
    return LLMPlan(storyboard=skeleton.model_copy(update={"scenes": scenes, "title": title}),
                   source="llm" if used else "writer", replaced=replaced)
