"""credits.txt beside the video: who made the icons and stock media it shows, as their licences ask."""

from __future__ import annotations

from pathlib import Path

from onetake.timeline.models import Timeline, VisualKind


def credits_lines(timeline: Timeline) -> list[str]:
    from onetake.visuals.icons import SETS, get_icon

    sets: dict[str, set[str]] = {}
    stock: list[str] = []
    for clip in timeline.scenes:
        for visual in clip.visuals:
            if visual.kind is VisualKind.icon and visual.icon:
                icon = get_icon(visual.icon)
                sets.setdefault(icon.set, set()).add(icon.name)
            if visual.credit and visual.credit not in stock:
                stock.append(visual.credit)
    lines = []
    for set_id, names in sorted(sets.items()):
        s = SETS[set_id]
        lines.append(f"{s.title} ({s.licence}): {', '.join(sorted(names))}. {s.notice}.")
    lines += stock
    return lines


def write_credits(video_dir: Path, timeline: Timeline) -> Path | None:
    lines = credits_lines(timeline)
    if not lines:
        return None
    path = video_dir / "credits.txt"
    path.write_text("Credits\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path
