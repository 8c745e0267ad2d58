"""Throwaway S3-compatible servers for the storage tests, stand-ins for S3 itself, which cannot be reached here.
Each listens on a free loopback port for the tests that use it and is stopped after.

- moto's standalone server (PyPI `moto[s3]` + Flask): the main one; it does not check presigned URLs
  at all (an expired URL or a forged signature still downloads: tried), so
- s3rver (npm, installed by scripts/setup.sh into vendor/s3rver) serves the expiry test: it refuses
  a presigned URL once its X-Amz-Date + X-Amz-Expires has passed, as S3 does."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# s3rver's built-in test account (moto accepts any credentials): boto3 signs with these. Test-only values.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "S3RVER", "AWS_SECRET_ACCESS_KEY": "S3RVER", "AWS_DEFAULT_REGION": "us-east-1"}
S3RVER = Path(__file__).resolve().parents[2] / "vendor" / "s3rver" / "node_modules" / ".bin" / "s3rver"


@dataclass
class S3Server:
    endpoint: str

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1", aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"], config=Config(signature_version="s3v4"))

    def keys(self, bucket: str, prefix: str = "") -> dict[str, int]:
        """Every object under `prefix`: key -> size."""
        out = {}
        for page in self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            out |= {obj["Key"]: obj["Size"] for obj in page.get("Contents", [])}
        return out

    def body(self, bucket: str, key: str) -> bytes:
        return self.client().get_object(Bucket=bucket, Key=key)["Body"].read()


@pytest.fixture(scope="session")
def s3_server(monkeypatch_session_env):
    from moto.server import ThreadedMotoServer

    import logging

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield S3Server(f"http://{host}:{port}")
    server.stop()


@pytest.fixture(scope="session")
def s3rver_server(monkeypatch_session_env):
    """s3rver with one bucket, `onetake-expiry`, keeping its objects in a temporary folder."""
    import httpx

    from tests.service.conftest import free_port, wait_until

    assert S3RVER.exists() and shutil.which("node"), "s3rver is not installed (scripts/setup.sh installs it from npm)"
    folder = Path(tempfile.mkdtemp(prefix="onetake-s3rver-"))
    port = free_port()
    log = (folder / "s3rver.log").open("wb")
    proc = subprocess.Popen([str(S3RVER), "--directory", str(folder / "data"), "--address", "127.0.0.1", "--port", str(port),
                             "--configure-bucket", "onetake-expiry", "--silent"], stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}"

    def up():
        assert proc.poll() is None, (folder / "s3rver.log").read_text()[-2000:]
        try:
            return httpx.get(endpoint, timeout=2).status_code < 500
        except httpx.HTTPError:
            return False

    try:
        wait_until(up, 30, what="s3rver to answer")
        yield S3Server(endpoint)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def monkeypatch_session_env():
    """The test credentials in this process's environment (what boto3 reads, as a deployment would), restored after."""
    import os

    saved = {name: os.environ.get(name) for name in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
