"""plan_with_llm(): the rule planner's skeleton, written by a model, checked scene by scene.

The rule plan fixes what the brief decides (scene order, roles, layouts, time
budgets, the CTA, verbatim lines); the model is asked for the same Storyboard's
words through a JSON schema. Every scene the model gets wrong (too long or
short, a figure not in the sources, a production direction read aloud, a copy of
the prompt's instructions, a repeated sentence, a lost verbatim line or URL) is
replaced by the rule planner's scene, so the result is never worse than rules.
"""

from __future__ import annotations

import json
import re

import httpx
from pydantic import BaseModel, Field, ValidationError

from onetake.agent.planner import checks as C
from onetake.agent.planner import plan as rule_plan
from onetake.agent.planner.budget import rebalance
from onetake.agent.planner.cues import extract
from onetake.agent.storyboard import SceneRole, Storyboard
from onetake.brief.documents import Document, read_documents
from onetake.brief.models import Brief

from .client import LLMConfig, LLMError, chat_json

WORDS_LOW, WORDS_HIGH = 0.7, 1.25  # a scene's words against its budget at the voice's pace
MAX_TRIGRAM_REPEAT = 0.12


class LLMScene(BaseModel):
    id: str
    role: SceneRole
    narration: str = Field(min_length=1, max_length=2000)
    on_screen_text: str = Field(default="", max_length=120)
    bullets: list[str] = Field(default_factory=list, max_length=8)


class LLMStoryboard(BaseModel):
    title: str = Field(min_length=1, max_length=120)
    scenes: list[LLMScene] = Field(min_length=1, max_length=12)


class LLMPlan(BaseModel):
    storyboard: Storyboard
    source: str  # "llm": the model wrote at least one scene; "rules": every scene is the rule planner's
    replaced: list[tuple[str, str]] = Field(default_factory=list)  # (scene id, why the model's scene was not used)
    error: str | None = None  # why the model's answer was not used at all


def response_schema() -> dict:
    """JSON schema for the answer, in the strict subset servers accept (all fields required, no extras)."""
    scene = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "role": {"type": "string", "enum": [r.value for r in SceneRole]},
            "narration": {"type": "string"},
            "on_screen_text": {"type": "string"},
            "bullets": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["id", "role", "narration", "on_screen_text", "bullets"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"title": {"type": "string"}, "scenes": {"type": "array", "items": scene}},
        "required": ["title", "scenes"],
        "additionalProperties": False,
    }


def messages_for(brief: Brief, skeleton: Storyboard, wps: float, documents: list[Document]) -> list[dict]:
    lines = []
    for s in skeleton.scenes:
        words = max(3, round(s.duration_budget * wps))
        lines.append(f'- id "{s.id}", role {s.role.value}, about {words} words'
                     + (f', bullets {s.bullets}' if s.bullets else "")
                     + (f', must say "{s.narration}" word for word' if _verbatim(brief, s.narration) else ""))
    cta = f" End with this call to action: {skeleton.cta!r}." if skeleton.cta else ""
    language = "" if skeleton.language == "en" else f" Write the narration in the language with ISO code '{skeleton.language}'."
    system = (
        "You are a senior video copywriter. You write the spoken narration and on-screen text of a presenter video. "
        "Rules: use only facts, names and numbers found in the brief or its documents; never invent figures, prices, "
        "dates or claims. Never read production directions aloud (camera shots, transitions, colours, palettes, "
        "music, captions, 'B-roll', 'scene'). Do not repeat sentences. Keep each scene close to its word count. "
        "Answer with JSON only, matching the schema." + language
    )
    docs = "".join(f"\n\nDocument '{d.name}':\n{d.text[:6000]}" for d in documents)
    user = (f"Brief:\n{brief.prompt}{docs}\n\nWrite exactly these scenes, in this order, for a "
            f"{skeleton.target_duration:.0f}-second video spoken at {wps:.2f} words per second:\n"
            + "\n".join(lines) + cta)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _verbatim(brief: Brief, narration: str) -> bool:
    return any(q.kind == "script" and q.text in narration for q in extract(brief.prompt).quotes)


def _parse(answer: str) -> LLMStoryboard:
    text = answer.strip()
    fence = re.match(r"^```(?:json)?\s*(.*?)\s*```$", text, re.S)  # some servers wrap JSON in a code fence
    if fence:
        text = fence.group(1)
    return LLMStoryboard.model_validate(json.loads(text))


