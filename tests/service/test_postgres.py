"""The same server on PostgreSQL: migrations, keys, sessions, assets, webhooks and pagination (no rendering needed).

A throwaway cluster is made with the machine's PostgreSQL (Debian `postgresql`, installed by
scripts/setup.sh) in a temporary directory, listening on a loopback port only.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import Server, free_port, poll_session, wait_draft

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="module")
def pg_url(tmp_path_factory):
    assert BIN, "PostgreSQL is not installed (scripts/setup.sh installs the Debian package)"
    bin_dir = BIN[-1]
    root = Path(tempfile.mkdtemp(prefix="onetake-pg-"))  # not under pytest's root-only folder: the server runs as postgres
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = free_port()
    subprocess.run(_as_postgres([f"{bin_dir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]), check=True, capture_output=True)
    subprocess.run(_as_postgres([f"{bin_dir}/pg_ctl", "-D", str(data), "-w", "-l", str(root / "log"), "-o",
                                 f"-h 127.0.0.1 -p {port} -k {root} -F", "start"]), check=True, capture_output=True)
    yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    subprocess.run(_as_postgres([f"{bin_dir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
    shutil.rmtree(root, ignore_errors=True)


def test_server_on_postgres(pg_url, tmp_path, receiver, portrait_photo):
    from onetake.service.db import Database
    from onetake.service.keys import create_key

    db = Database(pg_url)  # runs the Alembic migrations on PostgreSQL
    _, key = create_key(db, "pg")
    db.close()
    server = Server(tmp_path, allow=[f"127.0.0.1:{receiver.port}"], extra_env={"ONETAKE_DATABASE_URL": pg_url.replace("postgresql+psycopg://", "postgresql://")})
    server.start()
    try:
        client = httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=30)
        asset = client.post("/v3/assets", files={"file": ("me.jpg", portrait_photo.read_bytes(), "image/jpeg")})
        assert asset.status_code == 200, asset.text
        chat = client.post("/v3/video-agents", json={"prompt": "A 20-second intro for Orbit Gym", "mode": "chat",
                                                     "files": [{"type": "asset_id", "asset_id": asset.json()["data"]["asset_id"]}]})
        assert chat.status_code == 200, chat.text
        session = wait_draft(client, chat.json()["data"]["session_id"])
        assert session["status"] == "reviewing" and session["messages"][0]["resource_ids"]
        made = client.post("/v3/video-agents", json={"prompt": "A short hello from Orbit Gym", "duration": 5, "width": 320, "height": 180},
                           headers={"Idempotency-Key": "pg-1"})
        again = client.post("/v3/video-agents", json={"prompt": "A short hello from Orbit Gym", "duration": 5, "width": 320, "height": 180},
                            headers={"Idempotency-Key": "pg-1"})
        assert made.status_code == 200 and again.json() == made.json()
        client.post(f"/v3/video-agents/{made.json()['data']['session_id']}/stop")
        stopped = poll_session(client, made.json()["data"]["session_id"], 120)
        assert stopped["status"] == "failed"
        page1 = client.get("/v3/video-agents", params={"limit": 1}).json()
        page2 = client.get("/v3/video-agents", params={"limit": 1, "token": page1["next_token"]}).json()
        assert page1["has_more"] and {page1["data"][0]["session_id"], page2["data"][0]["session_id"]} == {session["session_id"], stopped["session_id"]}
        kit = client.post("/v3/brand-kits", data={"name": "Orbit Gym", "primary": "#FF5500"})
        assert kit.status_code == 200, kit.text
        kit_id = kit.json()["data"]["brand_kit_id"]
        assert [k["brand_kit_id"] for k in client.get("/v3/brand-kits").json()["data"]] == [kit_id]
        branded = client.post("/v3/video-agents", json={"prompt": "A 20-second intro for Orbit Gym", "mode": "chat", "brand_kit_id": kit_id})
        assert branded.status_code == 200, branded.text
        assert client.post("/v3/video-agents", json={"prompt": "Orbit Gym", "brand_kit_id": "bk_000000000000"}).json()["error"]["param"] == "brand_kit_id"
        assert client.delete(f"/v3/brand-kits/{kit_id}").status_code == 200 and client.get(f"/v3/brand-kits/{kit_id}").status_code == 404
        hook = client.post("/v3/webhooks/endpoints", json={"url": f"{receiver.base}/hooks/pg"}).json()["data"]
        assert hook["secret"] and client.get("/v3/webhooks/endpoints").json()["data"][0]["endpoint_id"] == hook["endpoint_id"]
        assert client.get(f"/v3/videos/{stopped['video_id']}").json()["data"]["failure_code"] == "cancelled"
    finally:
        server.stop()
