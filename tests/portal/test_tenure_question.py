"""The portal asks how the home is held, in plain words, so portal complaints count in CH01 and
CH02 (the Regulator's measures count LCRA and LCHO tenants only); "I don't know" is allowed."""

from __future__ import annotations

import pytest

from putright.cases.models import Complaint, Tenure
from tests.portal.conftest import ANSWERS, walk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("answer", "stored"),
    [("shared_ownership", Tenure.SHARED_OWNERSHIP), ("unknown", Tenure.UNKNOWN)],
)
def test_the_portal_asks_how_the_home_is_held_and_stores_the_tenure_ch01(client, answer, stored):
    walk(client, details={**ANSWERS["details"], "home": answer})
    check = client.get("/complain/check/").content.decode()
    assert "How the home is held" in check
    client.post("/complain/check/", {"website": ""})
    assert Complaint.objects.select_related("resident").get().resident.tenure == stored


def test_the_tenure_question_is_in_plain_words_with_i_dont_know_ch01(client):
    walk(client)
    page = client.get("/complain/details/").content.decode()
    assert "How do you live in your home?" in page
    assert "Part-owned, with rent paid to us on the rest (shared ownership)" in page
    assert "I don&#x27;t know" in page or "I don't know" in page
    assert "LCRA" not in page and "tenure" not in page.lower()
