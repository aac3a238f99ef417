"""The browser fixtures of tests/e2e (Chromium, live server, axe-core), for the account pages."""

from tests.e2e.conftest import axe_check, browser, page, staff_login  # noqa: F401  (fixtures, used by name)
