"""The import task the worker runs: its only argument is the run's id; the file stays with the run."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from putright.imports.uploads import import_run


@task()
def import_run_task(run_id: int) -> str:
    return import_run(run_id=run_id, now=timezone.now())
