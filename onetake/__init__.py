"""onetake: one prompt in, one finished presenter video out."""

import os as _os
from pathlib import Path as _Path

__version__ = "0.1.0"

# Must be set before skia loads fontconfig (see visuals/fonts.conf); a user's own setting wins.
_os.environ.setdefault("FONTCONFIG_FILE", str(_Path(__file__).parent / "visuals" / "fonts.conf"))
