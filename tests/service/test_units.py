"""Fast checks of the service's parts without a server: the SSRF guard, sniffing, signed URLs, keys, the CLI."""

from __future__ import annotations

import json

import pytest

from onetake.service.config import ServiceConfig
from onetake.service.errors import ApiError
from onetake.service.fetch import Guard, UnsafeUrl
from onetake.service.sniff import sniff


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "fd00:ec2::254",
                                     "::ffff:127.0.0.1", "::ffff:169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1"])
def test_guard_refuses_non_public_peers(address):
    # check_ip is what runs on the connected socket's peer too, so a DNS answer that changed after the check is caught.
    with pytest.raises(UnsafeUrl):
        Guard().check_ip("example.org", 80, address)


def test_guard_allow_list_forms():
    Guard(("10.0.0.0/8",)).check_ip("files.internal", 80, "10.2.3.4")
    Guard(("files.internal",)).check_ip("files.internal", 80, "10.2.3.4")
    Guard(("127.0.0.1:8080",)).check_ip("127.0.0.1", 8080, "127.0.0.1")
    with pytest.raises(UnsafeUrl):
        Guard(("127.0.0.1:8080",)).check_ip("127.0.0.1", 8081, "127.0.0.1")
    Guard().check_ip("example.org", 443, "93.184.215.14")


@pytest.mark.parametrize("url", ["gopher://x/", "http://user:pw@example.org/", "http:///nohost", "javascript:alert(1)"])
def test_guard_refuses_odd_urls(url):
    with pytest.raises(UnsafeUrl):
        Guard().check_url(url)


def test_sniff_uses_the_bytes(portrait_photo):
    assert sniff(portrait_photo.read_bytes(), "f", "application/octet-stream") == "image/jpeg"
    assert sniff(b"1\n00:00:00,000 --> 00:00:01,000\nHello\n", "f", None) == "application/x-subrip"
    with pytest.raises(ApiError) as exc:
        sniff(b"%!PS-Adobe-3.0 not a pdf" * 10, "f", "application/pdf")
    assert exc.value.code == "unsupported_media_type"


def test_signed_urls(tmp_path):
    from onetake.service.storage import Storage

    storage = Storage(ServiceConfig(data_dir=tmp_path))
    url = storage.signed_url("videos/v1/a.mp4", ttl=60)
    query = dict(part.split("=") for part in url.split("?")[1].split("&"))
    assert storage.verify("videos/v1/a.mp4", int(query["expires"]), query["sig"])
    assert not storage.verify("videos/v2/a.mp4", int(query["expires"]), query["sig"])  # a signature is for one path
    assert not storage.verify("videos/v1/a.mp4", int(query["expires"]) + 1, query["sig"])  # and one expiry
    assert not storage.verify("videos/v1/a.mp4", 1, storage._sig("videos/v1/a.mp4", 1))  # expired
    with pytest.raises(ValueError):
        storage.absolute("../../etc/passwd")


def test_no_auth_refused_beyond_loopback(tmp_path):
    from onetake.service.context import Services

    with pytest.raises(ValueError, match="no-auth"):
        Services.build(ServiceConfig(data_dir=tmp_path, host="0.0.0.0", no_auth=True))


def test_keys_cli(tmp_path, capsys):
    from onetake.cli import run

    run(["keys", "create", "--name", "ci", "--data-dir", str(tmp_path)])
    created = json.loads(capsys.readouterr().out)
    assert created["api_key"].startswith("ot_") and created["webhook_secret"].startswith("whsec_")
    run(["keys", "list", "--data-dir", str(tmp_path)])
    listed = json.loads(capsys.readouterr().out)
    assert [k["id"] for k in listed] == [created["id"]] and created["api_key"] not in json.dumps(listed)
    run(["keys", "revoke", created["id"], "--data-dir", str(tmp_path)])
    capsys.readouterr()
    from onetake.service.db import Database
    from onetake.service.keys import lookup_key

    assert lookup_key(Database(f"sqlite:///{tmp_path / 'onetake.db'}"), created["api_key"]) is None
    with pytest.raises(SystemExit):
        run(["keys", "revoke", created["id"], "--data-dir", str(tmp_path)])


def test_migrations_match_the_models(tmp_path):
    """The Alembic head creates exactly the tables and columns the models declare."""
    from alembic.migration import MigrationContext
    from alembic.autogenerate import compare_metadata

    from onetake.service.db import Database
    from onetake.service.models import Base

    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_from_0001_keeps_the_rows_and_adds_brand_kits(tmp_path):
    """A database made by the first release upgrades in place at start-up (migration 0002_brand_kits)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from onetake.service.db import MIGRATIONS, Database
    from onetake.service.keys import create_key, lookup_key
    from onetake.service.models import BrandKitOwner

    url = f"sqlite:///{tmp_path / 'old.db'}"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, "0001")
    old = Database(url, run_migrations=False)
    assert "brand_kits" not in inspect(old.engine).get_table_names()
    row, plaintext = create_key(old, "before")
    old.close()
    db = Database(url)  # what `onetake serve` does on start
    assert lookup_key(db, plaintext).id == row.id
    with db.session() as s:
        s.add(BrandKitOwner(id="bk_0123456789ab", key_id=row.id, name="Acme", created_at=1))
    with db.session() as s:
        assert s.get(BrandKitOwner, "bk_0123456789ab").key_id == row.id
    command.downgrade(cfg, "0001")  # and back, for an operator rolling a release back
    assert "brand_kits" not in inspect(db.engine).get_table_names()
    db.close()


def test_storage_signs_brand_kit_files_outside_the_files_directory(tmp_path):
    from onetake.service.storage import Storage

    storage = Storage(ServiceConfig(data_dir=tmp_path / "data", brand_kits_dir=tmp_path / "kits"))
    logo = tmp_path / "kits" / "bk_0123456789ab" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"png")
    relative = storage.relative(logo)
    assert relative == "brand-kits/bk_0123456789ab/logo.png" and storage.absolute(relative) == logo.resolve()
    with pytest.raises(ValueError):
        storage.absolute("brand-kits/../../data/url-signing.key")
    assert ServiceConfig(data_dir=tmp_path).brand_kits_root() == tmp_path / "brand_kits"


def test_no_auth_local_mode(tmp_path):
    """Off by default; when on (loopback only) requests without a key act as the one local user."""
    import asyncio

    import httpx

    from onetake.service.app import create_app

    async def calls():
        closed = httpx.AsyncClient(transport=httpx.ASGITransport(create_app(ServiceConfig(data_dir=tmp_path / "a"))), base_url="http://t")
        assert (await closed.get("/v3/videos")).status_code == 401
        local = httpx.AsyncClient(transport=httpx.ASGITransport(create_app(ServiceConfig(data_dir=tmp_path / "b", no_auth=True))),
                                  base_url="http://127.0.0.1")  # no-auth answers loopback Host names only
        assert (await local.get("/v3/videos")).json() == {"data": [], "has_more": False, "next_token": None}
        # A public IP literal: checked without DNS, never contacted.
        made = await local.post("/v3/webhooks/endpoints", json={"url": "https://93.184.215.14/hook"})
        assert made.status_code == 200
        listed = (await local.get("/v3/webhooks/endpoints")).json()["data"]
        assert [e["endpoint_id"] for e in listed] == [made.json()["data"]["endpoint_id"]]

    asyncio.run(calls())
