"""The record-a-contact page asks "Is this someone we know?": a contact recorded against a
resident found by search stays in their one record (Code 1.2, 1.3, 5.12), with their
reasonable adjustments in sight of those allowed to see them (5.10)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint, Contact, Resident, SpecialCategoryRead
from putright.privacy.models import AnonymisationRecord
from putright.privacy.retention import resident_anonymise

NEW = "/staff/contacts/new/"


def contact_fields():
    # Yesterday, so that 09:15 is in the past whatever the time the suite runs.
    day = timezone.localdate() - timedelta(days=1)
    return {
        "channel": "phone",
        "received_on-day": day.day,
        "received_on-month": day.month,
        "received_on-year": day.year,
        "received_time": "09:15",
        "summary": "The boiler is broken again.",
    }


@pytest.fixture
def mary(log_complaint):
    return log_complaint(name="Mary Seacole").resident


def adjust(resident, user, description="Large print letters, please"):
    services.adjustment_record(
        actor=user,
        now=timezone.now(),
        resident_id=resident.pk,
        kind="adjustment",
        description=description,
        recorded_on=timezone.localdate(),
        review_on=timezone.localdate() + timedelta(days=90),
    )


def test_a_search_lists_matching_residents_with_a_choice_for_each(mary, handler, client_for):
    page = client_for(handler).get(NEW, {"q": "seacole"}).content.decode()
    assert "Is this someone we know?" in page
    assert "Mary Seacole" in page and "ada@example.com" in page
    assert f'href="?q=seacole&amp;resident={mary.pk}"' in page
    assert "This is the resident" in page


def test_a_contact_recorded_against_a_known_resident_creates_no_new_resident_and_its_complaint_is_theirs_code_1_2(
    mary, handler, client_for
):
    client = client_for(handler)
    chosen = client.get(NEW, {"q": "Mary", "resident": mary.pk})
    assert chosen.status_code == 200 and "The resident: Mary Seacole" in chosen.content.decode()
    response = client.post(f"{NEW}?q=Mary&resident={mary.pk}", contact_fields())
    contact = Contact.objects.get(summary="The boiler is broken again.")
    assert response.url == f"/staff/contacts/{contact.pk}/triage/"
    assert contact.resident_id == mary.pk
    triage = client.get(response.url).content.decode()
    assert 'id="id_name"' not in triage and "From <strong>Mary Seacole</strong>" in triage
    client.post(response.url, {"triage": "complaint", "choice_to_complain_offered": "on"})
    contact.refresh_from_db()
    assert contact.complaint.resident_id == mary.pk
    assert list(Resident.objects.filter(name="Mary Seacole").values_list("pk", flat=True)) == [mary.pk]
    assert Complaint.objects.filter(resident=mary).count() == 2


def test_without_a_choice_triage_records_a_new_resident_as_before(mary, handler, client_for):
    client = client_for(handler)
    response = client.post(f"{NEW}?q=Mary", contact_fields())
    contact = Contact.objects.get(summary="The boiler is broken again.")
    assert contact.resident_id is None
    triage = client.get(response.url).content.decode()
    assert 'id="id_name"' in triage


def test_a_match_says_adjustments_are_recorded_and_a_handler_sees_them_once_chosen_logged_code_5_10(
    mary, handler, client_for
):
    adjust(mary, handler)
    client = client_for(handler)
    listed = client.get(NEW, {"q": "Mary"}).content.decode()
    assert "Recorded" in listed and "Large print" not in listed
    assert not SpecialCategoryRead.objects.filter(resident=mary).exists()
    chosen = client.get(NEW, {"resident": mary.pk}).content.decode()
    assert "Large print letters, please" in chosen
    assert SpecialCategoryRead.objects.filter(
        resident=mary, user=handler, where="staff record a contact"
    ).exists()


def test_an_administrator_is_told_adjustments_exist_but_never_sees_them_code_5_10(
    mary, handler, administrator, client_for
):
    adjust(mary, handler)
    chosen = client_for(administrator).get(NEW, {"resident": mary.pk}).content.decode()
    assert "Reasonable adjustments or disclosures are recorded" in chosen
    assert "Large print" not in chosen
    assert not SpecialCategoryRead.objects.filter(user=administrator).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_governance_can_neither_search_residents_nor_record_a_contact(method, mary, governance, client_for):
    client = client_for(governance)
    response = getattr(client, method)(f"{NEW}?q=Mary&resident={mary.pk}", contact_fields())
    assert response.status_code == 403
    assert "Mary Seacole" not in response.content.decode()
    assert not Contact.objects.exists()


def test_an_anonymous_visit_goes_to_sign_in(client, db):
    response = client.get(NEW, {"q": "Mary"})
    assert response.status_code == 302 and "/staff/login/" in response.url


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"q": "Mary", "page": "two"}, 400, "The page number must be a whole number"),
        ({"q": "Mary", "page": "0"}, 400, "The page number must be 1 or more"),
        ({"q": ""}, 400, "Enter a name, email address, phone number or tenancy reference"),
        ({"q": "x" * 201}, 400, "The search must be 200 characters or fewer"),
        ({"resident": "mary"}, 400, "The resident number must be a whole number"),
        ({"resident": "-3"}, 400, "There is no resident with that number"),
        ({"resident": str(2**70)}, 400, "There is no resident with that number"),
        ({"resident": "987654"}, 404, "There is no resident with that number, or their details"),
    ],
)
def test_bad_search_or_choice_is_answered_with_a_message_and_4xx(
    params, status, message, mary, handler, client_for
):
    response = client_for(handler).get(NEW, params)
    assert response.status_code == status
    page = response.content.decode()
    assert message in page and "Error: Record a contact" in page


def test_an_anonymised_resident_cannot_be_chosen_and_no_contact_is_recorded_for_them(
    mary, handler, officer, client_for
):
    resident_anonymise(
        resident_id=mary.pk, kind=AnonymisationRecord.Kind.ERASURE, actor=officer, now=timezone.now()
    )
    client = client_for(handler)
    assert client.get(NEW, {"resident": mary.pk}).status_code == 404
    response = client.post(f"{NEW}?resident={mary.pk}", contact_fields())
    assert response.status_code == 404
    assert "or their details have been anonymised" in response.content.decode()
    assert not Contact.objects.exists()


def test_results_come_25_a_page_with_a_link_to_the_next(log_complaint, handler, client_for):
    for i in range(27):
        log_complaint(name=f"Resident {i:02d}")
    client = client_for(handler)
    first = client.get(NEW, {"q": "Resident"}).content.decode()
    assert "Resident 24" in first and "Resident 25" not in first
    assert 'href="?q=Resident&amp;page=2"' in first
    second = client.get(NEW, {"q": "Resident", "page": 2}).content.decode()
    assert "Resident 25" in second and "Resident 26" in second and "Resident 24" not in second
    assert 'rel="next"' not in second
