"""Photo avatars: a user's portrait made to speak by warping it along a face mesh.

prepare (source -> landmarks -> PhotoAvatar, once, in the parent process) ->
PhotoRig (crop for a framing, then per frame: mesh warp, drawn mouth interior).
Only `landmarks` imports mediapipe; render workers never need it.
"""

from onetake.avatar.photo.model import PhotoAvatar
from onetake.avatar.photo.prepare import prepare_photo

__all__ = ["PhotoAvatar", "prepare_photo"]
