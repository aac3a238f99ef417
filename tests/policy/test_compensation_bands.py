"""Compensation bands at the point a financial remedy is recorded, and in the reports (Code 7.4)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from putright.cases.models import Remedy
from putright.core.errors import InvalidInput
from putright.governance.selectors.compensation import remedies_against_bands
from putright.governance.selectors.periods import Period
from putright.landlord.compensation import BandInput, compensation_bands, compensation_bands_replace
from tests.api.test_remedies_and_promises_api import acknowledged, respond  # noqa: F401

pytestmark = pytest.mark.django_db


def financial(amount: str, **extra: str) -> dict[str, str]:
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    return {
        "kind": "financial",
        "description": "Compensation for distress",
        "amount": amount,
        "due_on": due,
        **extra,
    }


def test_the_bands_default_to_the_ombudsmans_guidance_7_4(db) -> None:
    keys = [band.key for band in compensation_bands(on=timezone.localdate())]
    assert keys == ["minor", "adverse", "significant", "severe"]


def test_an_amount_outside_the_band_chosen_for_the_impact_needs_a_reason_7_4(acknowledged) -> None:  # noqa: F811
    api, cid = acknowledged
    answer = respond(api, cid, remedies=[financial("450.00", band="minor")])
    assert answer.status_code == 422, answer.content
    assert answer.json()["code_paragraph"] == "7.4"
    assert "£450.00 is outside the band 'Minor failure' (£50 to £100)" in answer.json()["detail"]
    assert "remedies.0.band_reason" in answer.json()["errors"]
    assert not Remedy.objects.filter(complaint_id=cid).exists()
    answer = respond(
        api, cid, remedies=[financial("450.00", band="minor", band_reason="Two years without a working bath")]
    )
    assert answer.status_code == 200, answer.content
    stored = Remedy.objects.get(complaint_id=cid)
    assert (stored.band, stored.band_reason) == ("minor", "Two years without a working bath")
    assert answer.json()["remedies"][0]["band"] == "minor"


def test_without_a_band_the_band_the_amount_falls_in_is_recorded(acknowledged) -> None:  # noqa: F811
    api, cid = acknowledged
    assert respond(api, cid, remedies=[financial("250.00")]).status_code == 200
    assert Remedy.objects.get(complaint_id=cid).band == "adverse"


def test_an_unknown_band_is_refused_naming_the_bands_7_4(acknowledged) -> None:  # noqa: F811
    api, cid = acknowledged
    answer = respond(api, cid, remedies=[financial("80.00", band="tiny")])
    assert answer.status_code == 422 and answer.json()["code_paragraph"] == "7.4"
    assert "minor, adverse, significant, severe" in answer.json()["detail"]


def test_the_api_suggests_the_band_for_an_amount(acknowledged) -> None:  # noqa: F811
    api, _cid = acknowledged
    answer = api.get("/compensation-bands", amount="250")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["suggested"] == "adverse" and body["source"] == "ombudsman"
    assert body["bands"][1] == {
        "key": "adverse", "label": "Failure with adverse effect", "min_pounds": "100", "max_pounds": "600",
        "range": "£100 to £600",
        "description": "a failure that adversely affected the resident, without a permanent impact",
    }  # fmt: skip


def test_the_landlords_own_bands_replace_the_ombudsmans(officer) -> None:
    with pytest.raises(InvalidInput) as refused:
        compensation_bands_replace(actor=officer, bands=[BandInput("Low", Decimal("200"), Decimal("100"))])
    assert refused.value.errors == {"bands.0.max_pounds": ["The highest amount must not be below the lowest"]}
    compensation_bands_replace(
        actor=officer,
        bands=[BandInput("Low", Decimal("25"), Decimal("150")), BandInput("High", Decimal("150"), None)],
    )
    assert [b.key for b in compensation_bands(on=timezone.localdate())] == ["low", "high"]
    compensation_bands_replace(actor=officer, bands=[])
    assert compensation_bands(on=timezone.localdate())[0].key == "minor"


def test_the_reports_set_each_financial_remedy_against_its_band_7_4(acknowledged) -> None:  # noqa: F811
    api, cid = acknowledged
    remedies = [
        financial("80.00", band="minor"),
        financial("450.00", band="minor", band_reason="Long-term loss"),
    ]
    assert respond(api, cid, remedies=remedies).status_code == 200
    today = timezone.localdate()
    rows = remedies_against_bands(Period(today, today))
    assert (rows["minor"].count, rows["minor"].within, rows["minor"].outside) == (2, 1, 1)
    assert rows["minor"].total == Decimal("530.00") and rows["minor"].highest == Decimal("450.00")
    assert rows["adverse"].count == 0


def test_the_respond_page_offers_the_bands_with_their_amounts(acknowledged, officer) -> None:  # noqa: F811
    _api, cid = acknowledged
    client = Client()
    client.force_login(officer)
    page = client.get(f"/staff/complaints/{cid}/respond/").content.decode()
    assert "Failure with adverse effect: £100 to £600" in page


def test_the_settings_page_sets_the_landlords_bands_with_errors_beside_the_rows(officer) -> None:
    client = Client()
    client.force_login(officer)
    rows = {"bands-TOTAL_FORMS": "6", "bands-INITIAL_FORMS": "0"}
    refused = client.post(
        "/staff/settings/compensation/",
        {**rows, "bands-0-label": "Low", "bands-0-min_pounds": "200", "bands-0-max_pounds": "100"},
    )
    assert refused.status_code == 400
    assert "Band 1: The highest amount must not be below the lowest" in refused.content.decode()
    saved = client.post(
        "/staff/settings/compensation/",
        {**rows, "bands-0-label": "Low", "bands-0-min_pounds": "20", "bands-0-max_pounds": "150"},
    )
    assert saved.status_code == 302
    assert [b.key for b in compensation_bands(on=timezone.localdate())] == ["low"]
