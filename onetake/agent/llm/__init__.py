"""Optional LLM writer: any OpenAI-compatible chat server rewrites the writer's scenes.

The writer (onetake.agent.writer) stays the default and the safety net: the model's answer
is validated against the Reading and every scene that fails keeps the writer's words.
"""

from .client import LLMConfig, LLMError, config_from_env
from .writer import LLMPlan, write_with_llm

__all__ = ["LLMConfig", "LLMError", "LLMPlan", "config_from_env", "write_with_llm"]
