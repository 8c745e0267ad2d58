"""After `make bench`: did each example land on its duration, and is its narration clean?

    .venv/bin/python bench/check_examples.py [bench/results]

For every video of bench/results/bench.json: the target (asked in the prompt or chosen), the
rendered length and its error, production directions read aloud and figures absent from the prompt
(from the storyboard.json written beside the video).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from onetake.agent.llm import checks as C  # noqa: E402
from tests.examples import example_prompts  # noqa: E402


def main() -> int:
    results = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "results"
    rows = json.loads((results / "bench.json").read_text())
    prompts = {e["name"]: e["prompt"] for e in example_prompts()}
    print(f"{'prompt':<32} {'target':>6} {'asked':>5} {'video s':>8} {'error':>7} {'lang':>4}  directions / invented numbers")
    bad = 0
    for r in rows:
        video = Path(r["video"])
        board = json.loads((video.parent / "storyboard.json").read_text())
        narration = " ".join(s["narration"] for s in board["scenes"])
        target = board["target_duration"]
        error = (r["video_s"] - target) / target
        directions = C.direction_words(narration)
        invented = C.invented_numbers(narration, prompts[r["name"]])
        # with no length asked the video runs its natural length (the timeline gets no target)
        ok = (abs(error) <= 0.05 or not board["duration_requested"]) and not directions and not invented
        bad += not ok
        print(f"{r['name'][:32]:<32} {target:6.1f} {'yes' if board['duration_requested'] else 'no':>5} {r['video_s']:8.2f} "
              f"{100 * error:+6.1f}% {board.get('language', 'en'):>4}  {directions or '-'} / {invented or '-'}")
    print(f"\n{len(rows) - bad}/{len(rows)} pass: within 5% of the requested duration (when one was asked), clean narration")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
