"""A resident or representative who guesses references and ids reaches nothing of anyone else's.

Every portal URL that takes a reference is tried with other people's references (as given,
in lower case, with spaces), ids in their place, and sequential letter and file ids on the
person's own reference: "not found" every time, the same page as for a reference that does
not exist, so a guess cannot even learn that a complaint exists (UK GDPR; Code 5.12 record).
"""

from __future__ import annotations

import pytest

from putright.cases.models import CaseEvent, Complaint
from tests.access.checks import fill
from tests.access.table import PAGES
from tests.access.world import ADA, REP, RESIDENT, World, resident_client

REFERENCE_ROUTES = sorted(
    route for route, row in PAGES.items() if row.gate == "portal" and "<str:reference>" in route
)


def guesses(world: World) -> list[str]:
    ids = world.ids
    theirs = [ids["other_reference"], ids["represented_reference"]]
    return [
        *theirs,
        *(ref.lower() for ref in theirs),
        *(f" {ref} " for ref in theirs),
        str(ids["other_complaint"]),
        str(ids["complaint"] + 1000),
        "CMP-0000-0000",
        "../" + ids["other_reference"],
    ]


def url(route: str, world: World, reference: str) -> str:
    """The route with `reference` in it, and the table's objects for its other parameters."""
    at = {name: spec for name, spec in PAGES[route].at.items() if name != "reference"}
    return fill(route.replace("<str:reference>", reference.replace("/", "%2F")), at, world.ids)


def test_every_portal_url_taking_a_reference_is_tried():
    assert len(REFERENCE_ROUTES) >= 7, REFERENCE_ROUTES


@pytest.mark.parametrize("route", REFERENCE_ROUTES)
def test_a_resident_guessing_other_references_finds_nothing(route: str, world: World, db: None):
    client = world.client(RESIDENT)
    answers = {guess: client.get(url(route, world, guess)).status_code for guess in guesses(world)}
    assert set(answers.values()) == {404}, answers


@pytest.mark.parametrize("route", REFERENCE_ROUTES)
def test_a_resident_posting_to_another_complaint_changes_nothing(route: str, world: World, db: None):
    client = world.client(RESIDENT)
    before = (CaseEvent.objects.count(), list(Complaint.objects.values_list("pk", "version", "status")))
    data = {"text": "Mine now", "reason": "Not happy", "confirm": "yes", "withdraw": "yes"}
    answers = {guess: client.post(url(route, world, guess), data).status_code for guess in guesses(world)}
    assert set(answers.values()) <= {404, 405}, answers
    assert (
        CaseEvent.objects.count(),
        list(Complaint.objects.values_list("pk", "version", "status")),
    ) == before


def test_letters_and_files_of_other_complaints_are_not_found_under_the_residents_own_reference(
    world: World, db: None
):
    client, ids = world.client(RESIDENT), world.ids
    own = ids["reference"]
    for letter in (ids["other_letter"], ids["letter"] + 1, ids["letter"] + 2, ids["letter"] + 100):
        for fmt in ("pdf", "docx"):
            assert client.get(f"/complaints/{own}/letters/{letter}/{fmt}/").status_code == 404, (letter, fmt)
    for attachment in (ids["attachment"] + 1, ids["attachment"] + 2, ids["attachment"] + 100):
        assert client.get(f"/complaints/{own}/files/{attachment}/").status_code == 404, attachment
    # The resident's own letter and file, for contrast: found.
    assert client.get(f"/complaints/{own}/letters/{ids['letter']}/pdf/").status_code == 200
    assert client.get(f"/complaints/{own}/files/{ids['attachment']}/").status_code == 200


def test_the_residents_list_shows_only_their_own_complaints(world: World, db: None):
    page = world.client(RESIDENT).get("/complaints/").content.decode()
    assert world.ids["reference"] in page
    assert world.ids["other_reference"] not in page
    assert world.ids["represented_reference"] not in page


def test_a_representative_reaches_the_complaint_they_act_on_and_no_other_code_3_6(world: World, db: None):
    client = resident_client(REP, world.now)
    assert client.get(f"/complaints/{world.ids['represented_reference']}/").status_code == 200
    for reference in (world.ids["reference"], world.ids["other_reference"], world.ids["escalated_reference"]):
        for route in REFERENCE_ROUTES:
            target = url(route, world, reference)
            assert client.get(target).status_code == 404, target
    page = client.get("/complaints/").content.decode()
    assert world.ids["represented_reference"] in page and world.ids["reference"] not in page


def test_someone_signed_in_with_an_email_on_no_complaint_reaches_nothing(world: World, db: None):
    client = resident_client("nobody@example.org", world.now)
    for reference in (world.ids["reference"], world.ids["other_reference"]):
        assert client.get(f"/complaints/{reference}/").status_code == 404
    assert ADA not in client.get("/complaints/").content.decode()
