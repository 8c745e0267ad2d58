"""Face landmarks with mediapipe face mesh (478 points; its models ship in the wheel).

The only module that imports mediapipe (0.2 s, see _face_mesh_module): it runs once per photo, in the
parent process; the points travel to render workers inside the PhotoAvatar.
"""

from __future__ import annotations

import math
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from onetake.errors import InvalidInput

MIN_FACE_PX = 96  # forehead to chin; below this the mouth is a few pixels wide
MAX_YAW = 0.42  # nose offset from the face's midline, as a fraction of its half width (~30 degrees)
PITCH_RANGE = (0.22, 0.72)  # nose height between the eye line (0) and the chin (1)
MAX_ROLL_DEG = 40.0  # tilted photos are straightened up to this


@dataclass(frozen=True)
class FaceFit:
    points: np.ndarray  # (478, 2) float32 pixel coordinates in the photo
    faces_found: int


@contextmanager
def _quiet_stderr():
    """mediapipe's C++ side logs to fd 2 before any log setup (TFLite delegate, feedback tensors):
    silence the descriptor itself while it runs, so users see only our own messages."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _face_mesh_module():
    """mediapipe's face mesh solution, loaded without running the `mediapipe` and `solutions` package
    __init__ files: they import every solution plus matplotlib.pyplot for drawing helpers onetake never
    uses (0.9 s against 0.2 s). Their submodules import normally; the two packages stay empty shells,
    and onetake uses nothing else of mediapipe."""
    import importlib
    import importlib.util

    for package in ("mediapipe", "mediapipe.python.solutions"):
        if package not in sys.modules:
            sys.modules[package] = importlib.util.module_from_spec(importlib.util.find_spec(package))
    return importlib.import_module("mediapipe.python.solutions.face_mesh")


def _landmarks(rgb: np.ndarray):
    os.environ.setdefault("GLOG_minloglevel", "2")
    with _quiet_stderr():
        face_mesh = _face_mesh_module()

        with face_mesh.FaceMesh(static_image_mode=True, max_num_faces=4, refine_landmarks=True, min_detection_confidence=0.5) as mesh:
            return mesh.process(np.ascontiguousarray(rgb)).multi_face_landmarks or []


def find_face(rgb: np.ndarray, field: str, name: str) -> FaceFit:
    """The largest face in an RGB photo, checked for size and angle; InvalidInput when unusable."""
    h, w = rgb.shape[:2]
    faces = _landmarks(rgb)
    if not faces:
        raise InvalidInput(field, f"no face found in '{name}'; use a well-lit, front-facing head-and-shoulders photo")
    meshes = [np.array([(p.x * w, p.y * h) for p in f.landmark], dtype=np.float32) for f in faces]
    pts = max(meshes, key=lambda m: float(np.ptp(m[:, 0]) * np.ptp(m[:, 1])))
    check_pose(pts, field, name)
    return FaceFit(points=pts, faces_found=len(faces))


def face_height(pts: np.ndarray) -> float:
    return float(np.hypot(*(pts[152] - pts[10])))


def roll_degrees(pts: np.ndarray) -> float:
    """Angle of the line between the eye centres (positive: the subject's left eye lower in the image)."""
    left, right = pts[[33, 133]].mean(axis=0), pts[[362, 263]].mean(axis=0)
    return math.degrees(math.atan2(float(right[1] - left[1]), float(right[0] - left[0])))


def check_pose(pts: np.ndarray, field: str, name: str) -> None:
    height = face_height(pts)
    if height < MIN_FACE_PX:
        raise InvalidInput(field, f"the face in '{name}' is {height:.0f} px tall; an avatar needs at least {MIN_FACE_PX} px (use a closer or larger photo)")
    roll = roll_degrees(pts)
    if abs(roll) > MAX_ROLL_DEG:
        raise InvalidInput(field, f"the face in '{name}' is tilted {abs(roll):.0f} degrees; the limit is {MAX_ROLL_DEG:.0f}")
    # Work in the face's own upright frame so a tilted photo is judged like a straight one.
    a = math.radians(-roll)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]], dtype=np.float32)
    up = pts @ rot.T
    left, right, nose = up[234], up[454], up[1]
    half = max(1.0, (right[0] - left[0]) / 2)
    yaw = (nose[0] - (left[0] + right[0]) / 2) / half
    if abs(yaw) > MAX_YAW:
        raise InvalidInput(field, f"the face in '{name}' is turned too far to the side (about {math.degrees(math.asin(min(1.0, abs(yaw)))):.0f} degrees); use a front-facing photo")
    eye_y = (up[159][1] + up[386][1]) / 2
    pitch = (nose[1] - eye_y) / max(1.0, up[152][1] - eye_y)
    if not PITCH_RANGE[0] <= pitch <= PITCH_RANGE[1]:
        raise InvalidInput(field, f"the face in '{name}' looks too far {'up' if pitch < PITCH_RANGE[0] else 'down'}; use a photo taken at eye level")
