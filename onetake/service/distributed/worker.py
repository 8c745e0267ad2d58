"""`onetake worker`: a Celery worker (prefork: one process per task at once) over the server's broker,
database and storage, logging one line per task with its duration."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path


def run_worker(broker_url: str | None, concurrency: int | None, data_dir: Path | None, database_url: str | None, name: str | None) -> None:
    from onetake.service.config import load_config
    from onetake.service.joblimits import export as export_job_memory
    from onetake.service.private import restrict_umask
    from onetake.workers import default_worker_count

    # The tasks read the same ONETAKE_* settings as the server: flags given here go into the environment the pool processes inherit.
    for env, value in (("ONETAKE_BROKER_URL", broker_url), ("ONETAKE_DATA_DIR", data_dir), ("ONETAKE_DATABASE_URL", database_url)):
        if value:
            os.environ[env] = str(value)
    os.environ["ONETAKE_JOB_BACKEND"] = "celery"
    config = load_config()  # fails here, naming the setting, when the broker is missing
    for key in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # one BLAS thread per process (STACK.md)
        os.environ.setdefault(key, "1")
    export_job_memory(config.job_memory_mb)
    restrict_umask()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(processName)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("celery").setLevel(logging.WARNING)  # its own per-task lines would double ours

    from onetake.service.distributed.app import make_celery

    app = make_celery(config.broker_url, with_tasks=True)
    node = name or f"onetake-{os.getpid()}@{socket.gethostname()}"
    app.worker_main(["worker", "--pool", "prefork", "--concurrency", str(concurrency or default_worker_count()), "--hostname", node,
                     "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--queues", "onetake"])
