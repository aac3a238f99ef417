"""A subject access request answered in Chromium by keyboard alone (UK GDPR art. 15), with
axe-core on every page visited: the complaints officer signs in, finds the resident, checks
what is held, downloads the export, then sees it in the access log; the retention page too."""

from __future__ import annotations

import json
import zipfile

import pytest

from tests.privacy.story import build_story

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, script, limit=150):
    """Press Tab until `script` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({script}); }}"):
            return
    raise AssertionError(f"never reached focus: {script}")


def link_named(text):
    return f"el.tagName === 'A' && el.textContent.trim() === '{text}'"


def test_the_complaints_officer_downloads_a_subject_access_export_by_keyboard_alone(
    page, axe_check, handler, reviewer, officer, now, tmp_path
):
    story = build_story(handler, reviewer, now)

    page.goto("/staff/login/")
    tab_to(page, "el.id === 'id_username'")
    page.keyboard.type("olive")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/")

    tab_to(page, link_named("Privacy"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/privacy/")
    axe_check(page)
    tab_to(page, link_named("Subject access"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/privacy/subject-access/")
    axe_check(page)

    # Searching for nothing is an error, linked from the summary to the box.
    tab_to(page, "el.id === 'id_q'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/subject-access/?q=")
    assert "Enter a name, email address or tenancy reference" in page.content()
    axe_check(page, context="(search error)")

    tab_to(page, "el.id === 'id_q'")
    page.keyboard.type("T-1815")
    page.keyboard.press("Enter")
    page.wait_for_url("**/subject-access/?q=T-1815")
    axe_check(page, context="(results)")
    tab_to(page, link_named("Ada Lovelace"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/privacy/subject-access/{story.ada.pk}/")
    assert story.closed.reference in page.content()
    axe_check(page)

    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Download the subject access export'")
    with page.expect_download() as started:
        page.keyboard.press("Enter")
    download = started.value
    assert download.suggested_filename.startswith(f"subject-access-resident-{story.ada.pk}-")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    with zipfile.ZipFile(path) as archive:
        assert json.loads(archive.read("resident.json"))["tenancy_reference"] == "T-1815"
        reads = json.loads(archive.read("special_category_reads.json"))
        assert any(r["user"] == "olive" and r["where"] == "subject access export" for r in reads)

    # The export is recorded: on the resident's page, and in the access log under their name.
    page.reload()
    assert "by olive" in page.content()
    tab_to(page, link_named("Who viewed their health, disability or vulnerability details"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/privacy/access-log/?resident={story.ada.pk}")
    assert "subject access export" in page.content()
    axe_check(page, context="(access log)")

    tab_to(page, link_named("Retention"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/privacy/retention/")
    assert "putright retention apply" in page.content()
    axe_check(page, context="(retention)")
