"""Importing past complaints: the one writer, used by `putright import complaints`.

Each row is imported in its own transaction (all of it or none of it); a row with any error
writes nothing and is reported with its row, column and message. A complaint already imported
under the same external reference is updated, not added again. At the end the figures are
recounted, so reports include the imported history at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime

from django.db import transaction

from putright.cases.services.deadlines import edition_for
from putright.cases.services.imported import PastComplaint, complaint_import
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.governance.services import figures_count
from putright.imports.mapping import Mapping
from putright.imports.models import ImportedComplaint, ImportRun, RunStatus
from putright.imports.reading import Table
from putright.imports.rows import RowError, categories_by_name, row_check
from putright.landlord.models import Category
from putright.landlord.services import category_add
from putright.rules.timescales import Ruleset, ruleset_by_key
from putright.spreadsheets import csv_row

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 100
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
    errors = summary.errors
    today, categories, seen = england_date(now), categories_by_name(), set[str]()
    for done, (number, cells) in enumerate(table.rows, start=1):
        checked = row_check(number, cells, mapping, today, categories)
        if checked.external_reference in seen:
            checked.errors.append(
                RowError(
                    number, mapping.columns["external_reference"], "This reference is on an earlier row too"
                )
            )
        seen.add(checked.external_reference)
        if checked.errors or checked.past is None:
            summary.failed += 1
            errors.extend(checked.errors)
        elif run is not None:
            past = checked.past
            if checked.new_category:
                past = replace(past, category=_category_added(actor, checked.new_category, categories))
            created = _import_row(actor, now, run, checked.external_reference, number, past)
            summary.created += created
            summary.updated += not created
        if run is not None and (done % PROGRESS_EVERY == 0 or done == table.total):
            _save_progress(run, done, summary)
        if progress is not None:
            progress(done, table.total)
    if run is not None:
        run.errors = [asdict(e) for e in errors[:MAX_ERRORS_KEPT]]
        run.finished_at, run.status = now, RunStatus.FINISHED
        run.save(update_fields=["errors", "finished_at", "status"])
        if summary.created or summary.updated:
            figures_count(now=now)
    return summary


def _import_row(
    actor: Actor | None, now: datetime, run: ImportRun, reference: str, number: int, past: PastComplaint
) -> bool:
    ruleset = code_edition_for(past.received_on)
    provenance = {"file": run.file_name, "row": number, "imported_at": now.isoformat(), "import_run": run.pk}
    with transaction.atomic():
        existing = ImportedComplaint.objects.select_for_update().filter(external_reference=reference).first()
        complaint = complaint_import(
            actor=actor,
            now=now,
            past=past,
            ruleset=ruleset,
            complaint_id=existing.complaint_id if existing else None,
            provenance=provenance,
        )
        ImportedComplaint.objects.update_or_create(
            external_reference=reference,
            defaults={
                "complaint": complaint,
                "run": run,
                "file_name": run.file_name,
                "row_number": number,
                "imported_at": now,
                "code_edition": ruleset.key,
            },
        )
    return existing is None


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
