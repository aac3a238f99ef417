"""`putright code provisions` lists the Code's provisions the assessment is made against (Appendix A)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from putright.rules.provisions import provisions_for


def provisions_printed(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("code", "provisions", *args, stdout=out)
    return out.getvalue().splitlines()


def test_the_2024_code_has_exactly_the_72_provisions_of_appendix_a():
    lines = provisions_printed("--edition", "hos-2024")
    assert len(lines) == 72
    ids = [line.split("\t", 1)[0] for line in lines]
    assert ids[0] == "1.2" and ids[-1] == "9.8"
    assert ids == [p.id for p in provisions_for("hos-2024")]
    assert len(set(ids)) == 72


def test_the_2020_code_form_has_38_questions():
    assert len(provisions_printed("--edition", "hos-2020")) == 38


def test_an_unknown_edition_is_refused_with_the_known_ones():
    with pytest.raises(CommandError, match="hos-2024"):
        provisions_printed("--edition", "hos-2019")
