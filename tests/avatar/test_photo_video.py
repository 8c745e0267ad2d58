"""A whole video presented by a photo avatar: the portrait is on screen and its mouth moves with the voice."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np

from onetake.cli import run
from tests.avatar.photo_media import grace_hopper


def test_photo_avatar_video_talks_in_sync(tmp_path, capsys):
    run(["make", "A 6-second talking-head welcome from Grace, our founder.", "--avatar-image", str(grace_hopper()),
         "--duration", "6", "--width", "640", "--height", "360", "--out", str(tmp_path)])
    captured = capsys.readouterr()
    video = Path(captured.out.strip().splitlines()[-1])
    assert "photo avatar made from 'grace_hopper.jpg'" in captured.err
    timeline = json.loads((video.parent / "timeline.json").read_text())
    track = timeline["presenter"]
    assert track["photo"]["name"] == "Grace" and len(track["photo"]["points"]) == 478
    with av.open(str(video)) as container:
        fps = float(container.streams.video[0].average_rate)
        frames = [f.to_ndarray(format="rgb24").astype(np.int32) for f in container.decode(video=0)]
    # Where the mouth is on screen in presenter_full: find it from the first full-frame scene's rig placement.
    from onetake.avatar.photo.model import PhotoAvatar
    from onetake.avatar.photo.rig import PhotoRig

    full = [c for c in timeline["scenes"] if c["layout"] == "presenter_full"]
    assert full, "a presenter shot is expected in a short welcome"
    rig = PhotoRig(PhotoAvatar.model_validate(track["photo"]), "full", 640, 360)
    p = rig.base.points - rig.base.margin
    mouth = (slice(int(p[0][1]) - 4, int(p[17][1]) + 10), slice(int(p[61][0]) - 4, int(p[291][0]) + 4))
    clip = full[0]
    speech = [f for f in range(len(frames)) if clip["speech_start"] + 0.2 < f / fps < min(clip["end"], clip["speech_end"]) - 0.2]
    assert len(speech) > 10
    # The mouth changes a lot more while speaking than the forehead does (sway and breathing move both a little).
    forehead = (slice(int(p[10][1]) + 2, int(p[10][1]) + 14), mouth[1])
    mouth_motion = np.mean([np.abs(frames[a][mouth] - frames[a + 1][mouth]).mean() for a in speech[:-1]])
    brow_motion = np.mean([np.abs(frames[a][forehead] - frames[a + 1][forehead]).mean() for a in speech[:-1]])
    assert mouth_motion > 2.0 * brow_motion and mouth_motion > 1.0
