"""Every bad input is one clear line naming the option and the limit, and a non-zero exit."""

import subprocess
from pathlib import Path
import sys

import pytest

from onetake.cli import run


def _fail(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        run(argv)
    assert exit_info.value.code != 0
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


@pytest.mark.parametrize(
    "extra, expected",
    [
        (["--duration", "3"], "--duration must be between 5 and 300 seconds"),
        (["--duration", "301"], "--duration must be between 5 and 300 seconds"),
        (["--duration", "soon"], "--duration"),
        (["--width", "64"], "--width must be between 128 and 3840"),
        (["--height", "99999"], "--height must be between 128 and 3840"),
        (["--orientation", "diagonal"], "--orientation must be landscape or portrait"),
        (["--format", "gif"], "--format must be one of mp4, webm, mov"),
        (["--quality", "100"], "--quality must be between 20 and 99"),
        (["--avatar", "nobody"], "--avatar unknown avatar id 'nobody'"),
        (["--voice", "robot"], "--voice unknown voice id 'robot'"),
        (["--style", "vaporwave"], "--style unknown style id 'vaporwave'"),
        (["--file", "/no/such/file.png"], "--file cannot read '/no/such/file.png'"),
        (["--bogus"], "No such option '--bogus'"),
    ],
)
def test_bad_options(capsys, tmp_path, extra, expected):
    err = _fail(capsys, ["make", "A short video about tea", "--out", str(tmp_path), *extra])
    assert expected in err
    assert not any(tmp_path.iterdir()), "nothing is written for a refused request"


def test_empty_and_oversized_prompts(capsys, tmp_path):
    assert "PROMPT must not be empty" in _fail(capsys, ["make", "  ", "--out", str(tmp_path)])
    assert "PROMPT is 10001 characters; the limit is 10000" in _fail(capsys, ["make", "x" * 10_001, "--out", str(tmp_path)])


def test_too_many_files(capsys, tmp_path, portrait_photo):
    argv = ["make", "A video", "--out", str(tmp_path)]
    for _ in range(21):
        argv += ["--file", str(portrait_photo)]
    assert "--file 21 files given; the limit is 20" in _fail(capsys, argv)


def test_unreadable_files(capsys, tmp_path):
    assert "is a directory" in _fail(capsys, ["make", "A video", "--out", str(tmp_path / "out"), "--file", str(tmp_path)])
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # a PNG signature and nothing decodable
    err = _fail(capsys, ["make", "A video", "--out", str(tmp_path / "out"), "--file", str(broken)])
    assert "broken.png': not a decodable image" in err


def test_public_avatar_ids_from_other_clients_resolve(capsys):
    from onetake.agent.casting import cast

    chosen = cast("", "Judy_ConfidentSpeaking_Front_public", None)
    assert chosen.presenter_id and "closest stock presenter" in chosen.notes[0]
    from onetake.avatar.catalogue import get_presenter

    assert get_presenter(chosen.presenter_id).gender == "female"


def test_the_installed_entry_point_prints_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "onetake", "make", "", "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: PROMPT must not be empty"


def test_catalogue_listings(capsys):
    import json

    for command, key in (("avatars", "id"), ("voices", "id"), ("styles", "id")):
        run([command, "--json"])
        rows = json.loads(capsys.readouterr().out)
        assert len(rows) >= 4 and all(key in row for row in rows)
        if command == "avatars":
            for row in rows:
                assert Path(row["preview_image"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_style_palette_applies_unless_the_brief_names_colours():
    from tests.planning import plan
    from onetake.brief.models import Brief
    from onetake.visuals.styles import apply_style, get_style

    plain = apply_style(plan(Brief(prompt="A video about our bakery")), "forest")
    assert plain.palette == get_style("forest").palette
    coloured = apply_style(plan(Brief(prompt="A video about our bakery. Palette: coral and navy.")), "forest")
    assert coloured.palette != get_style("forest").palette and coloured.style_id == "forest"


def test_plan_prints_the_storyboard_and_cast_without_rendering(capsys, tmp_path):
    import json

    run(["plan", "A 20-second video from Sarah, our CEO, about Acme's new office", "--style", "daylight"])
    result = json.loads(capsys.readouterr().out)
    assert result["storyboard"]["target_duration"] == 20
    assert result["storyboard"]["style_id"] == "daylight"
    assert result["cast"]["voice_id"] == "heart"
    assert "--style unknown style id" in _fail(capsys, ["plan", "A video", "--style", "nope"])


def test_avatar_image_without_a_face_is_one_line_naming_the_option(tmp_path, capsys):
    from onetake.cli import run
    from tests.avatar.photo_media import landscape_no_face

    with pytest.raises(SystemExit) as exited:
        run(["plan", "A video", "--avatar-image", str(landscape_no_face(tmp_path))])
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: --avatar-image no face found") and "\n" not in err


def test_save_avatar_command_and_listing(tmp_path, monkeypatch, capsys):
    import json

    from onetake.cli import run
    from tests.avatar.photo_media import grace_hopper

    monkeypatch.setenv("ONETAKE_HOME", str(tmp_path))
    run(["save-avatar", str(grace_hopper()), "--name", "Grace Hopper", "--gender", "female"])  # success returns
    assert capsys.readouterr().out.strip() == "grace-hopper"
    run(["avatars", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert any(r["id"] == "grace-hopper" and r["style"] == ["photo"] for r in rows)
