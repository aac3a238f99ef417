"""What people type is made safe where it enters: numbers, control characters, addresses.

Issue 17 items 9, 10 and 11: `²` and 20-digit numbers answered 500; a vertical tab pasted
from Word stopped a letter; an address with CR/LF, or "not an email", was stored.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from putright.cases.models import Complaint, IdempotencyKey
from putright.core.inputs import clean_line, clean_text, email_problem, parse_int, phone_problem
from tests.portal.conftest import signed_in

NEW = {
    "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
    "channel": "email",
    "received_at": "2025-12-19T09:00:00+00:00",
    "description": "My boiler has not been fixed.",
}


@pytest.mark.parametrize("raw", ["²", "٣", "1²", "99999999999999999999", "-1", "1.5", " ", "", "1e3"])
def test_the_shared_parser_refuses_what_int_or_the_database_cannot_take(raw):
    assert parse_int(raw) is None


def test_the_shared_parser_reads_ascii_digits_within_bounds():
    assert parse_int(" 42 ") == 42
    assert parse_int("7", minimum=1, maximum=5) is None
    assert parse_int("0", minimum=1) is None


@given(st.text())
def test_cleaned_text_holds_only_characters_xml_can_carry(value):
    cleaned = clean_text(value)
    assert all(ch in "\t\n" or (" " <= ch <= "\x7e") or ch > "\x9f" for ch in cleaned)
    assert not any("\ud800" <= ch <= "\udfff" or ch in "\ufffe\uffff" for ch in cleaned)
    assert "\n" not in clean_line(value)


def test_a_pasted_vertical_tab_becomes_a_line_break_and_other_controls_go():
    assert clean_text("Ada\x0bLovelace\x00\x1b") == "Ada\nLovelace"
    assert clean_line("Ada\x0bLovelace") == "Ada Lovelace"


@pytest.mark.parametrize(
    "value", ["a@example.com\r\nBcc: x@example.com", "not an email", "a@b", "a b@example.com"]
)
def test_addresses_no_mail_server_would_take_are_refused(value):
    assert email_problem(value)


@pytest.mark.parametrize("value", ["call me", "12", "0" * 30, "07700 900\n982"])
def test_text_that_is_not_a_phone_number_is_refused(value):
    assert phone_problem(value)


def test_real_numbers_and_addresses_are_accepted():
    assert email_problem("o'brien+complaints@mail.example.co.uk") is None
    assert phone_problem("+44 (0)7700 900-982") is None


portal_sign_in = signed_in


@pytest.fixture
def api(api_for, officer):
    return api_for(officer)


@pytest.mark.django_db
def test_the_api_keeps_a_vertical_tab_out_of_the_record(api):
    body = {**NEW, "resident": {"name": "Ada\x0bLovelace"}, "description": "Mould\x0bin the\x1b bath"}
    response = api.post("/complaints", body)
    assert response.status_code == 201, response.content
    complaint = Complaint.objects.get()
    assert complaint.resident.name == "Ada Lovelace"
    assert complaint.description == "Mould\nin the bath"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "ada@example.com\r\nBcc: x@example.com"), ("email", "not an email"), ("phone", "call me")],
)
def test_the_api_refuses_an_address_or_number_no_letter_could_reach(api, field, value):
    response = api.post("/complaints", {**NEW, "resident": {"name": "Ada", field: value}})
    assert response.status_code == 422
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_reusing_an_idempotency_key_with_a_different_body_is_refused_with_422(api):
    first = api.post("/complaints", NEW, **{"Idempotency-Key": "k-1"})
    again = api.post("/complaints", NEW, **{"Idempotency-Key": "k-1"})
    other = api.post("/complaints", {**NEW, "description": "Something else"}, **{"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert other.status_code == 422 and "different request body" in other.json()["detail"]
    assert Complaint.objects.count() == 1
    assert IdempotencyKey.objects.get().body_sha256


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["²", "99999999999999999999", "٣"])
def test_an_odd_day_on_the_portal_date_page_is_an_error_a_person_can_fix(client, day):
    client.post("/complain/who/", {"who": "myself"})
    client.post("/complain/what-happened/", {"description": "Mould"})
    data = {"when": "happened", "happened_day": day, "happened_month": "3", "happened_year": "2026"}
    response = client.post("/complain/when/", data)
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["²", "99999999999999999999"])
def test_an_odd_page_number_on_the_portal_list_shows_the_first_page(client, portal_sign_in, page):
    portal_sign_in(client, "ada@example.org")
    assert client.get("/complaints/", {"page": page}).status_code == 200
