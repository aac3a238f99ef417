"""Imports started from the staff page: upload, confirm the mapping, run as a task.

The file is kept with its run, so the worker reads the same bytes the officer previewed.
"""

from __future__ import annotations

import io
from datetime import datetime
from functools import partial
from typing import IO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from putright.core.actor import Actor, user_or_none
from putright.core.errors import InvalidInput
from putright.imports.mapping import FIELDS, Mapping, propose_mapping
from putright.imports.models import ImportRun, RunStatus
from putright.imports.reading import Table, UnreadableFile, table_read
from putright.imports.rows import CheckedRow, categories_by_name, row_check
from putright.imports.services import import_complaints

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PREVIEW_ROWS = 5


def import_upload(*, actor: Actor | None, name: str, data: IO[bytes]) -> ImportRun:
    """Keep an uploaded file as a draft run, with a mapping proposed from its headers."""
    content = data.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise InvalidInput({"file": "The file is larger than 20 MB: split it and import each part"})
    try:
        table = table_read(name, _bytes(content))
    except UnreadableFile as exc:
        raise InvalidInput({"file": str(exc)}) from exc
    run = ImportRun(
        file_name=name[:255],
        started_by=user_or_none(actor),
        status=RunStatus.DRAFT,
        total_rows=table.total,
        mapping=propose_mapping(table.headers).columns,
    )
    suffix = ".xlsx" if name.lower().endswith(".xlsx") else ".csv"
    run.upload.save(f"import{suffix}", ContentFile(content), save=False)
    run.save()
    return run


def _bytes(content: bytes) -> IO[bytes]:
    return io.BytesIO(content)


def run_table(run: ImportRun) -> Table:
    with run.upload.open("rb") as data:
        return table_read(run.file_name, _bytes(data.read()))


def import_preview(run: ImportRun) -> tuple[list[str], list[CheckedRow], list[dict[str, str]]]:
    """The file's headers, and its first rows checked against the run's mapping."""
    table = run_table(run)
    mapping, categories, today = run_mapping(run), categories_by_name(), timezone.localdate()
    checked, cells = [], []
    for number, row in table.rows:
        checked.append(row_check(number, row, mapping, today, categories))
        cells.append({name: str(row.get(header, "")) for name, header in mapping.columns.items()})
        if len(checked) == PREVIEW_ROWS:
            break
    return table.headers, checked, cells


def import_mapping_set(*, run_id: int, columns: dict[str, str], create_categories: bool) -> ImportRun:
    run = ImportRun.objects.get(pk=run_id, status=RunStatus.DRAFT)
    chosen = {name: header for name, header in columns.items() if name in FIELDS and header}
    problems = Mapping(chosen).check(run_table(run).headers)
    run.mapping = {**chosen, "__create_categories": "yes" if create_categories else ""}
    run.save(update_fields=["mapping"])
    if problems:
        raise InvalidInput({"mapping": "; ".join(problems)})
    return run


def import_start(*, run_id: int) -> ImportRun:
    """Queue the run; the worker imports it (`import_run_task`) after this commits."""
    from putright.imports.tasks import import_run_task

    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run_id)
        if run.status != RunStatus.DRAFT:
            return run
        run.status = RunStatus.QUEUED
        run.save(update_fields=["status"])
        transaction.on_commit(partial(import_run_task.enqueue, run.pk))
    return run


def run_mapping(run: ImportRun) -> Mapping:
    columns = {k: v for k, v in run.mapping.items() if not k.startswith("__")}
    return Mapping(columns, create_categories=bool(run.mapping.get("__create_categories")))


def import_run(*, run_id: int, now: datetime) -> str:
    run = ImportRun.objects.get(pk=run_id)
    if run.status != RunStatus.QUEUED:
        return "skipped"
    actor = run.started_by
    import_complaints(
        actor=actor, now=now, file_name=run.file_name, table=run_table(run), mapping=run_mapping(run), run=run
    )
    return "finished"
