"""The planner's evaluation set as a table: 65 fresh briefs, each checked against hand-written gold annotations.

    make eval-planner        # or: .venv/bin/python bench/eval_planner.py [--set main|fresh|all] [--only NAME] [--verbose]

Each brief (bench/eval/briefs.py) is made into a Brief as the CLI does and planned with
onetake.pipeline.plan_and_cast; bench/eval/checks.py defines every check and "grounded".
One row per brief, then the totals. Exit status 1 when any brief fails a check.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval.briefs import BRIEFS  # noqa: E402
from bench.eval.fresh_briefs import FRESH  # noqa: E402
from bench.eval.heldout_briefs import HELDOUT  # noqa: E402

SETS = {"main": BRIEFS, "fresh": FRESH, "heldout": HELDOUT, "all": BRIEFS + FRESH + HELDOUT}
from bench.eval.run import CHECKS, run_brief  # noqa: E402

_SHORT = {"duration": "dur", "orientation": "ori", "language": "lng", "brand": "brd", "cta": "cta", "items": "itm",
          "scenes": "scn", "quotes": "quo", "directions": "dir", "figures": "fig", "gender": "gen", "visuals": "vis", "greetings": "grt"}


def run_all(names: list[str] | None = None, briefs: list[dict] = BRIEFS):
    chosen = [b for b in briefs if not names or any(n in b["name"] for n in names)]
    with tempfile.TemporaryDirectory(prefix="onetake-eval-") as tmp:
        return [run_brief(b, Path(tmp)) for b in chosen]


def totals(results) -> dict:
    grounded = sum(r.grounded for r in results)
    sentences = sum(r.sentences for r in results)
    times = [r.seconds for r in results if r.error is None] or [0.0]
    return {
        "briefs": len(results),
        "passing": sum(r.passed for r in results),
        "grounded_share": grounded / sentences if sentences else 0.0,
        "grounded": grounded, "sentences": sentences,
        "median_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times),
        "speech_share_median": statistics.median([r.speech_share for r in results]) if results else 0.0,
        "speech_share_under_60": sum(r.speech_share < 0.6 for r in results),
        "failing_by_check": {c: sum(bool(r.problems.get(c)) for r in results) for c in CHECKS},
        "crashed": [r.gold["name"] for r in results if r.error],
    }


def print_table(results, verbose: bool = False) -> dict:
    print(f"{'brief':28} {'kind':17} " + " ".join(f"{_SHORT[c]:>3}" for c in CHECKS) + f" {'ground':>7} {'ms':>6}")
    for r in results:
        marks = " ".join(("  ." if not r.problems.get(c) else "  X") for c in CHECKS)
        print(f"{r.gold['name'][:28]:28} {r.gold['kind'][:17]:17} {marks} {r.grounded:>3}/{r.sentences:<3} {1000 * r.seconds:6.0f}")
        if verbose or not r.passed:
            if r.error:
                print(f"    CRASH {r.error}")
            for c in CHECKS:
                for p in r.problems.get(c, [])[:6]:
                    print(f"    {c}: {p}")
            for s in r.filler[:4]:
                print(f"    filler: {s!r}")
        if verbose and r.storyboard:
            for s in r.storyboard["scenes"]:
                print(f"      [{s['role']} {s['duration_budget']:.1f}s] {s['narration']}  | {s['on_screen_text']} {s['bullets']} q={s['visual_query']!r} m={s['media']}")
    t = totals(results)
    print(f"\n{t['passing']}/{t['briefs']} briefs pass every check; grounded sentences {t['grounded']}/{t['sentences']} "
          f"({100 * t['grounded_share']:.0f}%); planning median {t['median_ms']:.0f} ms, max {t['max_ms']:.0f} ms")
    print(f"speech share (spoken / length): median {100 * t['speech_share_median']:.0f}%; "
          f"{t['speech_share_under_60']} briefs under 60% (their time goes to held pictures under music)")
    print("briefs failing each check: " + ", ".join(f"{c} {n}" for c, n in t["failing_by_check"].items()))
    if t["crashed"]:
        print("planner crashed on: " + ", ".join(t["crashed"]))
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="run only briefs whose name contains one of these")
    ap.add_argument("--verbose", action="store_true", help="print every problem and every scene")
    ap.add_argument("--set", choices=sorted(SETS), default="main", help="main: the 65 briefs; fresh: 20 written later; heldout: 12 written after (see heldout_briefs.py)")
    args = ap.parse_args()
    t = print_table(run_all(args.only, SETS[args.set]), args.verbose)
    return 0 if t["passing"] == t["briefs"] else 1


if __name__ == "__main__":
    sys.exit(main())
