"""The Celery application both sides share: the API server only sends tasks by name, workers run them.

Settings, and why:
- task_acks_late + task_reject_on_worker_lost: a message is acknowledged only after its task returns, and a
  task whose process died (SIGKILL, OOM) goes back to the queue instead of being dropped.
- worker_prefetch_multiplier=1: a worker holds only the task it runs; a second one waiting in a busy
  worker's buffer would wait there while another machine sits idle.
- visibility_timeout (ONETAKE_CELERY_VISIBILITY_TIMEOUT, default 3600 s): with Redis, a message delivered
  but not acknowledged within this time is handed out again. That is what brings back the tasks of a worker
  killed outright (its unacknowledged messages are restored by the next worker that starts or sweeps), and it
  must exceed the longest single task: the video task plans and speaks (about a minute for a long video), a
  segment task draws 2 s of video, so an hour leaves a wide margin. A task redelivered while its first
  delivery still runs is harmless anyway: steps are leased and the end of a video is one conditional UPDATE.
- unacked_restore_interval/throttle (ONETAKE_CELERY_RESTORE_INTERVAL, default 10 s): how often a running
  worker sweeps for such messages.
"""

from __future__ import annotations

import os

from celery import Celery

QUEUE = "onetake"
TASK_VIDEO, TASK_SEGMENT, TASK_JOIN, TASK_DRAFT, TASK_PROBE = "onetake.video", "onetake.segment", "onetake.join", "onetake.draft", "onetake.probe"


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw not in (None, "") else default


def make_celery(broker_url: str, with_tasks: bool = False) -> Celery:
    app = Celery("onetake", broker=broker_url, backend=broker_url, include=["onetake.service.distributed.tasks"] if with_tasks else [])
    visibility = _number("ONETAKE_CELERY_VISIBILITY_TIMEOUT", 3600)
    restore = _number("ONETAKE_CELERY_RESTORE_INTERVAL", 10)
    transport = {"visibility_timeout": visibility, "unacked_restore_interval": restore, "unacked_restore_throttle": 1}
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": visibility},
        broker_connection_retry_on_startup=True,
        task_default_queue=QUEUE,
        task_serializer="json", result_serializer="json", accept_content=["json"],  # ids and paths only: nothing pickled crosses the broker
        result_expires=24 * 3600,
        worker_hijack_root_logger=False,  # `onetake worker` sets up logging itself: one line per task
        worker_redirect_stdouts=False,
        task_send_sent_event=False,
    )
    return app
