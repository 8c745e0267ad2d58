"""A throwaway S3-compatible server for the storage tests: moto's standalone server (PyPI `moto[s3]` + Flask),
a stand-in for S3 itself, which cannot be reached here. It listens on a free loopback port for the
duration of the tests that use it and is stopped after."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

# moto accepts any credentials; boto3 still needs some to sign with. Test-only values.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "onetake-test", "AWS_SECRET_ACCESS_KEY": "onetake-test-secret", "AWS_DEFAULT_REGION": "us-east-1"}


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
