"""Text-to-speech engines, one module each, all behind `base.TTSEngine`."""
