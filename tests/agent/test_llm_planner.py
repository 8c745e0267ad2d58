"""The LLM planner over the real wire (httpx.MockTransport stands in for the server): answers are
validated, and scenes that fail are replaced by the rule planner's."""

from __future__ import annotations

import json

import httpx
import pytest

from onetake.agent.llm import LLMConfig, config_from_env, plan_with_llm
from onetake.agent.planner import plan as rule_plan
from onetake.brief.models import Brief
from onetake.errors import InvalidInput

WPS = 2.97
PROMPT = ("Create a 30-second video introducing Bloom Yoga, a neighbourhood studio with morning flow, prenatal "
          "classes and a sauna. Sage green and cream. Book at bloomyoga.studio")
CONFIG = LLMConfig(base_url="http://127.0.0.1:11434/v1", model="llama3.2", api_key="sk-test")


def _lines(n_words: int, topic: str) -> str:
    """Distinct plausible sentences adding up to about `n_words` (no figures)."""
    pool = [f"{topic} starts your morning gently.", "Breathe in, slow down, and feel the room settle.",
            "Teachers here know every regular by name.", "Mats, blocks and straps are ready when you arrive.",
            "After class, the warm sauna waits for you.", "Expecting? Prenatal classes keep you moving safely.",
            "Morning flow wakes up body and mind together.", "It is a calm corner of the neighbourhood.",
            "Come as you are and leave lighter.", "Every session ends with a quiet moment of rest."]
    out, count = [], 0
    for s in pool:
        if count >= n_words:
            break
        out.append(s)
        count += len(s.split())
    return " ".join(out)


def good_answer(sb) -> dict:
    scenes = []
    for i, s in enumerate(sb.scenes):
        words = round(s.duration_budget * WPS)
        text = "Book your first class at bloomyoga.studio. We would love to see you." if s.role.value == "cta" else _lines(words, "Bloom Yoga")
        if i > 0 and s.role.value != "cta":
            text = " ".join(text.split(". ")[::-1])  # different order, so no sentence repeats an earlier scene
        scenes.append({"id": s.id, "role": s.role.value, "narration": text, "on_screen_text": "Bloom Yoga", "bullets": s.bullets})
    return {"title": "Bloom Yoga", "scenes": scenes}


def serve(answer, status=200, seen=None):
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        if isinstance(answer, Exception):
            raise answer
        content = answer if isinstance(answer, str) else json.dumps(answer)
        return httpx.Response(status, json={"choices": [{"message": {"role": "assistant", "content": content}}]})
    return httpx.MockTransport(handler)


@pytest.fixture
def brief():
    return Brief(prompt=PROMPT)


def test_good_answer_is_used_and_the_request_is_an_openai_json_schema_call(brief):
    skeleton = rule_plan(brief, WPS)
    seen: list[httpx.Request] = []
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(good_answer(skeleton), seen=seen))
    assert result.error is None
    assert result.source == "llm"
    llm_scenes = [s for s in result.storyboard.scenes if s.narration not in {r.narration for r in skeleton.scenes}]
    assert len(llm_scenes) >= len(skeleton.scenes) - 1, result.replaced
    (request,) = seen
    assert request.url == "http://127.0.0.1:11434/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test"
    body = json.loads(request.content)
    assert body["model"] == "llama3.2"
    assert body["response_format"]["type"] == "json_schema"
    assert set(body["response_format"]["json_schema"]["schema"]["properties"]) == {"title", "scenes"}
    assert "Bloom Yoga" in body["messages"][1]["content"]
    total = sum(s.duration_budget for s in result.storyboard.scenes)
    assert abs(total - sum(s.duration_budget for s in skeleton.scenes)) < 0.1 * total
    assert [s.role for s in result.storyboard.scenes] == [s.role for s in skeleton.scenes]


def test_invalid_json_falls_back_to_rules(brief):
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve("{'title': 'Bloom', scenes: ["))
    assert result.source == "rules"
    assert "not JSON" in result.error
    assert result.storyboard == rule_plan(brief, WPS)


def test_schema_mismatch_falls_back_to_rules(brief):
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve({"title": "x", "scenes": [{"id": "scene-01"}]}))
    assert result.source == "rules"
    assert "schema" in result.error and "scenes.0" in result.error


def test_invented_number_replaces_that_scene_only(brief):
    skeleton = rule_plan(brief, WPS)
    answer = good_answer(skeleton)
    answer["scenes"][0]["narration"] = answer["scenes"][0]["narration"].replace(
        "Bloom Yoga starts", "Bloom Yoga, loved by 5,000 members, starts")
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(answer))
    assert result.replaced[0][0] == "scene-01" and "5000" in result.replaced[0][1]
    assert result.storyboard.scenes[0].narration == skeleton.scenes[0].narration
    assert "5,000" not in " ".join(s.narration for s in result.storyboard.scenes)
    assert result.source == "llm"


