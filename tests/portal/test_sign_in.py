"""The sign-in pages: the same answer for any email, codes, links that a mail scanner cannot use up."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from putright.residents.models import ResidentSession

pytestmark = pytest.mark.django_db


def _ask(client, email, capture):
    with capture(execute=True):
        return client.post("/sign-in/", {"email": email, "website": ""})


def test_known_and_unknown_emails_get_the_same_answer(client, complaint, django_capture_on_commit_callbacks):
    known = _ask(client, "ada@example.org", django_capture_on_commit_callbacks)
    other = Client()
    unknown = _ask(other, "nobody@example.org", django_capture_on_commit_callbacks)
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/sign-in/code/"
    page_known = client.get("/sign-in/code/").content.decode().replace("ada@example.org", "EMAIL")
    page_unknown = other.get("/sign-in/code/").content.decode().replace("nobody@example.org", "EMAIL")
    strip = lambda page: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)  # noqa: E731
    assert strip(page_known) == strip(page_unknown)
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]


def test_a_resident_signs_in_with_the_code_and_sees_their_complaint(
    client, complaint, django_capture_on_commit_callbacks
):
    _ask(client, "ada@example.org", django_capture_on_commit_callbacks)
    code = re.search(r"^(\d{6})$", mail.outbox[0].body, re.MULTILINE).group(1)
    response = client.post("/sign-in/code/", {"code": code})
    assert response["Location"] == "/complaints/"
    assert complaint.reference in client.get("/complaints/").content.decode()


def test_a_wrong_code_gets_an_error_summary_and_the_code_typed_is_kept(client, complaint):
    client.post("/sign-in/", {"email": "ada@example.org", "website": ""})
    page = client.post("/sign-in/code/", {"code": "12345x"}).content.decode()
    assert 'href="#code"' in page and "The code must be 6 numbers" in page
    assert 'value="12345x"' in page
    page = client.post("/sign-in/code/", {"code": "000000"}).content.decode()
    assert "That code is not right, or it has run out" in page


def test_a_badly_typed_email_is_shown_again_with_a_message(client):
    page = client.post("/sign-in/", {"email": "ada.example.org", "website": ""}).content.decode()
    assert 'href="#email"' in page and "Enter an email address in the correct format" in page
    assert 'value="ada.example.org"' in page
    page = client.post("/sign-in/", {"email": "", "website": ""}).content.decode()
    assert "Enter your email address" in page


def test_the_link_asks_for_a_click_so_mail_scanners_do_not_use_it_up(
    client, complaint, django_capture_on_commit_callbacks
):
    _ask(client, "ada@example.org", django_capture_on_commit_callbacks)
    path = re.search(r"https?://[^/]+(/sign-in/link/[^/]+/)", mail.outbox[0].body).group(1)
    browser = Client()
    assert browser.get(path).status_code == 200
    assert browser.get(path).status_code == 200
    assert browser.post(path)["Location"] == "/complaints/"
    assert Client().post(path).status_code == 410


def test_after_signing_in_the_resident_returns_to_the_page_they_asked_for(
    client, complaint, django_capture_on_commit_callbacks
):
    wanted = f"/complaints/{complaint.reference}/"
    assert client.get(wanted)["Location"] == "/sign-in/"
    _ask(client, "ada@example.org", django_capture_on_commit_callbacks)
    code = re.search(r"^(\d{6})$", mail.outbox[0].body, re.MULTILINE).group(1)
    assert client.post("/sign-in/code/", {"code": code})["Location"] == wanted


def test_signing_in_gives_a_new_session_key(client, complaint, django_capture_on_commit_callbacks):
    _ask(client, "ada@example.org", django_capture_on_commit_callbacks)
    before = client.session.session_key
    code = re.search(r"^(\d{6})$", mail.outbox[0].body, re.MULTILINE).group(1)
    client.post("/sign-in/code/", {"code": code})
    assert client.session.session_key != before


def test_signing_out_ends_the_session(client, complaint, signed_in):
    signed_in(client, "ada@example.org")
    assert client.get("/complaints/").status_code == 200
    client.post("/sign-out/")
    assert client.get("/complaints/").status_code == 302
    assert ResidentSession.objects.get().ended_at is not None


def test_a_robot_filling_the_hidden_field_gets_no_code(client, complaint):
    response = client.post("/sign-in/", {"email": "ada@example.org", "website": "spam"})
    assert response.status_code == 400
    assert mail.outbox == []


def test_too_many_requests_get_a_message_with_another_way_in(client, complaint):
    for _ in range(5):
        client.post("/sign-in/", {"email": "ada@example.org", "website": ""})
    response = client.post("/sign-in/", {"email": "ada@example.org", "website": ""})
    assert response.status_code == 429
    assert "Wait an hour" in response.content.decode()


def test_forms_refuse_posts_without_the_csrf_token(complaint):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/sign-in/", {"email": "ada@example.org"}).status_code == 403
    assert strict.post("/complain/who/", {"who": "myself"}).status_code == 403
