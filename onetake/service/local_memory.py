"""Memory for the command line: the local user's facts, in the data folder's database under the local key.

The same store and rules as the API's memory (service/memory.py); the local key is the one a
`--no-auth` server uses, so what `onetake make` learns there serves both.
"""

from __future__ import annotations

import os
from pathlib import Path

from onetake.brief.models import Remembered


def _database(data_dir: Path | None):
    from onetake.service.config import default_data_dir
    from onetake.service.db import Database
    from onetake.service.keys import local_key

    folder = data_dir or Path(os.environ.get("ONETAKE_DATA_DIR") or default_data_dir())
    db = Database(f"sqlite:///{folder / 'onetake.db'}")
    return db, local_key(db).id


def recall(prompt: str, data_dir: Path | None = None) -> Remembered | None:
    from onetake.service.memory import recall as recall_facts

    db, key_id = _database(data_dir)
    try:
        with db.session() as s:
            found = recall_facts(s, key_id, prompt)
        return found[0] if found else None
    finally:
        db.close()


def learn(source: str, reading: dict, request: dict, data_dir: Path | None = None) -> int:
    from onetake.service.memory import learn as learn_facts

    db, key_id = _database(data_dir)
    try:
        with db.session() as s:
            return learn_facts(s, key_id, source, reading, request)
    finally:
        db.close()


def facts(data_dir: Path | None = None) -> list[dict]:
    from sqlalchemy import select

    from onetake.service.memory import fact_view
    from onetake.service.models import MemoryFact

    db, key_id = _database(data_dir)
    try:
        with db.session() as s:
            return [fact_view(f) for f in s.scalars(select(MemoryFact).where(MemoryFact.key_id == key_id).order_by(MemoryFact.brand_key, MemoryFact.kind))]
    finally:
        db.close()


def forget(fact_id: str | None = None, brand: str | None = None, data_dir: Path | None = None) -> int:
    """One fact by id, one brand's facts, or (neither given) everything. Returns how many were forgotten."""
    from sqlalchemy import delete

    from onetake.service.models import MemoryFact

    db, key_id = _database(data_dir)
    try:
        with db.session() as s:
            query = delete(MemoryFact).where(MemoryFact.key_id == key_id)
            if fact_id:
                query = query.where(MemoryFact.id == fact_id)
            if brand:
                query = query.where(MemoryFact.brand_key == brand.casefold())
            return s.execute(query).rowcount
    finally:
        db.close()
