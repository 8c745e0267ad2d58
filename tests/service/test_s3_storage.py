"""S3Storage against a real S3-compatible server (moto's, on a loopback port): round trips, presigned URLs,
deletion, quotas' byte counts, configuration errors, and that the local default never imports boto3."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from onetake.service.config import ServiceConfig
from tests.service.conftest import ROOT
from tests.service.conftest import wait_until
from tests.service.s3_server import CREDENTIALS

BUCKET = "onetake-unit"


@pytest.fixture(scope="module")
def bucket(s3_server):
    s3_server.client().create_bucket(Bucket=BUCKET)
    return BUCKET


def make_storage(tmp_path, endpoint, prefix="unit/run", bucket=BUCKET, **extra):
    from onetake.service.s3_storage import S3Storage

    return S3Storage(ServiceConfig(data_dir=tmp_path, storage=f"s3://{bucket}/{prefix}", s3_endpoint_url=endpoint, **extra))


def test_publish_materialise_round_trip(tmp_path, s3_server, bucket):
    storage = make_storage(tmp_path / "a", s3_server.endpoint)
    folder = storage.video_dir("vid_1")
    (folder / "scene").mkdir(parents=True)
    files = {"out.mp4": bytes(range(256)) * 40, "out.srt": b"1\n00:00:00,000 --> 00:00:01,000\nHi\n", "scene/storyboard.json": b'{"title": "x"}'}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    storage.publish(folder)
    assert s3_server.keys(bucket, "unit/run/videos/vid_1/") == {f"unit/run/videos/vid_1/{n}": len(d) for n, d in files.items()}
    meta = s3_server.client().head_object(Bucket=bucket, Key="unit/run/videos/vid_1/out.srt")
    assert meta["ContentType"] == "application/x-subrip"

    # Another machine (an empty working copy) gets the same bytes back, file by file or a whole folder.
    other = make_storage(tmp_path / "b", s3_server.endpoint)
    one = other.materialise(other.video_dir("vid_1") / "out.mp4")
    assert one.read_bytes() == files["out.mp4"] and not (other.video_dir("vid_1") / "out.srt").exists()
    other.materialise(other.video_dir("vid_1"))
    assert {p.relative_to(other.video_dir("vid_1")).as_posix(): p.read_bytes() for p in other.video_dir("vid_1").rglob("*") if p.is_file()} == files
    assert other.stored_bytes([other.video_dir("vid_1")]) == sum(map(len, files.values()))


def test_scratch_is_not_published_and_kits_have_their_own_prefix(tmp_path, s3_server, bucket):
    storage = make_storage(tmp_path, s3_server.endpoint, prefix="scratch")
    inputs = storage.session_inputs("sess_1")
    (inputs / "cache").mkdir(parents=True)
    (inputs / "cache" / "frames.bin").write_bytes(b"x" * 100)
    (inputs / "file-0.png").write_bytes(b"png")
    storage.publish(inputs)
    kit = storage.kits_root / "bk_1"
    kit.mkdir()
    (kit / "kit.json").write_bytes(b"{}")
    storage.publish(kit)
    assert set(s3_server.keys(bucket, "scratch/")) == {"scratch/inputs/sess_1/file-0.png", "scratch/brand-kits/bk_1/kit.json"}
    assert storage.relative(kit / "kit.json") == "brand-kits/bk_1/kit.json"


def test_remove_tree_deletes_the_folder_and_only_it(tmp_path, s3_server, bucket):
    storage = make_storage(tmp_path, s3_server.endpoint, prefix="del")
    for video_id in ("vid_1", "vid_12"):  # a sibling whose name starts alike must survive
        folder = storage.video_dir(video_id)
        folder.mkdir(parents=True)
        for n in range(3):
            (folder / f"f{n}.bin").write_bytes(b"z" * (n + 1))
        storage.publish(folder)
    assert len(s3_server.keys(bucket, "del/")) == 6
    storage.remove_tree(storage.video_dir("vid_1"))
    assert set(s3_server.keys(bucket, "del/")) == {f"del/videos/vid_12/f{n}.bin" for n in range(3)}
    assert not storage.video_dir("vid_1").exists() and storage.video_dir("vid_12").exists()
    assert storage.stored_bytes([storage.video_dir("vid_1")]) == 0 and storage.stored_bytes([storage.video_dir("vid_12")]) == 6
    assert storage.stored_bytes([storage.video_dir(f"vid_{n}") for n in (1, 12, 12, 3)]) == 12  # each folder listed, in parallel


def test_delete_prefix_pages_past_a_thousand_keys(tmp_path, s3_server, bucket):
    storage = make_storage(tmp_path, s3_server.endpoint, prefix="many")
    client = s3_server.client()
    for n in range(1105):  # DeleteObjects takes 1000 keys at a time, list_objects_v2 returns 1000 a page
        client.put_object(Bucket=bucket, Key=f"many/assets/asset_1/{n:05d}", Body=b"")
    assert storage.delete_prefix("assets/asset_1") == 1105
    assert s3_server.keys(bucket, "many/") == {}


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_presigned_urls_carry_the_ttl_and_fetch_the_object(tmp_path, s3_server, bucket):
    storage = make_storage(tmp_path, s3_server.endpoint, prefix="urls", url_ttl_s=600)
    path = storage.asset_dir("asset_1") / "asset.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x89PNG fake but stored")
    storage.publish(path)
    before = int(time.time())
    url = storage.signed_url(storage.relative(path))
    assert url.startswith(f"{s3_server.endpoint}/{bucket}/urls/assets/asset_1/asset.png?")
    q = _query(url)
    signed_at = datetime.strptime(q["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).timestamp()
    assert q["X-Amz-Expires"] == "600" and before - 1 <= signed_at <= time.time() + 1  # the configured TTL from now
    assert _query(storage.signed_url(storage.relative(path), 2))["X-Amz-Expires"] == "2"  # a client's shorter TTL
    assert _query(storage.signed_url(storage.relative(path), 30 * 24 * 3600))["X-Amz-Expires"] == str(7 * 24 * 3600)  # SigV4's ceiling
    got = httpx.get(url, timeout=10)
    assert got.status_code == 200 and got.content == path.read_bytes() and got.headers["content-type"] == "image/png"
    # The built-in catalogue stays on this server's HMAC-signed /files route.
    assert "/files/catalogue/avatars/" in storage.signed_url("catalogue/avatars/p1.png")


def test_a_presigned_url_works_until_its_ttl_and_is_refused_after(tmp_path, s3rver_server):
    """Against s3rver, which checks expiry as S3 does (moto's server does not): the same S3Storage code, another server."""
    storage = make_storage(tmp_path, s3rver_server.endpoint, prefix="ttl", bucket="onetake-expiry")
    path = storage.video_dir("vid_1") / "out.srt"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"1\n00:00:00,000 --> 00:00:01,000\nHello\n")
    storage.publish(storage.video_dir("vid_1"))
    url = storage.signed_url(storage.relative(path), 2)
    signed = datetime.strptime(_query(url)["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).timestamp()  # whole seconds
    first = httpx.get(url, timeout=10)
    assert first.status_code == 200 and first.content == path.read_bytes()
    refused = wait_until(lambda: (r := httpx.get(url, timeout=10)).status_code == 403 and r, 15, 0.25, "the URL to expire")
    assert b"Request has expired" in refused.content and time.time() >= signed + 2  # not before its TTL
    assert httpx.get(storage.signed_url(storage.relative(path), 60), timeout=10).content == path.read_bytes()  # a fresh URL works
    # The round trip and deletion on this second server too.
    other = make_storage(tmp_path / "other", s3rver_server.endpoint, prefix="ttl", bucket="onetake-expiry")
    assert other.materialise(other.video_dir("vid_1") / "out.srt").read_bytes() == path.read_bytes()
    storage.remove_tree(storage.video_dir("vid_1"))
    assert s3rver_server.keys("onetake-expiry", "ttl/") == {}


def test_presigned_expiry_is_covered_by_the_signature(tmp_path, s3_server, bucket):
    """What makes expiry binding on a real S3: the signature is SigV4's over the URL *including* X-Amz-Date and
    X-Amz-Expires; recomputed with the secret it matches, and a URL whose expiry is stretched no longer does."""
    from botocore.auth import S3SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    storage = make_storage(tmp_path, s3_server.endpoint, prefix="sig")
    url = storage.signed_url("videos/vid_1/out.mp4", 2)
    q = _query(url)

    def signature(query: dict[str, str]) -> str:
        auth = S3SigV4QueryAuth(Credentials(CREDENTIALS["AWS_ACCESS_KEY_ID"], CREDENTIALS["AWS_SECRET_ACCESS_KEY"]), "s3", "us-east-1",
                                expires=int(query["X-Amz-Expires"]))
        unsigned = {k: v for k, v in query.items() if k != "X-Amz-Signature"}
        base = url.split("?")[0]
        request = AWSRequest(method="GET", url=f"{base}?{urlencode(unsigned)}", headers={"host": urlsplit(url).netloc})
        request.context["timestamp"] = query["X-Amz-Date"]
        canonical = auth.canonical_request(request)
        return auth.signature(auth.string_to_sign(request, canonical), request)

    assert signature(q) == q["X-Amz-Signature"]
    assert signature(q | {"X-Amz-Expires": "604800"}) != q["X-Amz-Signature"]


def test_a_missing_bucket_is_refused_at_start(tmp_path, s3_server):
    from onetake.service.s3_storage import S3Storage, StorageUnavailable

    with pytest.raises(StorageUnavailable, match="bucket 'no-such-bucket' cannot be used"):
        S3Storage(ServiceConfig(data_dir=tmp_path, storage="s3://no-such-bucket/x", s3_endpoint_url=s3_server.endpoint))


@pytest.mark.parametrize("value, says", [("s3://Bad_Bucket/x", "is not an S3 bucket name"), ("gs://bucket/x", "must be 'local' or s3://bucket/prefix"),
                                         ("s3://ab", "is not an S3 bucket name")])
def test_bad_storage_settings_name_the_field(tmp_path, value, says):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="storage") as err:
        ServiceConfig(data_dir=tmp_path, storage=value)
    assert says in str(err.value)
    run = subprocess.run([sys.executable, "-m", "onetake", "serve", "--storage", value], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "--storage" in run.stderr and says in run.stderr


def test_local_storage_is_the_default_and_never_imports_boto3(tmp_path):
    code = ("import sys; from onetake.service.config import ServiceConfig; from onetake.service.context import Services; "
            f"svc = Services.build(ServiceConfig(data_dir={str(tmp_path)!r})); "
            "print(type(svc.storage).__name__, 'boto3' in sys.modules, 'botocore' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["Storage", "False", "False"], run.stderr[-2000:]


def test_retention_removes_old_sessions_objects(tmp_path, s3_server, bucket):
    from onetake.service.db import Database
    from onetake.service.keys import create_key
    from onetake.service.models import Session, Video
    from onetake.service.retention import sweep

    storage = make_storage(tmp_path, s3_server.endpoint, prefix="retention")
    db = Database(f"sqlite:///{tmp_path / 'onetake.db'}")
    key, _ = create_key(db, "k")
    day = 86400
    with db.session() as s:
        for sid, done in (("old", 1000), ("new", 100 * day - 10)):
            s.add(Session(id=sid, key_id=key.id, shape="heygen", status="completed", request={}, created_at=0, completed_at=done))
            s.flush()
            s.add(Video(id=f"v_{sid}", session_id=sid, key_id=key.id, status="completed", created_at=0))
            for folder in (storage.session_inputs(sid), storage.video_dir(f"v_{sid}")):
                folder.mkdir(parents=True)
                (folder / "f").write_bytes(b"x")
                storage.publish(folder)
    assert len(s3_server.keys(bucket, "retention/")) == 4
    assert sweep(db, storage, retention_days=30, now=100 * day) == 1
    assert set(s3_server.keys(bucket, "retention/")) == {"retention/inputs/new/f", "retention/videos/v_new/f"}
    db.close()