def scene_problem(llm: LLMScene, rule, brief: Brief, sources: str, wps: float, said: list[str]) -> str | None:
    """Why the model's version of `rule` (a rule-planner Scene) cannot be used, or None."""
    if llm.role is not rule.role:
        return f"role {llm.role.value}, expected {rule.role.value}"
    text = llm.narration.strip()
    invented = C.invented_numbers(text + " " + llm.on_screen_text + " " + " ".join(llm.bullets), sources)
    if invented:
        return f"numbers not in the brief: {', '.join(invented)}"
    directions = C.direction_words(text + " " + llm.on_screen_text + " " + " ".join(llm.bullets))
    if directions:
        return f"reads production directions aloud: {', '.join(directions)}"
    echo = C.echoed_prompt(text, brief.prompt)
    if echo:
        return f"copies the brief's instructions: '{echo}'"
    if C.repeated_trigram_rate(text) > MAX_TRIGRAM_REPEAT or C.repeated_sentences(text):
        return "repeats itself"
    earlier = " ".join(said).lower()
    if any(len(s.split()) >= 4 and s.lower() in earlier for s in re.split(r"(?<=[.!?])\s+", text)):
        return "repeats an earlier scene"
    for q in extract(brief.prompt).quotes:
        if q.kind == "script" and q.text in rule.narration and q.text not in text:
            return "lost a line the brief asks to be read word for word"
    for url in re.findall(r"\b[\w-]+(?:\.[\w-]+)+\b", rule.narration):
        if "." in url and not url[0].isdigit() and url.lower() not in text.lower():
            return f"lost {url}"
    n = len(C.words(text))
    want = max(3.0, rule.duration_budget * wps)
    if n > WORDS_HIGH * want + 2:
        return f"too long: {n} words for about {want:.0f}"
    if n < WORDS_LOW * want - 2:
        return f"too short: {n} words for about {want:.0f}"
    return None


def plan_with_llm(brief: Brief, words_per_second: float, config: LLMConfig,
                  transport: httpx.BaseTransport | None = None, documents: list[Document] | None = None) -> LLMPlan:
    """A storyboard written by the model where it passes every check, by the rule planner elsewhere."""
    documents = read_documents(brief.files) if documents is None else documents
    skeleton = rule_plan(brief, words_per_second, documents=documents)
    sources = "\n".join([brief.prompt] + [d.text for d in documents])
    try:
        answer = chat_json(config, messages_for(brief, skeleton, words_per_second, documents), response_schema(), transport)
        written = _parse(answer)
    except LLMError as exc:
        return LLMPlan(storyboard=skeleton, source="rules", error=str(exc))
    except json.JSONDecodeError as exc:
        return LLMPlan(storyboard=skeleton, source="rules", error=f"the model's answer is not JSON ({exc.msg})")
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return LLMPlan(storyboard=skeleton, source="rules", error=f"the model's answer does not match the schema ({where}: {first['msg']})")

    by_id = {s.id: s for s in written.scenes}
    scenes, replaced, said = [], [], []
    for rule in skeleton.scenes:
        llm = by_id.get(rule.id)
        why = "missing from the answer" if llm is None else scene_problem(llm, rule, brief, sources, words_per_second, said)
        if why:
            replaced.append((rule.id, why))
            scenes.append(rule)
        else:
            scenes.append(rule.model_copy(update={
                "narration": llm.narration.strip(),
                "on_screen_text": llm.on_screen_text.strip() or rule.on_screen_text,
                "bullets": [b.strip() for b in llm.bullets if b.strip()][:6] if rule.bullets and llm.bullets else rule.bullets,
            }))
        said.append(scenes[-1].narration)
    # budgets follow the words actually written, so every scene is read at the same pace
    budgets = rebalance([len(s.narration.split()) for s in scenes], [s.duration_budget for s in scenes],
                        skeleton.target_duration, words_per_second)
    scenes = [s.model_copy(update={"duration_budget": max(0.5, b)}) for s, b in zip(scenes, budgets)]
    used = len(replaced) < len(scenes)
    title = written.title.strip() if used and not C.invented_numbers(written.title, sources) else skeleton.title
    return LLMPlan(storyboard=skeleton.model_copy(update={"scenes": scenes, "title": title}),
                   source="llm" if used else "rules", replaced=replaced)
