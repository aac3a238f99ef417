"""Counts the complaints the load generator saw acknowledged that are in the database.

Usage (with the run's environment): python bench/load/count.py ACKED_FILE
Prints JSON: acknowledged, found, missing (the references not found).
"""

from __future__ import annotations

import json
import sys

import django

django.setup()

from putright.cases.models import Complaint  # noqa: E402


def main(path: str) -> None:
    with open(path) as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    references = {row["reference"] for row in rows if row["kind"] in ("api", "portal")}
    ids = {row["id"]: row["reference"] for row in rows if row["kind"] == "api"}
    found = set(Complaint.objects.filter(reference__in=references).values_list("reference", flat=True))
    # An API answer carries the id too: the row with that id must have that reference.
    mismatched = [
        ref
        for pk, ref in Complaint.objects.filter(pk__in=ids).values_list("pk", "reference")
        if ids[pk] != ref
    ]
    json.dump(
        {
            "acknowledged": len(references),
            "acknowledged_without_reference": sum(1 for row in rows if row["kind"] == "portal-unread"),
            "found": len(found),
            "missing": sorted(references - found),
            "id_reference_mismatch": mismatched,
            "complaints_in_database": Complaint.objects.count(),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main(sys.argv[1])
