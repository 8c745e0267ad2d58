"""onetake: one prompt in, one finished presenter video out."""

__version__ = "0.1.0"

import os as _os

# One BLAS thread in every onetake process, set before numpy loads: on shared cores OpenBLAS's
# own threads made small products 10-200x slower (STACK.md); the icon matcher's model in the
# main process is such a case. An explicit setting by the user wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")
