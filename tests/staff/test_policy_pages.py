"""The staff pages show the landlord's dates and the Code's beside them (Code 3.4, 5.1), and the
settings page says what a change to the timescales does to running cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from putright.landlord.services import landlord_timescales_update
from tests.cases import factories


def test_the_case_page_shows_our_date_and_the_codes_date_5_1(officer: Any, client_for: Any) -> None:
    landlord_timescales_update(actor=officer, stage1_acknowledge_days=3)
    complaint = factories.log(officer, date(2026, 11, 2))
    page = client_for(officer).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "5 November 2026" in page
    assert "The Code&#x27;s date: 9 November 2026" in page or "The Code's date: 9 November 2026" in page


def test_a_2020_edition_case_says_it_is_judged_on_the_2020_code_editions(
    officer: Any, client_for: Any
) -> None:
    complaint = factories.log(officer, date(2024, 3, 25))
    page = client_for(officer).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "judged on the 2020 Code" in page


def test_the_settings_page_says_running_cases_keep_the_dates_they_were_given_5_1(
    officer: Any, client_for: Any
) -> None:
    page = client_for(officer).get("/staff/settings/timescales/").content.decode()
    assert "A change applies to deadlines set after you save it" in page
    assert "keep the dates their residents have been given" in page


def test_the_code_checklist_judges_on_the_codes_date_and_aims_at_ours_6_2(officer: Any, handler: Any) -> None:
    from putright.cases import selectors
    from putright.staff.presenters.checklist import MET, TO_DO, code_checklist

    landlord_timescales_update(actor=officer, stage1_acknowledge_days=3)
    complaint = factories.log(officer, date(2026, 11, 2))

    def ack_item(today: date) -> Any:
        loaded = selectors.complaint_get(complaint_id=complaint.pk)
        return next(i for i in code_checklist(loaded, today=today) if i.key == "ack")

    # Past our 5 November but before the Code's 9 November: still to do, aiming at our date.
    waiting = ack_item(date(2026, 11, 6))
    assert waiting.state == TO_DO and "5 November 2026" in waiting.detail
    factories.acknowledge(handler, complaint, date(2026, 11, 6), handler=handler)
    assert ack_item(date(2026, 11, 6)).state == MET
