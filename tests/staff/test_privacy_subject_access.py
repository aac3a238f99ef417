"""Subject access from the staff pages (UK GDPR art. 15): the complaints officer finds a resident,
sees what is held, and downloads the very export `putright sar export` writes, recorded as the
command records it. Nobody else gets in; bad input is a field error; queries stay bounded."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Resident, SpecialCategoryRead
from tests.privacy.story import build_story

SECRETS_OF_THE_RECORD = ("wheelchair", "asthma", "shouted at the caretaker", "Dr Byron")
OTHERS = [Role.HANDLER, Role.REVIEWER, Role.GOVERNANCE, Role.ADMINISTRATOR]


@pytest.fixture
def story(handler, reviewer, now):
    return build_story(handler, reviewer, now)


def pages(story) -> list[tuple[str, str]]:
    ada = story.ada.pk
    return [
        ("get", "/staff/privacy/subject-access/"),
        ("get", "/staff/privacy/subject-access/?q=Ada"),
        ("get", f"/staff/privacy/subject-access/{ada}/"),
        ("post", f"/staff/privacy/subject-access/{ada}/export/"),
    ]


def unzip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.parametrize("role", OTHERS)
def test_every_role_but_the_complaints_officer_is_refused_every_subject_access_page(
    role, story, make_user, client_for
):
    client = client_for(make_user(role))
    for method, url in pages(story):
        assert getattr(client, method)(url).status_code == 403, (role, url)
    assert not SpecialCategoryRead.objects.filter(where__startswith="subject access export").exists()


def test_anonymous_visitors_are_sent_to_sign_in(story, client):
    for method, url in pages(story):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/staff/login/"), url


def test_a_deactivated_complaints_officer_is_refused(story, officer, client_for):
    client = client_for(officer)
    officer.is_active = False
    officer.save()
    assert client.get(f"/staff/privacy/subject-access/{story.ada.pk}/").status_code in (302, 403)


def test_the_complaints_officer_finds_a_resident_by_name_email_or_tenancy_reference(
    story, officer, client_for
):
    client = client_for(officer)
    for term in ("lovelace", "ADA@example.com", "t-1815"):
        page = client.get("/staff/privacy/subject-access/", {"q": term}).content.decode()
        assert f'href="/staff/privacy/subject-access/{story.ada.pk}/"' in page, term
        assert "Grace Hopper" not in page, term


def test_a_part_of_an_email_address_finds_nobody(story, officer, client_for):
    page = client_for(officer).get("/staff/privacy/subject-access/", {"q": "example.com"}).content.decode()
    assert "No resident matches this search." in page


def test_an_anonymised_resident_cannot_be_found(story, officer, client_for, now):
    from putright.privacy.retention import resident_erase

    resident_erase(resident_id=story.ada.pk, reason="Logged against the wrong person", actor=officer, now=now)
    page = client_for(officer).get("/staff/privacy/subject-access/", {"q": "anonymised"}).content.decode()
    assert f"/staff/privacy/subject-access/{story.ada.pk}/" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"q": ""}, "Enter a name, email address or tenancy reference"),
        ({"q": "   "}, "Enter a name, email address or tenancy reference"),
        ({"q": "x" * 201}, "The search must be 200 characters or fewer"),
        ({"q": "Ada", "page": "two"}, "The page number must be a whole number"),
        ({"q": "Ada", "page": "0"}, "The page number must be 1 or more"),
        ({"q": "Ada", "page": "99999999999999999999"}, "The page number must be 100000 or less"),
    ],
)
def test_bad_searches_answer_400_with_the_error_beside_the_field(story, officer, client_for, query, message):
    response = client_for(officer).get("/staff/privacy/subject-access/", query)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert "<title>Error: " in page


def test_search_results_come_a_page_at_a_time(officer, client_for):
    for n in range(30):
        Resident.objects.create(name=f"Page Resident {n:02d}")
    client = client_for(officer)
    first = client.get("/staff/privacy/subject-access/", {"q": "Page Resident"}).content.decode()
    second = client.get("/staff/privacy/subject-access/", {"q": "Page Resident", "page": 2}).content.decode()
    assert "Page Resident 00" in first and "Page Resident 24" in first and "Page Resident 25" not in first
    assert 'rel="next"' in first and "page=2" in first
    assert "Page Resident 25" in second and "Page Resident 29" in second and 'rel="next"' not in second


def test_what_is_held_is_counted_without_showing_or_logging_special_category_details(
    story, officer, client_for
):
    reads_before = SpecialCategoryRead.objects.count()
    response = client_for(officer).get(f"/staff/privacy/subject-access/{story.ada.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ada Lovelace" in page and "ada@example.com" in page and "T-1815" in page
    assert story.closed.reference in page and story.refused.reference in page
    assert story.open.reference not in page
    for secret in SECRETS_OF_THE_RECORD:
        assert secret not in page
    assert SpecialCategoryRead.objects.count() == reads_before
    assert "Download the subject access export" in page


def test_an_unknown_resident_is_not_found(officer, client_for, db):
    client = client_for(officer)
    assert client.get("/staff/privacy/subject-access/404/").status_code == 404
    assert client.post("/staff/privacy/subject-access/404/export/").status_code == 404
    assert client.get(f"/staff/privacy/subject-access/{2**70}/").status_code == 404
    assert not SpecialCategoryRead.objects.exists()


def test_the_export_can_only_be_made_by_a_post(story, officer, client_for):
    response = client_for(officer).get(f"/staff/privacy/subject-access/{story.ada.pk}/export/")
    assert response.status_code == 405
    assert not SpecialCategoryRead.objects.filter(where="subject access export").exists()


def test_the_download_is_the_same_export_the_command_writes(story, officer, client_for, tmp_path):
    response = client_for(officer).post(f"/staff/privacy/subject-access/{story.ada.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"subject-access-resident-{story.ada.pk}-" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    from_page = unzip(response)

    path = tmp_path / "ada.zip"
    call_command("sar", "export", str(story.ada.pk), str(path), "--by", "olive", stdout=io.StringIO())
    with zipfile.ZipFile(path) as from_command:
        assert sorted(from_page.namelist()) == sorted(from_command.namelist())
        for name in from_page.namelist():
            if name in ("README.txt", "special_category_reads.json"):
                continue  # the time the export was made, and the export itself, differ
            assert from_page.read(name) == from_command.read(name), name
    assert json.loads(from_page.read("resident.json"))["name"] == "Ada Lovelace"


def test_each_download_is_recorded_who_when_and_whose_as_the_command_records_it(story, officer, client_for):
    client = client_for(officer)
    client.post(f"/staff/privacy/subject-access/{story.ada.pk}/export/")
    made = SpecialCategoryRead.objects.filter(resident=story.ada, where="subject access export")
    assert [(read.user_id, read.resident_id) for read in made] == [(officer.pk, story.ada.pk)]
    page = client.get(f"/staff/privacy/subject-access/{story.ada.pk}/").content.decode()
    assert "Exports already made" in page and "by olive" in page


def test_the_export_names_the_download_in_its_own_access_log(story, officer, client_for):
    response = client_for(officer).post(f"/staff/privacy/subject-access/{story.ada.pk}/export/")
    reads = json.loads(unzip(response).read("special_category_reads.json"))
    assert any(r["user"] == "olive" and r["where"] == "subject access export" for r in reads)


def test_the_privacy_link_is_in_the_navigation_for_the_officer_and_administrators_only(make_user, client_for):
    for role in Role.values:
        user = make_user(role)
        # Settings: a staff page every role sees in the staff layout (403 or not).
        page = client_for(user).get("/staff/settings/").content.decode()
        shown = 'govuk-service-navigation__link" href="/staff/privacy/"' in page
        assert shown == (role in (Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR)), role


def test_the_privacy_page_offers_each_role_only_the_tools_it_may_use(officer, administrator, client_for):
    mine = client_for(officer).get("/staff/privacy/").content.decode()
    theirs = client_for(administrator).get("/staff/privacy/").content.decode()
    for href in ("/staff/privacy/subject-access/", "/staff/privacy/access-log/", "/staff/privacy/retention/"):
        assert href in mine
    assert "/staff/privacy/subject-access/" not in theirs
    assert "/staff/privacy/access-log/" in theirs and "/staff/privacy/retention/" in theirs


def count_queries(client, method, url, **data):
    """Queries for one request in the steady state (ADR 8): the first view makes the landlord's
    settings row, which moves the configuration version, so the second keeps the user again."""
    for _ in range(2):
        getattr(client, method)(url, data)
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def test_search_queries_do_not_grow_with_the_number_of_matches(officer, client_for):
    client = client_for(officer)
    for n in range(3):
        Resident.objects.create(name=f"Count Resident {n}")
    small = count_queries(client, "get", "/staff/privacy/subject-access/", q="Count Resident")
    for n in range(3, 40):
        Resident.objects.create(name=f"Count Resident {n}")
    assert count_queries(client, "get", "/staff/privacy/subject-access/", q="Count Resident") == small


def test_what_is_held_costs_the_same_queries_however_much_is_held(story, officer, handler, clock, client_for):
    client = client_for(officer)
    url = f"/staff/privacy/subject-access/{story.ada.pk}/"
    small = count_queries(client, "get", url)
    for n in range(25):
        services.correspondence_add(
            actor=handler,
            now=clock,
            complaint_id=story.closed.pk,
            direction="in",
            channel="email",
            party="Ada",
            subject=f"Letter {n}",
            body="Text",
            occurred_at=clock,
        )
        services.complaint_log(
            actor=officer,
            now=clock,
            data=services.NewComplaint(
                channel="phone",
                received_at=clock,
                description="Another",
                resident=None,
                resident_id=story.ada.pk,
            ),
        )
    client.post(f"{url}export/")
    assert count_queries(client, "get", url) == small <= 8
