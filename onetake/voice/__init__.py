"""Text to speech: audio plus the word and phoneme timings every later stage follows."""

from onetake.voice.catalogue import default_voice_for, get_voice, list_voices
from onetake.voice.speak import synthesize

__all__ = ["default_voice_for", "get_voice", "list_voices", "synthesize"]
