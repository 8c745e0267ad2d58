"""Optional LLM planner: any OpenAI-compatible chat server writes the Storyboard.

The rule planner stays the default and the safety net: the model's answer is
validated and every scene that fails is replaced by the rule planner's.
"""

from .client import LLMConfig, LLMError, config_from_env
from .planner import LLMPlan, plan_with_llm

__all__ = ["LLMConfig", "LLMError", "LLMPlan", "config_from_env", "plan_with_llm"]
