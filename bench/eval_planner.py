"""The planner's evaluation set as a table: each brief's property checks and quality figures.

    make eval-planner        # or: .venv/bin/python bench/eval_planner.py [--wps 2.97] [--verbose]

Checks (see tests/agent/eval_briefs.py): duration budget, scene order, brand present, CTA last,
requested bullets, quotes verbatim, facts kept, no invented numbers, no direction words read
aloud, narration language, orientation/palette, no repeated sentences. Figures: words per second
of narration over the target, repeated-trigram rate, share of the brief's facts used, planning ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from onetake.agent.planner import checks as C  # noqa: E402
from tests.agent.eval_briefs import CASES, CHECKS, WPS, facts_used, run_case  # noqa: E402

_SHORT = {"duration": "dur", "order": "ord", "brand": "brd", "cta_last": "cta", "bullets": "bul", "quotes": "quo",
          "must_say": "fct", "numbers": "num", "directions": "dir", "language": "lng", "orientation": "frm",
          "repetition": "rep"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wps", type=float, default=WPS, help="voice words per second (default %(default)s)")
    ap.add_argument("--verbose", action="store_true", help="print each failure and every narration")
    args = ap.parse_args()
    results = [run_case(c, args.wps) for c in CASES]
    head = f"{'brief':24} {'kind':11} {'s':>5} " + " ".join(f"{_SHORT[c]:>3}" for c in CHECKS)
    head += f" {'w/s':>5} {'tri%':>5} {'facts':>7} {'ms':>5}"
    print(head)
    wps_all, tri_all, share_all, ms_all = [], [], [], []
    failures = 0
    for r in results:
        marks = []
        for c in CHECKS:
            v = r.checks.get(c)
            marks.append("  -" if v == "n/a" else ("  ok" if v is None else "  X")[-3:])
        text = C.narration_of(r.storyboard)
        wps = C.words_per_second(r.storyboard)
        tri = C.repeated_trigram_rate(text) * 100
        used, total = facts_used(r)
        wps_all.append(wps)
        tri_all.append(tri)
        if total:
            share_all.append(used / total)
        ms_all.append(r.ms)
        failures += not r.passed
        print(f"{r.case.name[:24]:24} {r.case.kind[:11]:11} {r.storyboard.target_duration:5.0f} " + " ".join(marks)
              + f" {wps:5.2f} {tri:5.1f} {used:>3}/{total:<3} {r.ms:5.1f}")
        if args.verbose or not r.passed:
            for c, v in r.checks.items():
                if v not in (None, "n/a"):
                    print(f"    {c}: {v}")
        if args.verbose:
            for s in r.storyboard.scenes:
                print(f"      [{s.role.value} {s.duration_budget:.1f}s] {s.narration}")
    print(f"\n{len(results) - failures}/{len(results)} briefs pass every check; "
          f"median words/s {statistics.median(wps_all):.2f} (voice {args.wps}); "
          f"mean repeated-trigram rate {statistics.mean(tri_all):.1f}%; "
          f"mean share of brief facts used {100 * statistics.mean(share_all):.0f}%; "
          f"median planning {statistics.median(ms_all):.1f} ms, max {max(ms_all):.1f} ms")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
