"""Staff prove an authenticator app (TOTP) after their password, on every staff and admin
page, when PUTRIGHT_STAFF_2FA is "required" (OWASP ASVS 2.7, 2.8, 2.6 recovery codes)."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import RecoveryCode, TotpDevice
from putright.accounts.services.tokens import api_token_issue
from putright.accounts.services.twofactor import totp_new_secret, twofactor_enrol
from tests.accounts.conftest import MIDDLEWARE_PATH, production_middleware

pytestmark = pytest.mark.django_db

SETUP = "/staff/account/two-factor/set-up/"
VERIFY = "/staff/account/two-factor/verify/"
CODES = "/staff/account/two-factor/recovery-codes/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def enrolled(user) -> tuple[pyotp.TOTP, list[str]]:
    """An authenticator confirmed a minute ago, so codes from now on are fresh."""
    secret = totp_new_secret()
    totp = pyotp.TOTP(secret)
    earlier = timezone.now() - timedelta(seconds=60)
    codes = twofactor_enrol(user=user, secret=secret, code=totp.at(earlier), now=earlier)
    return totp, codes


def secret_on_page(html: str) -> str:
    match = re.search(r'id="secret">([A-Z2-7 ]+)<', html)
    assert match, "the set-up key is shown as text"
    return match.group(1).replace(" ", "")


@pytest.mark.usefixtures("second_factor_required")
def test_staff_without_an_authenticator_are_sent_to_set_one_up(handler):
    response = signed_in(handler).get("/staff/complaints/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert "next=%2Fstaff%2Fcomplaints%2F" in response["Location"]


@pytest.mark.usefixtures("second_factor_required")
def test_the_admin_needs_the_second_factor_too(make_user):
    admin = make_user(role="administrator", username="adam")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    response = signed_in(admin).get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


@pytest.mark.usefixtures("second_factor_required")
def test_set_up_shows_the_key_as_text_a_qr_code_and_an_otpauth_link(handler):
    html = signed_in(handler).get(SETUP).content.decode()
    assert len(secret_on_page(html)) == 32
    assert "otpauth://totp/" in html
    assert 'src="data:image/svg+xml' in html


@pytest.mark.usefixtures("second_factor_required")
def test_a_wrong_code_at_set_up_shows_the_error_and_saves_nothing(handler):
    client = signed_in(handler)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert 'id="code-error"' in html
    assert 'value="000000"' in html
    assert not TotpDevice.objects.filter(user=handler).exists()


@pytest.mark.usefixtures("second_factor_required")
def test_set_up_then_ten_recovery_codes_shown_once_and_stored_hashed(handler):
    client = signed_in(handler)
    secret = secret_on_page(client.get(SETUP).content.decode())
    response = client.post(SETUP, {"code": pyotp.TOTP(secret).now(), "next": "/staff/complaints/"})
    assert response.status_code == 302
    assert response["Location"].startswith(CODES)
    page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z0-9-]+)</code>", page)
    assert len(codes) == 10
    stored = set(RecoveryCode.objects.filter(user=handler).values_list("code_hash", flat=True))
    assert not stored & set(codes)
    assert "<code>" not in client.get(CODES).content.decode(), "shown once only"
    # Set up in this session counts as proved: staff pages open.
    assert client.get("/staff/complaints/").status_code != 302


@pytest.mark.usefixtures("second_factor_required")
def test_an_enrolled_user_is_asked_for_a_code_then_gets_where_they_were_going(handler):
    totp, _ = enrolled(handler)
    client = signed_in(handler)
    response = client.get("/staff/complaints/?page=2")
    assert response["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"code": totp.now(), "next": "/staff/complaints/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/staff/complaints/?page=2"
    assert client.get("/staff/complaints/").status_code != 302


@pytest.mark.usefixtures("second_factor_required")
def test_a_code_cannot_be_used_twice(handler):
    totp, _ = enrolled(handler)
    code = totp.now()
    first = signed_in(handler)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    second = signed_in(handler)
    response = second.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()


@pytest.mark.usefixtures("second_factor_required")
def test_a_recovery_code_works_once(handler):
    _, codes = enrolled(handler)
    client = signed_in(handler)
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == 302
    assert response["Location"].startswith(CODES), "told how many codes are left"
    assert "9 unused recovery codes" in client.get(CODES).content.decode()
    again = signed_in(handler).post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200


@pytest.mark.usefixtures("second_factor_required")
def test_five_wrong_codes_stop_further_tries_for_fifteen_minutes(handler):
    totp, _ = enrolled(handler)
    client = signed_in(handler)
    statuses = [client.post(VERIFY, {"code": "123456"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = client.post(VERIFY, {"code": totp.now()})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


@pytest.mark.usefixtures("second_factor_required")
def test_replacing_the_authenticator_needs_the_current_one(handler):
    enrolled(handler)
    response = signed_in(handler).get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


@pytest.mark.usefixtures("second_factor_required")
def test_proving_the_code_gives_a_new_session_key(handler):
    totp, _ = enrolled(handler)
    client = signed_in(handler)
    before = client.session.session_key
    client.post(VERIFY, {"code": totp.now()})
    assert client.session.session_key != before


@pytest.mark.usefixtures("second_factor_required")
def test_next_cannot_send_anyone_to_another_site(handler):
    totp, _ = enrolled(handler)
    response = signed_in(handler).post(VERIFY, {"code": totp.now(), "next": "https://evil.example/"})
    assert response["Location"] == "/staff/"


@pytest.mark.usefixtures("second_factor_required")
def test_new_recovery_codes_replace_the_old_ones(handler):
    totp, old = enrolled(handler)
    client = signed_in(handler)
    client.post(VERIFY, {"code": totp.now()})
    client.post(CODES)
    new = re.findall(r"<code>([a-z0-9-]+)</code>", client.get(CODES).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert signed_in(handler).post(VERIFY, {"code": old[1]}).status_code == 200


@pytest.mark.usefixtures("second_factor_required")
def test_signed_out_visitors_are_sent_to_sign_in_not_to_set_up(db):
    response = Client().get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


@pytest.mark.usefixtures("second_factor_required")
def test_the_api_takes_tokens_and_is_not_behind_the_second_factor(handler):
    _, raw = api_token_issue(user=handler, now=timezone.now())
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/complaints")
    assert response.status_code == 200


@pytest.mark.usefixtures("second_factor_optional")
def test_when_optional_staff_without_an_authenticator_go_straight_in(handler):
    assert signed_in(handler).get("/staff/complaints/").status_code != 302


@pytest.mark.usefixtures("second_factor_optional")
def test_when_optional_staff_who_set_one_up_must_still_prove_it(handler):
    enrolled(handler)
    response = signed_in(handler).get("/staff/complaints/")
    assert response["Location"].startswith(VERIFY)


def page_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


@pytest.mark.parametrize("mode", ["optional", "required"])
def test_checking_the_second_factor_adds_no_query_to_a_page(handler, mode):
    totp, _ = enrolled(handler)
    client = signed_in(handler)
    with override_settings(MIDDLEWARE=production_middleware(), PUTRIGHT_STAFF_2FA=mode):
        client.post(VERIFY, {"code": totp.now()})
        # The steady state: the first view makes the landlord's settings row, which moves the
        # configuration version, so the second loads the cached user again (ADR 8).
        client.get("/staff/complaints/")
        client.get("/staff/complaints/")
        guarded = page_queries(client, "/staff/complaints/")
    unguarded_middleware = [m for m in production_middleware() if m != MIDDLEWARE_PATH]
    with override_settings(MIDDLEWARE=unguarded_middleware):
        unguarded = page_queries(client, "/staff/complaints/")
    assert guarded == unguarded


@pytest.mark.usefixtures("second_factor_required")
def test_an_administrator_can_reset_a_lost_authenticator_from_the_command_line(handler):
    from io import StringIO

    from django.core.management import call_command

    enrolled(handler)
    out = StringIO()
    call_command("user", "reset-2fa", "hana", stdout=out)
    assert "Second factor removed for hana" in out.getvalue()
    assert not TotpDevice.objects.filter(user=handler).exists()
    assert not RecoveryCode.objects.filter(user=handler).exists()
    assert signed_in(handler).get("/staff/complaints/")["Location"].startswith(SETUP)
