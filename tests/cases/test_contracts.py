"""The typed contracts between apps hold: the statuses and the event actions."""

from __future__ import annotations

import ast
from pathlib import Path

from putright.cases.models import CaseEvent, EventAction, Status
from putright.letters.content import EVENT_KINDS
from putright.rules import lifecycle

SRC = Path(__file__).resolve().parents[2] / "src" / "putright"


def test_the_stored_statuses_are_exactly_the_rules_core_statuses():
    """The lifecycle table decides moves on `rules.lifecycle.Status`; the model stores them."""
    assert {s.name: s.value for s in Status} == {s.name: s.value for s in lifecycle.Status}


def test_every_event_action_fits_the_stored_column():
    assert max(len(action) for action in EventAction) <= CaseEvent._meta.get_field("action").max_length


def test_letters_are_drafted_only_for_known_event_actions():
    assert set(EVENT_KINDS) <= set(EventAction)


def test_no_writer_names_an_event_action_as_a_bare_string():
    """`action="..."` in a call to a writer must name an `EventAction` member."""
    known = {str(action) for action in EventAction}
    offenders = set()
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                offenders.update(
                    f"{path.relative_to(SRC)}:{node.lineno} action={kw.value.value!r}"
                    for kw in node.keywords
                    if kw.arg == "action" and isinstance(kw.value, ast.Constant) and kw.value.value in known
                )
    assert not offenders, sorted(offenders)
