import numpy as np

from onetake.avatar.motion import BLINK_DURATION, MotionTrack, Pose
from onetake.voice.models import WordTiming


def words(text: str, start: float = 0.5, rate: float = 0.32, gap: float = 0.06) -> list[WordTiming]:
    out, t = [], start
    for w in text.split():
        dur = rate * max(0.6, len(w) / 5)
        out.append(WordTiming(text=w, start=t, end=t + dur))
        t += dur + (0.45 if w[-1] in ".,!?" else gap)
    return out


SPEECH = words("Welcome to the product tour. Today we will look at dashboards, reports and the brand new "
               "automation features! Everything works offline, which your security team will appreciate. "
               "Let us get started.")


def test_blinks_have_natural_intervals_and_length():
    m = MotionTrack(SPEECH, 60.0, seed=3)
    times = np.array(m.blink_times)
    assert len(times) >= 10
    gaps = np.diff(times)
    assert gaps.min() >= 2.0 and gaps.max() <= 6.0
    assert 2.5 < gaps.mean() < 5.0
    # one blink: closed in the middle, open ~150 ms after it starts
    t0 = times[2]
    assert m.pose_at(t0 + 0.06).blink > 0.9
    assert m.pose_at(t0 + BLINK_DURATION + 0.01).blink == 0.0
    assert m.pose_at(t0 - 0.01).blink == 0.0
    ts = np.arange(0.0, 60.0, 0.01)
    closed = np.array([m.pose_at(float(t)).blink > 0.5 for t in ts])
    assert closed.mean() < 0.05  # eyes are open ~97% of the time


def test_determinism_by_seed():
    a = MotionTrack(SPEECH, 20.0, seed=42)
    b = MotionTrack(SPEECH, 20.0, seed=42)
    c = MotionTrack(SPEECH, 20.0, seed=43)
    ts = np.arange(0.0, 20.0, 0.04)
    assert [a.pose_at(float(t)) for t in ts] == [b.pose_at(float(t)) for t in ts]
    assert [a.pose_at(float(t)) for t in ts] != [c.pose_at(float(t)) for t in ts]


def test_poses_are_small_and_smooth():
    m = MotionTrack(SPEECH, 20.0, seed=1)
    ts = np.arange(0.0, 20.0, 0.04)
    poses = [m.pose_at(float(t)) for t in ts]
    assert all(isinstance(p, Pose) for p in poses)
    for field in ("head_turn", "head_tilt", "head_nod", "breath", "head_shift"):
        v = np.array([getattr(p, field) for p in poses])
        assert np.abs(v).max() <= (6.0 if field == "head_tilt" else 1.0)
        assert np.abs(np.diff(v)).max() < 0.35 * max(1e-9, np.ptp(v)) + 1e-9  # no pops between frames
        assert np.ptp(v) > 0.01  # and it does move
    breath = np.array([p.breath for p in poses])
    assert breath.min() >= 0.0 and breath.max() <= 1.0


def test_brows_rise_on_some_stressed_words_only():
    m = MotionTrack(SPEECH, 20.0, seed=5)
    assert 1 <= len(m.brow_events) <= len(SPEECH) // 2
    for t in m.brow_events:
        assert any(w.start - 0.1 <= t + 0.05 <= w.end for w in SPEECH)
        assert m.pose_at(t + 0.2).brow_raise > 0.5
    assert m.pose_at(0.0).brow_raise == 0.0


def test_head_moves_at_phrase_boundaries():
    m = MotionTrack(SPEECH, 20.0, seed=2)
    # after "tour." a new phrase starts: the head turn changes across it
    idx = next(i for i, w in enumerate(SPEECH) if w.text.endswith("tour."))
    start = SPEECH[idx + 1].start
    before, after = m.pose_at(start - 0.05), m.pose_at(start + 0.9)
    assert abs(after.head_turn - before.head_turn) > 0.05
    nod = max(m.pose_at(start + k * 0.02).head_nod for k in range(25))
    assert nod > 0.1


def test_idle_without_words_still_lives():
    m = MotionTrack([], 12.0, seed=0)
    ts = np.arange(0.0, 12.0, 0.04)
    turns = np.array([m.pose_at(float(t)).head_turn for t in ts])
    assert np.ptp(turns) > 0.05
    assert len(m.blink_times) >= 2
