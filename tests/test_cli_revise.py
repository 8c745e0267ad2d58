"""`onetake revise` and `onetake make --review`: a message edits the plan kept beside a video, and renders it again."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

import av
import pytest

from onetake.cli import run

# An invented business, 10 s and small frames: each render here costs a few seconds.
PROMPT = ("A 10-second video for Tidewater Kayak Tours in Astoria. We run guided sunrise paddles on the Columbia River, "
          "and all gear is included. Book at tidewater.example.")
SMALL = ["--width", "640", "--height", "360"]


def _cli(*argv: str) -> Path:
    """Run the CLI in this process; its last stdout line is the video it wrote."""
    out = io.StringIO()
    with redirect_stdout(out):
        run(list(argv))
    return Path(out.getvalue().strip().splitlines()[-1])


def _probe(video: Path) -> tuple[float, int, int]:
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        return float(container.duration / av.time_base), stream.codec_context.width, stream.codec_context.height


def _plan(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("revise") / "out"
    return _cli("make", PROMPT, *SMALL, "--out", str(out))


def test_make_keeps_its_plan_and_request_beside_the_video(made):
    folder = made.parent
    plan = _plan(folder)
    assert plan["storyboard"]["target_duration"] == 10 and plan["cast"]["presenter_id"]
    request = json.loads((folder / "request.json").read_text(encoding="utf-8"))
    assert request["prompt"] == PROMPT and request["width"] == 640


def test_revise_to_6_seconds_renders_a_new_folder_with_the_same_cast(made):
    before = _plan(made.parent)
    video = _cli("revise", str(made.parent.parent), "Make it 6 seconds")  # the --out folder: its newest video

    assert video.parent == made.parent.parent / f"{made.parent.name}-r2" and video.is_file()
    duration, width, height = _probe(video)
    assert abs(duration - 6) <= 0.3 and (width, height) == (640, 360)
    after = _plan(video.parent)
    assert (after["cast"]["presenter_id"], after["cast"]["voice_id"]) == (before["cast"]["presenter_id"], before["cast"]["voice_id"])
    assert after["revision"] == 1 and json.loads((video.parent / "request.json").read_text())["duration"] == 6
    assert abs(_probe(made)[0] - 10) <= 0.3  # the original is untouched
    otio = video.with_suffix(".otio").read_text(encoding="utf-8")
    assert video.parent.resolve().as_uri() in otio and ".partial" not in otio  # the editable timeline links the new folder


def test_thanks_renders_nothing_and_an_unclear_message_fails_clearly(made, capsys):
    root = made.parent.parent
    folders = sorted(p.name for p in root.iterdir())
    run(["revise", str(made.parent), "Looks good, thanks!"])
    assert "Nothing to render" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        run(["revise", str(made.parent), "hmm, something feels off"])
    assert exited.value.code == 1
    assert "nothing was rendered" in capsys.readouterr().err
    assert sorted(p.name for p in root.iterdir()) == folders


def test_make_review_reads_a_change_then_yes_from_a_pipe(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("make it vertical\ny\n"))
    video = _cli("make", "--review", PROMPT, *SMALL, "--out", str(tmp_path))

    _, width, height = _probe(video)
    assert (width, height) == (360, 640)
    assert _plan(video.parent)["storyboard"]["orientation"] == "portrait"
    shown = capsys.readouterr().err
    assert shown.count("Render this?") == 2 and "orientation landscape -> portrait" in shown
