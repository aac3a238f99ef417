"""The home page renders in Chromium and passes axe-core."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_home_page_has_no_accessibility_violations(page, axe_check):
    page.goto("/")
    assert "Tell us when something has gone wrong" in page.content()
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_staff_sign_in_page_has_no_accessibility_violations(page, axe_check):
    page.goto("/staff/")
    assert "/staff/login/" in page.url
    axe_check(page)
