"""Making a complaint online: short pages, errors that say how to fix them, nothing typed lost."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.cases.models import Attachment, Channel, Complaint
from tests.portal.conftest import ANSWERS, walk
from tests.residents import factories

pytestmark = pytest.mark.django_db


def _page(response):
    return response.content.decode()


def test_the_complaint_page_has_a_stable_address_for_surveys_to_link_to_code_1_6(client):
    response = client.get("/complain/")
    assert response.status_code == 200
    assert 'href="/complain/who/"' in _page(response)
    assert "You do not need to use the word" in _page(response)


def test_a_resident_complains_and_sees_the_reference_and_acknowledgement_date_code_6_2(
    client, django_capture_on_commit_callbacks
):
    walk(client)
    check = client.get("/complain/check/")
    assert "Black mould in the bathroom" in _page(check)
    assert 'enctype="multipart/form-data"' in _page(check)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            "/complain/check/", {"attachments": factories.png_upload(), "website": ""}, follow=True
        )
    complaint = Complaint.objects.get()
    page = _page(sent)
    assert complaint.reference in page
    assert complaint.stages.get().acknowledge_by.strftime("%A %-d %B %Y") in page
    assert "Housing Ombudsman" in page
    assert complaint.channel == Channel.WEB
    assert Attachment.objects.get(complaint=complaint).content_type == "image/png"
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    # The draft is gone: a second visit starts again.
    assert client.get("/complain/check/").status_code == 302


def test_someone_complains_for_a_resident_who_agrees_code_3_6(client):
    walk(client, someone_else=True, contact={"contact": "email", "email": "ben@example.org"})
    client.post("/complain/check/", {"website": ""})
    complaint = Complaint.objects.select_related("representative").get()
    assert complaint.channel == Channel.REPRESENTATIVE
    assert complaint.representative.relationship == "son"
    assert complaint.representative.consent_recorded_on is not None


def test_the_pages_cannot_be_skipped(client):
    assert client.get("/complain/check/")["Location"] == "/complain/who/"
    client.post("/complain/who/", ANSWERS["who"])
    assert client.get("/complain/check/")["Location"] == "/complain/what-happened/"


def test_the_representative_page_is_only_asked_when_complaining_for_someone_else(client):
    client.post("/complain/who/", ANSWERS["who"])
    assert client.get("/complain/representative/")["Location"] == "/complain/who/"


def test_a_change_from_the_check_page_returns_to_it(client):
    walk(client)
    client.get("/complain/check/")
    response = client.post("/complain/outcome/", {"outcomes": "An apology"})
    assert response["Location"] == "/complain/check/"
    assert "An apology" in _page(client.get("/complain/check/"))


def test_changing_to_someone_else_asks_the_new_question_before_returning(client):
    walk(client)
    client.get("/complain/check/")
    response = client.post("/complain/who/", {"who": "someone_else"})
    assert response["Location"] == "/complain/representative/"
    response = client.post("/complain/representative/", ANSWERS["representative"])
    assert response["Location"] == "/complain/check/"


BAD_INPUT = [
    ("who", {}, "Select whether you are complaining for yourself or for someone else", "#who"),
    ("what-happened", {"description": "   "}, "Tell us what happened", "#description"),
    (
        "what-happened",
        {"description": "x" * 10_001},
        "What happened must be 10,000 characters or fewer",
        "#description",
    ),
    ("when", {}, "Select when it happened, or select I", "#when"),
    ("when", {"when": "happened"}, "Enter the date it happened", "#happened_day"),
    (
        "when",
        {"when": "happened", "happened_day": "31", "happened_month": "2", "happened_year": "2025"},
        "The date it happened must be a real date",
        "#happened_day",
    ),
    (
        "when",
        {"when": "happened", "happened_day": "3", "happened_month": "", "happened_year": "2025"},
        "The date it happened must include a month",
        "#happened_month",
    ),
    (
        "when",
        {"when": "found_out", "found_out_day": "3", "found_out_month": "3", "found_out_year": "25"},
        "Year must include 4 numbers",
        "#found_out_year",
    ),
    (
        "when",
        {"when": "happened", "happened_day": "1", "happened_month": "1", "happened_year": "2999"},
        "The date it happened must be today or in the past",
        "#happened_day",
    ),
    (
        "outcome",
        {"outcomes": "y" * 5_001},
        "What you would like must be 5,000 characters or fewer",
        "#outcomes",
    ),
    ("details", {"name": "", "address": "1 Flat Lane", "home": "unknown"}, "Enter your full name", "#name"),
    (
        "details",
        {"name": "Ada", "address": ""},
        "Select how the home is held, or select I don't know",
        "#home",
    ),
    (
        "details",
        {"name": "Ada", "address": "a" * 501, "home": "unknown"},
        "Address must be 500 characters or fewer",
        "#address",
    ),
    ("contact", {}, "Select how you would like us to contact you", "#contact"),
    (
        "contact",
        {"contact": "email", "email": "ada-at-example"},
        "Enter an email address in the correct format",
        "#email",
    ),
    ("contact", {"contact": "email", "email": ""}, "Enter your email address", "#email"),
    ("contact", {"contact": "phone", "phone": "call me"}, "Enter a phone number, like", "#phone"),
    (
        "contact",
        {"contact": "post", "postal_address": ""},
        "Enter the address we should write to",
        "#postal_address",
    ),
    ("help", {}, "Select the format you need, or select standard", "#letter_format"),
    (
        "help",
        {"letter_format": "other_language", "language": ""},
        "Enter the language you would like us to use",
        "#language",
    ),
    (
        "help",
        {"letter_format": "standard", "adjustments": "z" * 2_001},
        "This must be 2,000 characters or fewer",
        "#adjustments",
    ),
]


@pytest.mark.parametrize(("slug", "data", "message", "anchor"), BAD_INPUT)
def test_every_field_answers_bad_input_with_an_error_summary_and_keeps_what_was_typed(
    client, slug, data, message, anchor
):
    if slug != "who":
        client.post("/complain/who/", ANSWERS["who"])
    response = client.post(f"/complain/{slug}/", data)
    page = _page(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "There is a problem" in page
    assert f'href="{anchor}"' in page
    assert message in page.replace("&#x27;", "'")
    assert 'class="govuk-error-message"' in page
    assert page.count(message.split(",")[0]) >= 2, "the message shows in the summary and by the field"
    assert "<title>Error: " in page
    assert "[&#x27;" not in page, "a message was shown as a Python list"
    for value in data.values():
        if value.strip() and len(value) < 100:
            assert value in page, f"{value!r} was lost"


def test_long_text_is_kept_when_shown_again(client):
    client.post("/complain/who/", ANSWERS["who"])
    text = "word " * 2_001
    page = _page(client.post("/complain/what-happened/", {"description": text}))
    assert text.strip() in page


def test_the_representative_page_needs_a_name_a_relationship_and_the_residents_agreement(client):
    client.post("/complain/who/", {"who": "someone_else"})
    page = _page(client.post("/complain/representative/", {"rep_name": "Ben", "relationship": ""}))
    assert 'href="#relationship"' in page and 'href="#resident_agrees"' in page
    assert "Confirm that they agree to you complaining for them" in page
    assert 'value="Ben"' in page


def test_answers_are_shown_again_when_going_back(client):
    walk(client)
    page = _page(client.get("/complain/details/"))
    assert 'value="Ada Resident"' in page
    page = _page(client.get("/complain/when/"))
    assert 'value="not_sure" checked' in page


def test_a_bad_file_is_refused_on_the_check_page_and_the_answers_are_kept(client):
    walk(client)
    fake = SimpleUploadedFile("photo.png", b"this is not a picture", content_type="image/png")
    response = client.post("/complain/check/", {"attachments": fake, "website": ""})
    page = _page(response)
    assert response.status_code == 200
    assert 'href="#attachments"' in page and "photo.png must be a" in page
    assert "Black mould in the bathroom" in page
    assert not Complaint.objects.exists()


def test_a_form_filled_in_by_a_robot_is_not_sent(client):
    walk(client)
    response = client.post("/complain/check/", {"website": "http://spam.example"})
    assert response.status_code == 400
    assert "We could not send your complaint" in _page(response)
    assert not Complaint.objects.exists()


def test_the_sent_page_shows_nothing_without_a_complaint_just_made(client, complaint):
    assert client.get("/complain/sent/").status_code == 404
