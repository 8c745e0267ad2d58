"""PresenterRig: composes baked layers and per-frame features into a talking bust.

A frame is ~7 axis-aligned image draws (hair, body, head, glasses...) plus a
few dozen small vector paths for the eyes, brows and mouth, which change every
frame. Head turns are faked by parallax between layers, tilts by pre-rotated
layers, nods and breathing by small shifts.
"""

from __future__ import annotations

import math

import skia

from onetake.avatar.anatomy import DESIGN, PIVOT, Anatomy, anatomy_for
from onetake.avatar.catalogue import PresenterInfo
from onetake.avatar.face import BrowPainter, EyePainter, skin_tones
from onetake.avatar.layers import TILT_STEP, Layer, layer_set
from onetake.avatar.motion import Pose
from onetake.avatar.mouth import MouthPainter, blend

_SAMPLING = skia.SamplingOptions(skia.FilterMode.kLinear)  # sub-pixel motion without judder
MAX_TILT = 6.0  # degrees

# How far each layer slides sideways at a full head turn (design units): near
# features move more than the skull and the back of the hair moves the other way,
# a cheap parallax that reads as a 3D turn.
_PARALLAX = {"hair_back": -5.0, "head": 3.0, "detail": 13.0, "features": 12.0, "hair_front": 5.0, "glasses": 12.0}


class PresenterRig:
    """Draws one presenter as a head-and-shoulders bust, `height_px` tall and as wide."""

    def __init__(self, presenter: PresenterInfo, height_px: int):
        self.presenter = presenter
        self.height_px = int(height_px)
        self.scale = self.height_px / DESIGN
        look = presenter.look
        self.anat: Anatomy = anatomy_for(look)
        self.layers = layer_set(look, self.height_px)
        self.eyes = EyePainter(look, self.anat)
        self.brows = BrowPainter(look, self.anat)
        self.mouth = MouthPainter(look, self.anat.mouth_y, skin_tones(look).line)

    @staticmethod
    def _image(c: skia.Canvas, layer: Layer | None, dx: float = 0.0, dy: float = 0.0) -> None:
        if layer is None:
            return
        r = layer.rect
        c.drawImageRect(layer.image, skia.Rect.MakeLTRB(r.left() + dx, r.top() + dy, r.right() + dx, r.bottom() + dy),
                        _SAMPLING)

    def _head_image(self, c: skia.Canvas, name: str, tilt: float, shift: tuple[float, float],
                    dx: float, dy: float) -> None:
        """Draw a head layer as if rotated by `tilt` about the pivot, from the nearest pre-rotated copy."""
        base = self.layers.get(name)
        if base is None:
            return
        step = int(round(tilt / TILT_STEP))
        # Where the layer's centre (plus its parallax offset) lands under the exact and the
        # quantised rotation; the difference is drawn as a shift.
        px, py = PIVOT
        ax, ay = base.rect.centerX() + dx - px, base.rect.centerY() + dy - py
        bx, by = base.rect.centerX() - px, base.rect.centerY() - py
        a, q = math.radians(tilt), math.radians(step * TILT_STEP)
        ex = (ax * math.cos(a) - ay * math.sin(a)) - (bx * math.cos(q) - by * math.sin(q))
        ey = (ax * math.sin(a) + ay * math.cos(a)) - (bx * math.sin(q) + by * math.cos(q))
        self._image(c, self.layers.get(name, step), ex + shift[0], ey + shift[1])

    def draw(self, canvas: skia.Canvas, cx: float, bottom: float, mouth: dict[str, float], pose: Pose) -> None:
        """Draw centred on `cx` with the bust's bottom edge on `bottom` (transparent around it).

        `mouth` is viseme weights (from VisemeTrack.weights_at); `pose` comes from MotionTrack.
        """
        c = canvas
        turn = max(-1.0, min(1.0, pose.head_turn))
        tilt = max(-MAX_TILT, min(MAX_TILT, pose.head_tilt))
        lift = pose.breath * 5.0  # design units; shoulders rise on the in-breath
        sway = pose.head_shift * 5.0
        shift = (sway, -lift * 1.1 + pose.head_nod * 4.0)  # the head rides on the breathing shoulders
        fdy = pose.head_nod * 5.0  # a nod drops the features a little relative to the skull
        fx = _PARALLAX["features"] * turn

        c.save()
        c.translate(cx, bottom - self.height_px)
        c.scale(self.scale, self.scale)

        self._head_image(c, "hair_back", tilt, shift, _PARALLAX["hair_back"] * turn, 0.0)
        c.save()
        c.clipRect(skia.Rect.MakeLTRB(-DESIGN, -DESIGN, DESIGN, DESIGN))  # the bust ends at `bottom`
        self._image(c, self.layers.get("body"), sway * 0.4, -lift)
        c.restore()
        self._head_image(c, "head", tilt, shift, _PARALLAX["head"] * turn, 0.0)
        self._head_image(c, "detail", tilt, shift, _PARALLAX["detail"] * turn, fdy)

        # The features change every frame; vector paths are cheap to draw rotated exactly.
        c.save()
        c.translate(*shift)
        c.rotate(tilt, PIVOT[0], PIVOT[1])
        self.brows.draw(c, pose.brow_raise, fx, fdy - 2.0 * pose.brow_raise)
        self.eyes.draw(c, 1.0 - pose.blink, pose.gaze_x, pose.gaze_y, fx, fdy)
        self.mouth.draw(c, blend(mouth), fx, fdy)
        c.restore()

        self._head_image(c, "moustache", tilt, shift, fx, fdy)
        self._head_image(c, "hair_front", tilt, shift, _PARALLAX["hair_front"] * turn, 0.0)
        self._head_image(c, "glasses", tilt, shift, _PARALLAX["glasses"] * turn, fdy)
        c.restore()
