"""onnxruntime sessions shared by the neural engines."""

from __future__ import annotations

import os
from collections.abc import Callable

import onnx
import onnxruntime as ort

# Renders run in parallel worker processes, so one thread each is the default;
# ONETAKE_TTS_THREADS raises it for a single interactive process.
_THREADS_ENV = "ONETAKE_TTS_THREADS"


def expose(*names: str) -> Callable[[onnx.ModelProto], None]:
    """A patch that marks internal tensors as extra graph outputs."""

    def patch(model: onnx.ModelProto) -> None:
        present = {o.name for o in model.graph.output}
        for name in names:
            if name not in present:
                info = onnx.ValueInfoProto()
                info.name = name
                model.graph.output.append(info)

    return patch


def patched_session(model_path: str, patch: Callable[[onnx.ModelProto], object]) -> ort.InferenceSession:
    """Load a model patched in memory (e.g. to expose phoneme durations).

    In memory, not on disk: site-packages stays untouched and there is no cache file
    for two processes to race on. It costs ~0.3 s per load.
    """
    model = onnx.load(model_path)
    patch(model)
    opts = ort.SessionOptions()
    threads = int(os.environ.get(_THREADS_ENV, "1"))
    opts.intra_op_num_threads = opts.inter_op_num_threads = threads
    opts.log_severity_level = 3
    return ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"])
