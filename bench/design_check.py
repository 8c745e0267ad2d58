"""Design check: a contact sheet per example prompt, one frame per scene, so anyone can see the result at a glance.

    make design-check          # or: .venv/bin/python bench/design_check.py [--only NAME] [--out DIR] [--style ID]

Plans, casts and speaks each prompt for real (the voice clock drives captions,
bullets and kinetic type), then renders one frame per scene, past its
entrances, without encoding a video. Prompts that ask for an image get a local
photo (their URLs are unreachable). Prints each prompt's style and layouts and
fails if two consecutive scenes share a layout.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.style_sheet import tile  # noqa: E402
from onetake.brief.intake import make_brief  # noqa: E402
from onetake.draw.colors import hex_to_rgb  # noqa: E402
from onetake.pipeline import plan_and_cast  # noqa: E402
from onetake.render.compositor import Compositor  # noqa: E402
from onetake.timeline.build import build_timeline  # noqa: E402
from onetake.visuals.assets import attach_visuals  # noqa: E402
from onetake.voice.speak import synthesize  # noqa: E402


def frame_time(clip) -> float:
    """Late enough that entrances have landed and a caption shows, early enough to miss the exit."""
    return min(clip.end - 0.45, max(clip.start + 1.6, clip.start + clip.duration * 0.55))


def palette_share(frames: list[np.ndarray], colours: list[str]) -> float:
    """Share of pixels within a small distance of any of `colours` (BGRA frames)."""
    targets = np.array([hex_to_rgb(c)[::-1] for c in colours], np.float32)  # as BGR
    hits = total = 0
    for frame in frames:
        small = frame[::8, ::8, :3].astype(np.float32)
        distance = np.min(np.linalg.norm(small[:, :, None, :] - targets[None, None], axis=-1), axis=-1)
        hits += int((distance < 60).sum())
        total += distance.size
    return hits / max(1, total)


def check(example: dict, out_dir: Path, photo: Path, style: str | None, width: int, height: int) -> tuple[str, list[str], bool]:
    inputs = example.get("inputs", {})
    files = [photo] if "image" in inputs else []
    w, h = example.get("width", width), example.get("height", height)
    brief = make_brief(example["prompt"], duration=example.get("duration"), width=w, height=h, files=files, style_id=style,
                       avatar_id=inputs.get("avatar"))
    storyboard, chosen = plan_and_cast(brief)
    speech = [synthesize(scene.narration, chosen.voice_id) for scene in storyboard.scenes]
    with tempfile.TemporaryDirectory() as tmp:
        timeline = attach_visuals(build_timeline(storyboard, chosen, speech, brief, Path(tmp)), storyboard, brief)  # as the pipeline does
        compositor = Compositor(timeline)
        frames = [(f"{i + 1}. {clip.layout.value}", compositor.render(frame_time(clip)).copy()) for i, clip in enumerate(timeline.scenes)]
    slug = re.sub(r"[^a-z0-9]+", "-", example["name"].lower()).strip("-")
    sheet = tile(frames, out_dir / f"{slug}.png", columns=min(4, len(frames)))
    layouts = [clip.layout.value for clip in timeline.scenes]
    repeats = any(a == b for a, b in zip(layouts, layouts[1:]))
    share = palette_share([f for _, f in frames], [storyboard.palette.background, storyboard.palette.primary, storyboard.palette.accent])
    print(f"{example['name'][:34]:<34} style={storyboard.style_id:<9} palette share={share:4.0%}  {' > '.join(layouts)}  -> {sheet}")
    return example["name"], layouts, repeats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="only prompts whose name contains this")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "design-check")
    parser.add_argument("--style", default=None, help="force one style for every prompt")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()
    from tests.examples import example_prompts
    from tests.avatar.photo_media import grace_hopper

    args.out.mkdir(parents=True, exist_ok=True)
    photo = grace_hopper()  # a public-domain portrait from a wheel stands in for the unreachable image URL
    started = time.perf_counter()
    results = [check(e, args.out, photo, args.style, args.width, args.height)
               for e in example_prompts() if not args.only or args.only.lower() in e["name"].lower()]
    print(f"{len(results)} contact sheets in {time.perf_counter() - started:.0f} s")
    bad = [name for name, _, repeats in results if repeats]
    if bad:
        raise SystemExit(f"consecutive scenes share a layout in: {', '.join(bad)}")


if __name__ == "__main__":
    main()
