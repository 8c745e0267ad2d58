"""The wire: one chat-completions call to an OpenAI-compatible server, answer constrained by a JSON schema.

httpx rather than the openai SDK: one POST is all that is needed, and httpx's
MockTransport lets the tests run the exact wire without a model.
"""

from __future__ import annotations

import json
import os

import httpx
from pydantic import BaseModel, Field

from onetake.errors import InvalidInput, OnetakeError

ENV_BASE_URL = "ONETAKE_LLM_BASE_URL"
ENV_MODEL = "ONETAKE_LLM_MODEL"
ENV_API_KEY = "ONETAKE_LLM_API_KEY"


class LLMError(OnetakeError):
    """The server could not be reached or gave no usable answer."""


class LLMConfig(BaseModel):
    base_url: str = Field(min_length=1)  # e.g. http://localhost:11434/v1 (Ollama)
    model: str = Field(min_length=1)
    api_key: str = ""
    timeout_s: float = Field(default=120.0, gt=0, le=600)
    temperature: float = Field(default=0.4, ge=0, le=2)


def config_from_env(base_url: str | None = None, model: str | None = None, api_key: str | None = None,
                    env: dict[str, str] | None = None) -> LLMConfig | None:
    """Flags win over the environment; None when no server is configured (the rule planner runs)."""
    env = os.environ if env is None else env
    base_url = base_url or env.get(ENV_BASE_URL)
    model = model or env.get(ENV_MODEL)
    api_key = api_key if api_key is not None else env.get(ENV_API_KEY, "")
    if not base_url and not model:
        return None
    if not base_url:
        raise InvalidInput("llm-url", f"a model was given but no server URL (set it or {ENV_BASE_URL})")
    if not model:
        raise InvalidInput("llm-model", f"a server URL was given but no model name (set it or {ENV_MODEL})")
    if not base_url.startswith(("http://", "https://")):
        raise InvalidInput("llm-url", f"must start with http:// or https://, not '{base_url}'")
    return LLMConfig(base_url=base_url.rstrip("/"), model=model, api_key=api_key or "")


def chat_json(config: LLMConfig, messages: list[dict], schema: dict, transport: httpx.BaseTransport | None = None) -> str:
    """The model's answer text (meant to be JSON matching `schema`)."""
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    body = {
        "model": config.model,
        "messages": messages,
        "temperature": config.temperature,
        "response_format": {"type": "json_schema", "json_schema": {"name": "storyboard", "schema": schema, "strict": True}},
    }
    try:
        with httpx.Client(transport=transport, timeout=config.timeout_s) as client:
            response = client.post(f"{config.base_url}/chat/completions", headers=headers, json=body)
    except httpx.HTTPError as exc:
        raise LLMError(f"LLM server {config.base_url} unreachable: {exc}") from None
    if response.status_code != 200:
        raise LLMError(f"LLM server {config.base_url} answered HTTP {response.status_code}: {response.text[:200]}")
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (json.JSONDecodeError, KeyError, IndexError, TypeError):
        raise LLMError(f"LLM server {config.base_url} sent no chat completion") from None
    if not isinstance(content, str) or not content.strip():
        raise LLMError("the model's answer was empty")
    return content
