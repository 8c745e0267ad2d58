"""The Celery job backend (`onetake serve --jobs celery`, `onetake worker`): imported only when it is chosen,
so the local default needs neither celery nor a Redis server."""
