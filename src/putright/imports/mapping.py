"""Which column of the landlord's file holds which fact, read from a TOML mapping file.

```toml
[columns]
external_reference = "Complaint ref"
received_on = "Date received"

[options]
create_categories = true
```

`propose_mapping` guesses a mapping from the headers landlords' spreadsheets use.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

# Each field, what it means, and header words that usually name it (compared lower-case,
# without punctuation).
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "external_reference": (
        "The landlord's own reference (required)",
        (
            "reference",
            "ref",
            "complaint ref",
            "complaint reference",
            "case reference",
            "case ref",
            "complaint id",
            "case id",
        ),
    ),
    "received_on": (
        "The date the complaint was received (required)",
        (
            "received",
            "received date",
            "date received",
            "date logged",
            "logged",
            "complaint date",
            "date of complaint",
        ),
    ),
    "stage": ("The stage it reached: 1 or 2", ("stage", "complaint stage", "current stage")),
    "resident_name": (
        "The resident's name",
        ("name", "resident", "resident name", "complainant", "tenant", "tenant name"),
    ),
    "tenure": ("The resident's tenure", ("tenure", "tenure type", "tenancy type")),
    "channel": ("How the complaint arrived", ("channel", "method", "how received", "source")),
    "description": (
        "What the complaint was about",
        ("description", "summary", "details", "complaint summary", "complaint details"),
    ),
    "category": (
        "The landlord's category",
        ("category", "complaint category", "type", "complaint type", "service area"),
    ),
    "stage1_acknowledged_on": (
        "Date acknowledged at stage 1",
        (
            "acknowledged",
            "date acknowledged",
            "acknowledged date",
            "stage 1 acknowledged",
            "s1 acknowledged",
            "acknowledgement date",
        ),
    ),
    "stage1_extension_days": (
        "Working days of extension at stage 1",
        ("extension", "extension days", "stage 1 extension", "s1 extension", "extended by"),
    ),
    "stage1_responded_on": (
        "Date of the stage 1 response",
        (
            "responded",
            "date responded",
            "response date",
            "stage 1 response",
            "stage 1 responded",
            "s1 response date",
        ),
    ),
    "stage2_requested_on": (
        "Date escalation to stage 2 was asked for",
        ("escalated", "escalation date", "date escalated", "stage 2 requested", "stage 2 received"),
    ),
    "stage2_acknowledged_on": ("Date acknowledged at stage 2", ("stage 2 acknowledged", "s2 acknowledged")),
    "stage2_extension_days": ("Working days of extension at stage 2", ("stage 2 extension", "s2 extension")),
    "stage2_responded_on": (
        "Date of the stage 2 response",
        ("stage 2 response", "stage 2 responded", "s2 response date"),
    ),
    "outcome": ("Upheld, partly upheld or not upheld", ("outcome", "decision", "result", "finding")),
    "refused_reason": (
        "Why it was not accepted, if it was not",
        ("refused reason", "refusal reason", "reason refused", "not accepted reason", "exclusion reason"),
    ),
    "closed_on": ("Date closed", ("closed", "date closed", "closed date", "closure date")),
}
REQUIRED = ("external_reference", "received_on")


class MappingError(ValueError):
    """The column mapping cannot be used: the message says what to fix."""


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str]  # field -> header in the file
    # A category named in the file that the landlord has not set up is added, not refused.
    create_categories: bool = False

    def check(self, headers: list[str]) -> list[str]:
        """What is wrong with this mapping for a file with these headers, as sentences."""
        problems = [
            f"Map a column to {name}: {FIELDS[name][0]}" for name in REQUIRED if name not in self.columns
        ]
        problems += [f"No field called '{name}'" for name in self.columns if name not in FIELDS]
        problems += [
            f"The file has no column '{header}' (for {name})"
            for name, header in self.columns.items()
            if header not in headers
        ]
        return problems


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", header.lower()).strip()


def propose_mapping(headers: list[str]) -> Mapping:
    """The first header that matches one of each field's usual names; each header used once."""
    by_key = {_key(header): header for header in headers if header}
    columns: dict[str, str] = {}
    used: set[str] = set()
    for name, (_, names) in FIELDS.items():
        for candidate in (name.replace("_", " "), *names):
            header = by_key.get(candidate)
            if header is not None and header not in used:
                columns[name] = header
                used.add(header)
                break
    return Mapping(columns)


def mapping_load(path: Path) -> Mapping:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MappingError(f"Cannot read the mapping {path}: {exc}") from exc
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise MappingError('The mapping needs a [columns] table of field = "header in the file"')
    options = data.get("options", {})
    create = options.get("create_categories", False) if isinstance(options, dict) else False
    if not isinstance(create, bool):
        raise MappingError("options.create_categories is true or false")
    return Mapping(dict(columns), create_categories=create)


def mapping_toml(mapping: Mapping) -> str:
    lines = ["[columns]"]
    lines += [f"{name} = {_toml_string(header)}" for name, header in mapping.columns.items()]
    lines += ["", "[options]", f"create_categories = {'true' if mapping.create_categories else 'false'}"]
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
