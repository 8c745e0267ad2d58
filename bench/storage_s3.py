"""What S3 storage costs per operation, against moto's S3-compatible server on a loopback port.

Publishes a render-sized folder (12 files, ~2.4 MB, like one 640x360 8-second video's outputs), fetches
it back into an empty working copy, presigns URLs, counts a key's bytes over N session folders (what
every quota check does) and deletes the folder. Medians of a few runs; a local server, so this measures
onetake's overhead and moto's, not a network's.

    .venv/bin/python bench/storage_s3.py [--sessions 100]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = [1_500_000, 420_000, 230_000, 180_000, 90_000, 20_000, 9_000, 6_000, 3_000, 2_000, 1_500, 1_000]  # ~one render's files


def timed(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    from moto.server import ThreadedMotoServer

    from onetake.service.config import ServiceConfig
    from onetake.service.s3_storage import S3Storage

    os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench"})
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    work = Path(tempfile.mkdtemp(prefix="onetake-s3-bench-"))
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        config = dict(storage="s3://bench/b", s3_endpoint_url=endpoint)
        import boto3

        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket="bench")
        storage = S3Storage(ServiceConfig(data_dir=work / "a", **config))
        folder = storage.video_dir("vid_bench")
        folder.mkdir(parents=True)
        for n, size in enumerate(SIZES):
            (folder / f"f{n}.bin").write_bytes(os.urandom(size))
        print(f"folder: {len(SIZES)} files, {sum(SIZES):,} bytes")
        print(f"publish       {timed(lambda: storage.publish(folder)) * 1000:8.1f} ms")
        other = S3Storage(ServiceConfig(data_dir=work / "b", **config))

        def fetch():
            shutil.rmtree(other.video_dir("vid_bench"), ignore_errors=True)
            other.materialise(other.video_dir("vid_bench"))

        print(f"materialise   {timed(fetch) * 1000:8.1f} ms")
        per_url = timed(lambda: [storage.signed_url(f"videos/vid_bench/f{n}.bin") for n in range(1000)]) / 1000
        print(f"presign       {per_url * 1000:8.3f} ms per URL")
        client = storage.client
        for n in range(args.sessions):
            client.put_object(Bucket="bench", Key=f"b/inputs/sess_{n:04d}/file-0.png", Body=b"x" * 1000)
        folders = [storage.session_inputs(f"sess_{n:04d}") for n in range(args.sessions)]
        print(f"quota count   {timed(lambda: storage.stored_bytes(folders), 3) * 1000:8.1f} ms over {args.sessions} session folders")
        print(f"delete folder {timed(lambda: storage.remove_tree(folder), 1) * 1000:8.1f} ms")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
