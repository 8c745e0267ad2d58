"""Render every prompt of shared/examples/prompts.json from the CLI and print speed and memory.

    make bench            # or: .venv/bin/python bench/run_examples.py [--only NAME] [--workers N]

Real-time factor = wall seconds / video seconds (lower is faster; < 1 is faster
than real time). CPU/s = CPU seconds of the CLI and its workers per video second:
it moves less than wall time on a shared machine. Peak RSS is sampled over the
whole process tree (parent and render workers together), every 50 ms.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import av
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_one(example: dict, out_dir: Path, workers: int | None, photo: Path) -> dict:
    command = [sys.executable, "-m", "onetake", "make", example["prompt"], "--out", str(out_dir)]
    if "duration" in example:
        command += ["--duration", str(example["duration"])]
    if "width" in example:
        command += ["--width", str(example["width"]), "--height", str(example["height"])]
    inputs = example.get("inputs", {})
    if "avatar" in inputs:
        command += ["--avatar", inputs["avatar"]]
    if "image" in inputs:  # the prompt's URL is unreachable here: a local photo stands in
        command += ["--file", str(photo)]
    if workers:
        command += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.05)  # sampling interval of the memory probe, not a wait for a result
    wall = time.perf_counter() - started
    stdout, stderr = process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the CLI and the workers it joined
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if process.returncode != 0:
        raise SystemExit(f"{example['name']}: exit {process.returncode}\n{stderr}")
    video = Path(stdout.strip().splitlines()[-1])
    probe = probe_video(video)
    seconds = probe["video_s"]
    return {"name": example["name"], "requested": example.get("duration"), "wall_s": wall, "rtf": wall / seconds, "cpu_per_s": cpu / seconds, "peak_rss_mb": peak / 2**20, "video": str(video)} | probe


def probe_video(path: Path) -> dict:
    """Streams, size and the decoded lengths of picture and sound."""
    with av.open(str(path)) as container:
        video, audio = container.streams.video, container.streams.audio
        frames = sum(1 for _ in container.decode(video=0))
        rate = float(video[0].average_rate)
    with av.open(str(path)) as container:
        samples = sum(f.samples for f in container.decode(audio=0))
        sample_rate = container.streams.audio[0].rate
    return {
        "streams": f"{len(video)}x{video[0].codec_context.name} {video[0].width}x{video[0].height} + {len(audio)}x{audio[0].codec_context.name}",
        "video_s": frames / rate,
        "audio_s": samples / sample_rate,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="run only prompts whose name contains this")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    from tests.examples import example_prompts
    from tests.avatar.photo_media import grace_hopper

    photo = grace_hopper()  # a public-domain portrait from a wheel stands in for the unreachable image URL
    examples = [e for e in example_prompts() if not args.only or args.only.lower() in e["name"].lower()]
    rows = [run_one(e, args.out, args.workers, photo) for e in examples]
    print(f"{'prompt':<32} {'streams':<27} {'asked':>5} {'video s':>8} {'a-v s':>6} {'wall s':>7} {'RTF':>5} {'CPU/s':>6} {'peak RSS MB':>12}")
    for r in rows:
        asked = f"{r['requested']:g}" if r["requested"] else "-"
        print(
            f"{r['name'][:32]:<32} {r['streams']:<27} {asked:>5} {r['video_s']:8.2f} {r['audio_s'] - r['video_s']:6.3f} "
            f"{r['wall_s']:7.1f} {r['rtf']:5.2f} {r['cpu_per_s']:6.2f} {r['peak_rss_mb']:12.0f}"
        )
    print(f"median RTF {statistics.median(r['rtf'] for r in rows):.2f}; median CPU/s {statistics.median(r['cpu_per_s'] for r in rows):.2f}; max peak RSS {max(r['peak_rss_mb'] for r in rows):.0f} MB; cores {psutil.cpu_count()}")
    (args.out / "bench.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