def test_too_long_scene_is_replaced(brief):
    skeleton = rule_plan(brief, WPS)
    answer = good_answer(skeleton)
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "vo", "ri", "pe", "du", "ba", "zo"]
    unique = [a + b + c for a in syllables for b in syllables for c in syllables[:2]][:160]  # 160 distinct words
    answer["scenes"][1]["narration"] = " ".join(" ".join(unique[i:i + 8]).capitalize() + "." for i in range(0, 160, 8))
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(answer))
    assert ("scene-02", result.replaced[0][1]) in result.replaced and "too long" in result.replaced[0][1]
    assert result.storyboard.scenes[1].narration == skeleton.scenes[1].narration


def test_directions_echo_and_lost_cta_are_replaced(brief):
    skeleton = rule_plan(brief, WPS)
    answer = good_answer(skeleton)
    answer["scenes"][0]["narration"] += " Cut to a medium shot in sage green."
    answer["scenes"][-1]["narration"] = "Thanks for watching, see you on the mat soon, friends."
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(answer))
    why = dict(result.replaced)
    assert "production directions" in why["scene-01"]
    assert "bloomyoga.studio" in why[skeleton.scenes[-1].id]
    assert "bloomyoga.studio" in result.storyboard.scenes[-1].narration


def test_server_down_falls_back_to_rules(brief):
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(httpx.ConnectError("connection refused")))
    assert result.source == "rules" and "unreachable" in result.error
    assert result.storyboard == rule_plan(brief, WPS)


def test_server_error_status_falls_back(brief):
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve("model not found", status=404))
    assert result.source == "rules" and "HTTP 404" in result.error


def test_a_real_closed_port_is_server_down(brief):
    config = LLMConfig(base_url="http://127.0.0.1:9/v1", model="m", timeout_s=2)
    result = plan_with_llm(brief, WPS, config)
    assert result.source == "rules" and "unreachable" in result.error


def test_config_from_flags_and_environment():
    assert config_from_env(env={}) is None
    env = {"ONETAKE_LLM_BASE_URL": "http://localhost:11434/v1/", "ONETAKE_LLM_MODEL": "qwen2.5", "ONETAKE_LLM_API_KEY": "k"}
    cfg = config_from_env(env=env)
    assert (cfg.base_url, cfg.model, cfg.api_key) == ("http://localhost:11434/v1", "qwen2.5", "k")
    assert config_from_env(model="llama3.2", env=env).model == "llama3.2"
    with pytest.raises(InvalidInput, match="llm-url"):
        config_from_env(model="x", env={})
    with pytest.raises(InvalidInput, match="llm-model"):
        config_from_env(base_url="http://x", env={})
    with pytest.raises(InvalidInput, match="http://"):
        config_from_env(base_url="localhost:11434", model="m", env={})


def test_prompt_echo_is_replaced(brief):
    skeleton = rule_plan(brief, WPS)
    answer = good_answer(skeleton)
    answer["scenes"][1]["narration"] = PROMPT.split(". Sage")[0] + "."
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(answer))
    assert "copies the brief's instructions" in dict(result.replaced)["scene-02"]


@pytest.fixture
def clean_llm_env(monkeypatch):
    """The CLI hands its flags to the pipeline through the environment: restore it afterwards."""
    for key in ("ONETAKE_LLM_BASE_URL", "ONETAKE_LLM_MODEL", "ONETAKE_LLM_API_KEY"):
        monkeypatch.setenv(key, "placeholder")
        monkeypatch.delenv(key)


def test_cli_plan_with_a_server_that_is_down_still_plans(capsys, clean_llm_env):
    from onetake.cli import run

    run(["plan", PROMPT, "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m"])
    out = json.loads(capsys.readouterr().out)
    assert out["storyboard"]["brand"] == "Bloom Yoga"


def test_cli_bad_llm_url_is_one_line(capsys, clean_llm_env):
    from onetake.cli import run

    with pytest.raises(SystemExit) as exit_info:
        run(["plan", PROMPT, "--llm-url", "localhost:11434", "--llm-model", "m"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == "error: --llm-url must start with http:// or https://, not 'localhost:11434'"


def test_missing_scene_and_wrong_role_are_replaced(brief):
    skeleton = rule_plan(brief, WPS)
    answer = good_answer(skeleton)
    answer["scenes"] = answer["scenes"][:-1]  # the CTA is missing
    answer["scenes"][0]["role"] = "stat" if skeleton.scenes[0].role.value != "stat" else "hook"
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(answer))
    why = dict(result.replaced)
    assert why[skeleton.scenes[-1].id] == "missing from the answer"
    assert why["scene-01"].startswith("role ")
    assert [s.role for s in result.storyboard.scenes] == [s.role for s in skeleton.scenes]


def test_answer_in_a_code_fence_is_read(brief):
    skeleton = rule_plan(brief, WPS)
    fenced = "```json\n" + json.dumps(good_answer(skeleton)) + "\n```"
    result = plan_with_llm(brief, WPS, CONFIG, transport=serve(fenced))
    assert result.error is None and result.source == "llm"
