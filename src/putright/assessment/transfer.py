"""CSV and XLSX in and out, so Word-era answers can be brought in and worked on elsewhere.

Columns: provision id, comply, evidence, commentary, RAG, actions. Actions are one cell,
items separated by ";" and fields by "|": ``description|owner|due YYYY-MM-DD|status``
with an optional fifth field ``completed YYYY-MM-DD``; a literal ";", "|" or "\\" in
a field is written with a backslash before it. Reading checks every row and reports
every problem with its row number (the header is row 1) before anything is saved.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from putright.assessment.models import COMPLY_NEEDS_EXPLANATION, ActionStatus, Comply, Rag
from putright.core.errors import InvalidInput
from putright.rules.provisions import provisions_for
from putright.spreadsheets import csv_row, starts_formula, xlsx_row

HEADERS = ("Provision id", "Comply", "Evidence", "Commentary", "RAG", "Actions")
MAX_ROWS = 500
COMPLY_WORDS = {
    "": Comply.NOT_ANSWERED,
    "yes": Comply.YES,
    "y": Comply.YES,
    "partly": Comply.PARTLY,
    "partially": Comply.PARTLY,
    "partial": Comply.PARTLY,
    "no": Comply.NO,
    "n": Comply.NO,
    "n/a": Comply.NOT_APPLICABLE,
    "na": Comply.NOT_APPLICABLE,
    "not applicable": Comply.NOT_APPLICABLE,
}
RAG_WORDS = {"": Rag.NONE, "green": Rag.GREEN, "g": Rag.GREEN, "amber": Rag.AMBER, "a": Rag.AMBER}
RAG_WORDS |= {"red": Rag.RED, "r": Rag.RED}
STATUS_WORDS = {s.value: s for s in ActionStatus} | {s.label.lower(): s for s in ActionStatus}
STATUS_WORDS |= {"in progress": ActionStatus.IN_PROGRESS, "complete": ActionStatus.DONE}


@dataclass(frozen=True)
class ActionCell:
    description: str
    owner: str
    due_on: date
    status: str
    completed_on: date | None = None


@dataclass(frozen=True)
class ImportRow:
    row: int
    provision_id: str
    comply: str
    evidence: str
    commentary: str
    rag: str
    actions: tuple[ActionCell, ...]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace(";", "\\;")


def _split(text: str, separator: str) -> list[str]:
    """Split on unescaped separators, keeping escapes for the next level."""
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def format_actions(actions: Iterable[ActionCell]) -> str:
    cells = []
    for a in actions:
        fields = [_escape(a.description), _escape(a.owner), f"due {a.due_on.isoformat()}", a.status]
        if a.completed_on:
            fields.append(f"completed {a.completed_on.isoformat()}")
        cells.append("|".join(fields))
    return "; ".join(cells)


def _day(text: str, word: str) -> date | None:
    text = text.strip()
    if not text.lower().startswith(word + " "):
        return None
    try:
        return date.fromisoformat(text[len(word) + 1 :].strip())
    except ValueError:
        return None


def parse_actions(text: str) -> tuple[list[ActionCell], list[str]]:
    actions: list[ActionCell] = []
    problems: list[str] = []
    for n, item in enumerate((i for i in _split(text, ";") if i.strip()), start=1):
        fields = [_unescape(f).strip() for f in _split(item.strip(), "|")]
        if len(fields) not in (4, 5):
            problems.append(f"action {n} needs 'description|owner|due YYYY-MM-DD|status'")
            continue
        due = _day(fields[2], "due")
        status = STATUS_WORDS.get(fields[3].lower())
        done = _day(fields[4], "completed") if len(fields) == 5 else None
        if not fields[0] or not fields[1]:
            problems.append(f"action {n} needs a description and an owner")
        if due is None:
            problems.append(f"action {n} needs its due date as 'due YYYY-MM-DD'")
        if status is None:
            problems.append(f"action {n} has status '{fields[3]}': use open, in_progress or done")
        if len(fields) == 5 and done is None:
            problems.append(f"action {n} gives its completion as 'completed YYYY-MM-DD'")
        if due is not None and status is not None and fields[0] and fields[1]:
            actions.append(ActionCell(fields[0], fields[1], due, status.value, done))
    return actions, problems


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def parse_table(table: list[list[Any]], *, edition: str, from_csv: bool) -> list[ImportRow]:
    """Check every row against the edition's provisions; raise listing every problem by row."""
    if not table:
        raise InvalidInput({"file": "The file is empty"})
    header = [_text(h).strip().lower() for h in table[0]]
    if header[: len(HEADERS)] != [h.lower() for h in HEADERS]:
        raise InvalidInput({"file": f"Row 1 must be the column headings: {', '.join(HEADERS)}"})
    if len(table) - 1 > MAX_ROWS:
        raise InvalidInput({"file": f"The file has more than {MAX_ROWS} rows"})
    known = {p.id for p in provisions_for(edition)}
    rows: list[ImportRow] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(table[1:], start=2):
        if not any(_text(c).strip() for c in raw):
            continue
        cells = [_clean(_text(c), from_csv) for c in [*raw, *[""] * len(HEADERS)][: len(HEADERS)]]
        pid, comply_text, evidence, commentary, rag_text, actions_text = cells
        pid = pid.strip()
        here: list[str] = []
        if raw[0] is not None and not isinstance(raw[0], str):
            here.append("the provision id must be text (6.1 and 6.10 look the same as numbers)")
        elif not pid:
            here.append("the provision id is missing")
        elif pid not in known:
            here.append(f"unknown provision id '{pid}'")
        elif pid in seen:
            here.append(f"provision {pid} is already on row {seen[pid]}")
        comply = COMPLY_WORDS.get(comply_text.strip().lower())
        if comply is None:
            here.append(f"comply must be yes, partly, no or n/a, not '{comply_text.strip()}'")
        elif comply in COMPLY_NEEDS_EXPLANATION and not commentary.strip():
            here.append("an answer of no, partly or n/a needs an explanation in the commentary")
        rag = RAG_WORDS.get(rag_text.strip().lower())
        if rag is None:
            here.append(f"RAG must be green, amber or red, not '{rag_text.strip()}'")
        actions, action_problems = parse_actions(actions_text)
        here.extend(action_problems)
        if here:
            problems.append(f"Row {number}: " + "; ".join(here))
            continue
        assert comply is not None and rag is not None
        seen[pid] = number
        rows.append(
            ImportRow(
                number, pid, comply.value, evidence.strip(), commentary.strip(), rag.value, tuple(actions)
            )
        )
    if problems:
        raise InvalidInput({"file": problems})
    if not rows:
        raise InvalidInput({"file": "The file has no answers below the headings"})
    return rows


def _clean(text: str, from_csv: bool) -> str:
    # Our CSV export quotes text a spreadsheet would run (putright.spreadsheets): unquote it.
    if from_csv and text.startswith("'") and starts_formula(text[1:]):
        return text[1:]
    return text


def read_csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV as Windows-1252 unless told otherwise.
        text = data.decode("cp1252", errors="replace")
    return [list(row) for row in csv.reader(io.StringIO(text))]


def read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a file that is not a workbook
        raise InvalidInput({"file": "The file is not an Excel workbook (.xlsx)"}) from error
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def write_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(csv_row(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(rows: list[list[str]], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Self-assessment"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Every value is text ("6.10" stays "6.10"); text a spreadsheet would run as a
        # formula is written as a string cell with the quote prefix (putright.spreadsheets).
        sheet.append(xlsx_row(sheet, row))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (12, 12, 60, 60, 10, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
