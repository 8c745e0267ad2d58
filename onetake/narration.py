"""The user's own recording as the narration: no text-to-speech, the recording's timing kept.

Decision: the recording plays untouched. pocketsphinx hears its words and
phones (for cuts, captions and lip-sync); the planner still designs the
scenes from the prompt, sized to the recording, and each scene's narration
becomes the words heard in its part of the recording. Cuts fall in the
recording's own pauses, so only the pauses at cuts are evened out (to the
timeline's standard lead and tail); within a scene every sample and timing is
the original. The alternative, spreading the planner's script over the file,
would caption words nobody says.
"""

from __future__ import annotations

from onetake.agent.casting import Cast
from onetake.agent.storyboard import Storyboard
from onetake.brief.models import DURATION_MAX_S, DURATION_MIN_S, Brief
from onetake.errors import RenderFailed
from onetake.visuals.music import load_audio
from onetake.voice.models import Utterance
from onetake.voice.recorded import split_at_pauses, transcribe

RATE = 24_000
MIN_DISTINCT_WORDS_PER_S = 0.8


def plan_recorded(brief: Brief, index: int, plan_and_cast) -> tuple[Storyboard, Cast, list[Utterance]]:
    path = brief.files[index].path
    samples = load_audio(path, RATE)
    seconds = len(samples) / RATE
    if not DURATION_MIN_S <= seconds <= DURATION_MAX_S:
        raise RenderFailed(f"file '{path.name}': a {seconds:.1f} s narration; it must be {DURATION_MIN_S:g}-{DURATION_MAX_S:g} s")
    words, phonemes = transcribe(samples, RATE)
    # the recogniser "hears" a few repeated words in music; speech gives many different ones (~2-3 a second)
    distinct = len({w.text for w in words})
    if distinct < 4 or distinct / seconds < MIN_DISTINCT_WORDS_PER_S:
        raise RenderFailed(f"file '{path.name}': no speech was heard in it, so it cannot be the narration (without 'voice-over' in the prompt it would be the music)")
    storyboard, chosen = plan_and_cast(brief.model_copy(update={"duration": max(DURATION_MIN_S, seconds)}))
    scenes = storyboard.scenes
    if len(scenes) > 1 and len(words) < len(scenes) * 2:  # too few words to share: keep the first and the last scene
        scenes = [scenes[0], scenes[-1]]
    pieces = [p for p in split_at_pauses(samples, RATE, words, phonemes, [s.duration_budget for s in scenes]) if p.words]
    if len(pieces) < len(scenes):  # fewer pauses than scenes: the end card stays, middle scenes go
        scenes = scenes[: len(pieces) - 1] + [scenes[-1]] if len(pieces) > 1 else scenes[:1]
    rewritten = [s.model_copy(update={"narration": _sentence(p)}) for s, p in zip(scenes, pieces)]
    storyboard = storyboard.model_copy(update={"scenes": rewritten, "duration_requested": False, "target_duration": seconds})
    return storyboard, chosen, pieces[: len(rewritten)]


def _sentence(utterance: Utterance) -> str:
    words = [("I" if w.text == "i" else w.text) for w in utterance.words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]
