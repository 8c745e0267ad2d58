"""A short lease in Redis: which worker is doing one step of one video right now.

The database row stays the truth (pending / processing / completed); the lease only keeps two deliveries
of the same message (a redelivery while the first worker still runs) from doing the same step at once.
It is kept alive by a heartbeat while held, so it outlives a slow step but lapses within `ttl_s` when its
worker is killed: the redelivered task then takes it over.
"""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager

# Delete or extend only while the value is still our token: a lease that lapsed and was taken over is not ours.
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
_EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"


@contextmanager
def lease(client, name: str, ttl_s: float):
    """Yields True while this process holds `name`, False (at once) when another does."""
    key, token, ttl_ms = f"onetake:lease:{name}", uuid.uuid4().hex, max(1, int(ttl_s * 1000))
    if not client.set(key, token, nx=True, px=ttl_ms):
        yield False
        return
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(ttl_s / 3):
            client.eval(_EXTEND, 1, key, token, ttl_ms)

    heart = threading.Thread(target=beat, name=f"lease-{name}", daemon=True)
    heart.start()
    try:
        yield True
    finally:
        stop.set()
        heart.join(timeout=ttl_s)
        client.eval(_RELEASE, 1, key, token)
