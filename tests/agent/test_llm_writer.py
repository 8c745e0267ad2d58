"""The LLM writer over the real wire (httpx.MockTransport stands in for the chat server): the model's
scenes are used where they pass every check against the Reading, the writer's kept elsewhere."""

from __future__ import annotations

import json

import httpx
import pytest

from onetake.agent.llm import LLMConfig, config_from_env, write_with_llm
from onetake.agent.reading import read
from onetake.agent.writer import write
from onetake.brief.models import Brief
from onetake.errors import InvalidInput
from onetake.voice.pace import speech_clock

WPS = 2.9
CLOCK = speech_clock(WPS, "en")
PROMPT = ("A 30-second video for Larkspur Pottery in Frome: wheel-throwing evenings, glaze workshops and a shop of "
          "studio mugs. Earthy, calm. Book a class at larkspurpottery.co.uk")
CONFIG = LLMConfig(base_url="http://127.0.0.1:11434/v1", model="llama3.2", api_key="sk-test")
EXTRA = {0: " Larkspur Pottery is a studio in Frome.", 1: " Each evening is at the wheel.",
         2: " The glaze workshops follow.", 3: " The shop sells studio mugs."}


@pytest.fixture
def brief():
    return Brief(prompt=PROMPT)


@pytest.fixture
def reading(brief):
    return read(brief)


def skeleton(brief, reading):
    return write(reading, brief, CLOCK)


def good_answer(sb) -> dict:
    """The writer's words with a grounded sentence added where the scene has time left for it."""
    scenes = []
    for k, s in enumerate(sb.scenes):
        extra = EXTRA.get(k, "")
        text = s.narration + (extra if extra and CLOCK(s.narration + extra) <= s.duration_budget else "")
        scenes.append({"id": s.id, "narration": text, "on_screen_text": s.on_screen_text})
    return {"title": "Larkspur Pottery", "scenes": scenes}


def serve(answer, status=200, seen=None):
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        if isinstance(answer, Exception):
            raise answer
        content = answer if isinstance(answer, str) else json.dumps(answer)
        return httpx.Response(status, json={"choices": [{"message": {"role": "assistant", "content": content}}]})
    return httpx.MockTransport(handler)


def run(brief, reading, answer, seen=None):
    return write_with_llm(reading, brief, CLOCK, WPS, CONFIG, transport=serve(answer, seen=seen))


def test_good_answer_is_used_and_the_request_carries_the_reading(brief, reading):
    sb = skeleton(brief, reading)
    seen: list[httpx.Request] = []
    result = run(brief, reading, good_answer(sb), seen)
    assert result.error is None and result.source == "llm", result.replaced
    assert result.replaced == []
    assert any(a.narration != b.narration for a, b in zip(result.storyboard.scenes, sb.scenes))
    (request,) = seen
    assert request.url == "http://127.0.0.1:11434/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test"
    body = json.loads(request.content)
    assert body["response_format"]["type"] == "json_schema"
    user = body["messages"][1]["content"]
    assert "Larkspur Pottery" in user and "never to be said" in user and "Earthy, calm" in user
    for mine, theirs in zip(result.storyboard.scenes, sb.scenes):
        assert mine.role is theirs.role and mine.layout is theirs.layout
        assert CLOCK(mine.narration) <= mine.duration_budget + 1e-6


def test_an_invented_figure_keeps_the_writers_scene(brief, reading):
    sb = skeleton(brief, reading)
    answer = good_answer(sb)
    answer["scenes"][0]["narration"] += " Over 400 students love it."
    result = run(brief, reading, answer)
    assert dict(result.replaced)["scene-01"].startswith("numbers not in the brief: 400")
    assert result.storyboard.scenes[0].narration == sb.scenes[0].narration


def test_a_direction_said_or_a_lost_address_keeps_the_writers_scene(brief, reading):
    sb = skeleton(brief, reading)
    answer = good_answer(sb)
    answer["scenes"][0]["narration"] = "Earthy, calm. " + answer["scenes"][0]["narration"]
    answer["scenes"][-1]["narration"] = "Book a class with us soon."
    why = dict(run(brief, reading, answer).replaced)
    assert "directions" in why["scene-01"]
    assert "larkspurpottery.co.uk" in why[sb.scenes[-1].id]


def test_too_long_keeps_the_writers_scene(brief, reading):
    sb = skeleton(brief, reading)
    answer = good_answer(sb)
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "vo", "ri", "pe", "du"]
    unique = [a + b + c for a in syllables for b in syllables for c in syllables[:2]][:120]  # distinct words
    answer["scenes"][1]["narration"] = sb.scenes[1].narration + " " + " ".join(
        " ".join(unique[i:i + 8]).capitalize() + "." for i in range(0, 120, 8))
    why = dict(run(brief, reading, answer).replaced)
    assert "too long" in why[sb.scenes[1].id]


def test_bad_json_or_schema_falls_back_to_the_writer(brief, reading):
    sb = skeleton(brief, reading)
    broken = run(brief, reading, "{'title': 'x', scenes: [")
    assert broken.source == "writer" and "not JSON" in broken.error and broken.storyboard == sb
    mismatch = run(brief, reading, {"title": "x", "scenes": [{"id": "scene-01"}]})
    assert mismatch.source == "writer" and "scenes.0" in mismatch.error


def test_server_down_falls_back_to_the_writer(brief, reading):
    result = run(brief, reading, httpx.ConnectError("connection refused"))
    assert result.source == "writer" and "unreachable" in result.error
    assert result.storyboard == skeleton(brief, reading)


def test_config_from_env_needs_both_url_and_model():
    assert config_from_env(env={}) is None
    env = {"ONETAKE_LLM_BASE_URL": "http://localhost:11434/v1/", "ONETAKE_LLM_MODEL": "qwen2.5", "ONETAKE_LLM_API_KEY": "k"}
    cfg = config_from_env(env=env)
    assert (cfg.base_url, cfg.model, cfg.api_key) == ("http://localhost:11434/v1", "qwen2.5", "k")
    with pytest.raises(InvalidInput, match="llm-model"):
        config_from_env(base_url="http://x", env={})
    with pytest.raises(InvalidInput, match="http://"):
        config_from_env(base_url="localhost:11434", model="m", env={})
