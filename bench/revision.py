"""What a revision costs against a full render, with the speech and segment caches.

    .venv/bin/python bench/revision.py [--runs 3] [--out DIR]

Plans a 45-second explainer with the rule-based planner, renders it with an
empty cache (the full render), then from a cache holding only that render:
nothing changed (the floor: timeline, soundtrack, join, outputs), (a) one
scene's wording changed, (b) another palette, (c) another length (planned
again for 35 s). Then (d): the same wording edit on the storyboard without
its length target, against that storyboard's own full render. Prints wall and
CPU seconds (this process and its render workers) and each revision's ratio
to the full render; medians over the runs. One worker pool, warmed by an
untimed render first, serves every render, as in the service.

Why (d): with a length target, the fit (timeline.pauses.fit_speech) spreads
the time to fill over every sentence pause and cut of the video, so a
wording edit anywhere moves every scene's timing, and the caches rightly
re-draw them. Without a target each scene's timing is its own.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from onetake.agent.reading import read
from onetake.agent.storyboard import Palette, Storyboard
from onetake.brief.models import Brief
from onetake.pipeline import make_video, plan_parts
from onetake.workers import WorkerPool

PROMPT = (
    "Create a 45-second explainer video for Tidewater Bikes, a bike repair and rental shop by the harbour in Portsmouth. "
    "Scenes: 1) a hook about a flat tyre ruining a Saturday ride, 2) same-day repairs while you have a coffee next door, "
    "3) city and e-bike rentals by the hour or the week, 4) a free safety check with every rental, "
    "5) a loyalty card: every fifth service free. Friendly and upbeat tone, palette teal, sand and coral. "
    "End with a call to action to book online at tidewaterbikes.co.uk."
)
LONGER_SECONDS = 35.0


def cpu_seconds(pool: WorkerPool) -> float:
    """CPU time of this process (its threads included) and of the pool's live worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    tick = os.sysconf("SC_CLK_TCK")
    for pid in list(pool.executor._processes):  # the workers live on between renders: RUSAGE_CHILDREN never sees them
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def render(brief: Brief, board: Storyboard, cast, out: Path, cache: Path, pool: WorkerPool):
    wall, cpu = time.perf_counter(), cpu_seconds(pool)
    outputs = make_video(brief, out, pool=pool, storyboard=board, cast=cast, cache_dir=cache)
    return time.perf_counter() - wall, cpu_seconds(pool) - cpu, outputs


def reworded(board: Storyboard, index: int) -> Storyboard:
    scene = board.scenes[index]
    scenes = list(board.scenes)
    scenes[index] = scene.model_copy(update={"narration": scene.narration.rstrip(".!? ") + ", and we mean it."})
    return board.model_copy(update={"scenes": scenes})


def recoloured(board: Storyboard) -> Storyboard:
    palette = Palette(background="#1F1A2E", surface="#2E2842", primary="#7C3AED", accent="#F97316", text="#F8FAFC", muted="#A1A1AA")
    return board.model_copy(update={"palette": palette, "palette_from_brief": True})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    root = args.out or Path(tempfile.mkdtemp(prefix="onetake-revision-"))
    brief = Brief(prompt=PROMPT)
    _, board, cast = plan_parts(brief, read(brief))
    longer_brief = brief.model_copy(update={"duration": LONGER_SECONDS})
    _, longer, longer_cast = plan_parts(longer_brief, read(longer_brief))
    middle = len(board.scenes) // 2
    free = board.model_copy(update={"duration_requested": False})
    print(f"storyboard: {len(board.scenes)} scenes, target {board.target_duration:.0f} s; edit scene {middle}: {board.scenes[middle].narration!r}")
    variants = {
        "unchanged (the floor)": (brief, board, cast),
        "(a) wording of one scene": (brief, reworded(board, middle), cast),
        "(b) palette": (brief, recoloured(board), cast),
        f"(c) duration {LONGER_SECONDS:.0f} s": (longer_brief, longer, longer_cast),
    }
    results: dict[str, list[tuple[float, float]]] = {"full render": []}
    results.update({name: [] for name in variants})
    results.update({"full render, no length target": [], "(d) wording, no length target": []})
    with WorkerPool(2) as pool:
        render(brief, board, cast, root / "warm-up", root / "warm-up-cache", pool)  # loads voices, fonts and rigs in the workers
        for run in range(args.runs):
            base = root / f"run{run}"
            for name, full_board, cache in (("", board, base / "cache"), (", no length target", free, base / "free")):
                wall, cpu, outputs = render(brief, full_board, cast, base / f"full{name}", cache, pool)
                results[f"full render{name}"].append((wall, cpu))
                print(f"run {run} full render{name}: {outputs.duration:.1f} s of video, {wall:.1f} s wall, {cpu:.1f} s CPU, {outputs.work}")
            wall, cpu, outputs = render(brief, reworded(free, middle), cast, base / "rev-free", base / "free", pool)
            results["(d) wording, no length target"].append((wall, cpu))
            print(f"run {run} (d) wording, no length target: {wall:.1f} s wall, {cpu:.1f} s CPU, {outputs.work}")
            for i, (name, (variant_brief, variant, variant_cast)) in enumerate(variants.items()):
                cache = base / f"cache-{i}"
                shutil.copytree(base / "cache", cache)  # each revision starts from the full render's cache alone
                wall, cpu, outputs = render(variant_brief, variant, variant_cast, base / f"rev{i}", cache, pool)
                results[name].append((wall, cpu))
                print(f"run {run} {name}: {wall:.1f} s wall, {cpu:.1f} s CPU, {outputs.work}")
    full = {"": results["full render"], "d": results["full render, no length target"]}
    print(f"\nmedians over {args.runs} run(s)               wall s   CPU s   wall/full  CPU/full")
    for name, values in results.items():
        baseline = full["d" if "no length target" in name else ""]  # (d) against its own storyboard's full render
        full_wall, full_cpu = statistics.median(w for w, _ in baseline), statistics.median(c for _, c in baseline)
        wall, cpu = statistics.median(w for w, _ in values), statistics.median(c for _, c in values)
        print(f"{name:36s} {wall:7.1f} {cpu:7.1f} {wall / full_wall:9.0%} {cpu / full_cpu:9.0%}")
    if args.out is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
