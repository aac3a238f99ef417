"""The second-factor pages in Chromium: set up, recovery codes, verify, the sign-in lock page;
each passes axe-core (WCAG 2.2 AA) and works without inline script."""

from __future__ import annotations

import time

import pyotp
import pytest
from django.test import override_settings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hana(make_user):
    return make_user("handler", "hana")


def test_a_caseworker_sets_up_an_authenticator_then_proves_it_at_the_next_sign_in(
    page, axe_check, staff_login, hana
):
    with override_settings(PUTRIGHT_STAFF_2FA="required"):
        staff_login("hana")
        page.wait_for_url("**/two-factor/set-up/**")
        axe_check(page)
        totp = pyotp.TOTP(page.locator("#secret").text_content().replace(" ", ""))
        page.fill("#code", "000000")
        page.click("button[type=submit]")
        assert "There is a problem" in page.content()
        axe_check(page)
        page.fill("#code", totp.now())
        page.click("button[type=submit]")
        page.wait_for_url("**/recovery-codes/**")
        assert page.locator("#recovery-codes li").count() == 10
        axe_check(page)
        page.click("text=Continue")
        page.wait_for_url("**/staff/**")
        assert "two-factor" not in page.url

        page.context.clear_cookies()
        staff_login("hana")
        page.wait_for_url("**/two-factor/verify/**")
        axe_check(page)
        # A fresh code: the one used at set-up cannot be used again.
        page.fill("#code", totp.at(time.time() + 30))
        page.click("button[type=submit]")
        page.wait_for_url("**/staff/**")
        assert "two-factor" not in page.url


def test_the_sign_in_lock_page_says_what_happened_and_passes_axe(page, axe_check, staff_login, hana):
    for _ in range(5):
        staff_login("hana", "not the password")
    assert "Sign-in is temporarily locked" in page.content()
    axe_check(page)
