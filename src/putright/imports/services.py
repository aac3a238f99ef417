"""Importing past complaints: the one writer, used by `putright import complaints`.

Each row is imported in its own transaction (all of it or none of it); a row with any error
writes nothing and is reported with its row, column and message. A complaint already imported
under the same external reference is updated, not added again. At the end the figures are
recounted, so reports include the imported history at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from django.db import DatabaseError, transaction

from putright.cases.services.deadlines import edition_for, landlord_policy
from putright.cases.services.imported import PastComplaint, complaint_import
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.governance.services import figures_count
from putright.imports.mapping import Mapping
from putright.imports.models import ImportedComplaint, ImportRun, RunStatus
from putright.imports.reading import Table
from putright.imports.rows import CheckedRow, RowError, categories_by_name, row_check
from putright.landlord.models import Category
from putright.landlord.services import category_add
from putright.rules.editions import Policy, Ruleset, ruleset_by_key
from putright.spreadsheets import csv_row

Progress = Callable[[int, int], None]
# Rows written per transaction (each in its own savepoint); the progress bar moves per chunk.
CHUNK_ROWS = 200
MAX_ERRORS_KEPT = 10_000


def code_edition_for(received_on: date) -> Ruleset:
    """The edition of the Code an imported complaint is judged on: the one in force on the day
    it was received. The one place to change if the complaint comes to store its edition."""
    return ruleset_by_key(edition_for(received_on))


@dataclass
class ImportSummary:
    total: int = 0
    created: int = 0
    updated: int = 0
    failed: int = 0
    errors: list[RowError] = field(default_factory=list)
    run_id: int | None = None


def import_complaints(
    *,
    actor: Actor | None,
    now: datetime,
    file_name: str,
    table: Table,
    mapping: Mapping,
    dry_run: bool = False,
    progress: Progress | None = None,
    run: ImportRun | None = None,
) -> ImportSummary:
    """Check every row, and unless `dry_run` import each good one; answer what happened.

    `run` is the record of an import started from the staff page; the command makes its own.
    """
    problems = mapping.check(table.headers)
    if problems:
        raise ValueError("; ".join(problems))
    if run is not None:
        run.status, run.started_at, run.total_rows = RunStatus.RUNNING, now, table.total
        run.save(update_fields=["status", "started_at", "total_rows"])
    elif not dry_run:
        run = ImportRun.objects.create(
            file_name=file_name[:255],
            started_at=now,
            started_by=user_or_none(actor),
            total_rows=table.total,
            mapping=mapping.columns,
        )
    summary = ImportSummary(total=table.total, run_id=run.pk if run else None)
    today, categories, seen = england_date(now), categories_by_name(), set[str]()
    done = 0
    for chunk in _chunks(table.rows, CHUNK_ROWS):
        checked = [_checked(number, cells, mapping, today, categories, seen) for number, cells in chunk]
        for row in checked:
            if row.errors or row.past is None:
                summary.failed += 1
                summary.errors.extend(row.errors)
        good = [row for row in checked if not (row.errors or row.past is None)]
        if run is not None and good:
            _import_chunk(actor, now, run, good, categories, summary)
        done += len(chunk)
        if run is not None:
            _save_progress(run, done, summary)
        if progress is not None:
            progress(done, table.total)
    if run is not None:
        run.errors = [asdict(e) for e in summary.errors[:MAX_ERRORS_KEPT]]
        run.finished_at, run.status = now, RunStatus.FINISHED
        run.save(update_fields=["errors", "finished_at", "status"])
        if summary.created or summary.updated:
            # Once, at the end: the figures of every day the rows touched, recounted together.
            figures_count(now=now)
    return summary


def _chunks(
    rows: Iterable[tuple[int, dict[str, Any]]], size: int
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    chunk: list[tuple[int, dict[str, Any]]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _checked(
    number: int,
    cells: dict[str, Any],
    mapping: Mapping,
    today: date,
    categories: dict[str, Category],
    seen: set[str],
) -> CheckedRow:
    checked = row_check(number, cells, mapping, today, categories)
    if checked.external_reference in seen:
        column = mapping.columns["external_reference"]
        checked.errors.append(RowError(number, column, "This reference is on an earlier row too"))
    seen.add(checked.external_reference)
    return checked


def _import_chunk(
    actor: Actor | None,
    now: datetime,
    run: ImportRun,
    rows: list[CheckedRow],
    categories: dict[str, Category],
    summary: ImportSummary,
) -> None:
    """Write a chunk of checked rows in one transaction, each row in its own savepoint.

    One commit per chunk instead of per row is most of the speed on SQLite; the savepoint
    keeps each row all or nothing: a row the database refuses is rolled back alone and
    reported, and the rows around it are kept.
    """
    policy = landlord_policy()
    with transaction.atomic():
        imported = {
            ref: complaint_id
            for ref, complaint_id in ImportedComplaint.objects.filter(
                external_reference__in=[row.external_reference for row in rows]
            ).values_list("external_reference", "complaint_id")
        }
        for row in rows:
            assert row.past is not None
            past = row.past
            try:
                with transaction.atomic():
                    if row.new_category:
                        past = replace(past, category=_category_added(actor, row.new_category, categories))
                    existing = imported.get(row.external_reference)
                    _import_row(actor, now, run, row, past, existing, policy)
            except DatabaseError as exc:
                if row.new_category:  # its category went with its savepoint
                    categories.clear()
                    categories.update(categories_by_name())
                summary.failed += 1
                summary.errors.append(RowError(row.number, "", f"The row could not be saved: {exc}"[:500]))
                continue
            summary.created += existing is None
            summary.updated += existing is not None


def _import_row(
    actor: Actor | None,
    now: datetime,
    run: ImportRun,
    row: CheckedRow,
    past: PastComplaint,
    complaint_id: int | None,
    policy: Policy,
) -> None:
    ruleset = code_edition_for(past.received_on)
    provenance = {
        "file": run.file_name,
        "row": row.number,
        "imported_at": now.isoformat(),
        "import_run": run.pk,
    }
    complaint = complaint_import(
        actor=actor,
        now=now,
        past=past,
        ruleset=ruleset,
        complaint_id=complaint_id,
        provenance=provenance,
        policy=policy,
    )
    record = {
        "complaint": complaint,
        "run": run,
        "file_name": run.file_name,
        "row_number": row.number,
        "imported_at": now,
        "code_edition": ruleset.key,
    }
    if complaint_id is None:
        ImportedComplaint.objects.create(external_reference=row.external_reference, **record)
    else:
        ImportedComplaint.objects.filter(external_reference=row.external_reference).update(**record)


def _category_added(actor: Actor | None, name: str, categories: dict[str, Category]) -> Category:
    category = categories.get(name.lower())
    if category is None:
        category = category_add(actor=actor, name=name)
        categories[category.name.lower()] = categories[category.slug] = category
    return category


def _save_progress(run: ImportRun, done: int, summary: ImportSummary) -> None:
    run.done_rows, run.created, run.updated, run.failed = (
        done,
        summary.created,
        summary.updated,
        summary.failed,
    )
    run.save(update_fields=["done_rows", "created", "updated", "failed"])


def errors_csv(errors: list[RowError]) -> str:
    """The row errors as a CSV the person can open beside their file."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["row", "column", "message"])
    for error in errors:
        # The message quotes the person's cell, which may look like a formula.
        writer.writerow(csv_row([error.row, error.column, error.message]))
    return out.getvalue()
