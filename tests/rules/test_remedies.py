"""Putting things right (Code 7.1-7.4) and the Ombudsman's remedies guidance as dated data."""

import itertools
from datetime import date
from decimal import Decimal

import pytest

from putright.rules.errors import RuleViolation
from putright.rules.remedies import RemedyInvalid, RemedyKind, check_remedy, label
from putright.rules.remedy_guidance import GUIDANCE, RateKey, band_for, fixed_sum, guidance_in_force

DUE = date(2025, 6, 30)


def test_remedy_kinds_are_the_eight_listed_in_code_7_1() -> None:
    assert [label(k) for k in RemedyKind] == [
        "Apologising",
        "Acknowledging where things have gone wrong",
        "Providing an explanation, assistance or reasons",
        "Taking action if there has been delay",
        "Reconsidering or changing a decision",
        "Amending a record or adding a correction or addendum",
        "Providing a financial remedy",
        "Changing policies, procedures or practices",
    ]
    assert label("financial") == "Providing a financial remedy"


def test_financial_remedy_needs_an_amount_code_7_3() -> None:
    with pytest.raises(RemedyInvalid) as caught:
        check_remedy(RemedyKind.FINANCIAL, None, "We will pay you by bank transfer.", DUE)
    assert caught.value.code_paragraph == "7.3"
    assert isinstance(caught.value, RuleViolation)


def test_financial_remedy_needs_a_positive_amount_code_7_3() -> None:
    with pytest.raises(RemedyInvalid, match="above"):
        check_remedy("financial", Decimal("0.00"), "We will pay you.", DUE)


def test_a_valid_financial_remedy_passes() -> None:
    check_remedy(RemedyKind.FINANCIAL, Decimal("250.00"), "We will pay £250 to your rent account.", DUE)
    check_remedy(RemedyKind.FINANCIAL, Decimal("75"), "We will pay £75.", DUE)


@pytest.mark.parametrize("what", ["", "   "])
def test_every_remedy_says_what_will_happen_code_7_3(what: str) -> None:
    with pytest.raises(RemedyInvalid, match="what will happen") as caught:
        check_remedy(RemedyKind.APOLOGY, None, what, DUE)
    assert caught.value.code_paragraph == "7.3"


def test_every_remedy_says_by_when_code_7_3() -> None:
    with pytest.raises(RemedyInvalid, match="by when") as caught:
        check_remedy(RemedyKind.ACTION_ON_DELAY, None, "We will replace the boiler.", None)
    assert caught.value.code_paragraph == "7.3"


def test_a_non_financial_remedy_needs_no_amount() -> None:
    check_remedy(RemedyKind.RECORD_AMENDMENT, None, "We will correct your rent record.", DUE)
    check_remedy(RemedyKind.APOLOGY, Decimal("0"), "We apologise in this letter.", DUE)


def test_a_payment_with_another_kind_of_remedy_is_its_own_financial_remedy_code_7_1() -> None:
    with pytest.raises(RemedyInvalid, match="separate financial remedy") as caught:
        check_remedy(RemedyKind.APOLOGY, Decimal("50.00"), "We apologise.", DUE)
    assert caught.value.code_paragraph == "7.1"


@pytest.mark.parametrize("amount", ["-1.00", "10.005", "NaN", "Infinity"])
def test_amounts_are_non_negative_pounds_and_pence(amount: str) -> None:
    with pytest.raises(RemedyInvalid):
        check_remedy(RemedyKind.FINANCIAL, Decimal(amount), "We will pay you.", DUE)


def test_guidance_before_april_2026_has_the_four_bands_code_7_4() -> None:
    guidance = guidance_in_force(date(2026, 3, 31))
    assert [(b.key, b.min_pounds, b.max_pounds) for b in guidance.bands] == [
        ("minor", Decimal("50"), Decimal("100")),
        ("adverse", Decimal("100"), Decimal("600")),
        ("significant", Decimal("600"), Decimal("1000")),
        ("severe", Decimal("1000"), None),
    ]
    assert guidance.daily_rates == ()


def test_guidance_from_1_april_2026_adds_fixed_sums() -> None:
    assert guidance_in_force(date(2026, 4, 1)).key == "hos-compensation-2026"
    assert guidance_in_force(date(2026, 3, 31)).key == "hos-remedies-pre-2026"


def test_guidance_periods_follow_on_without_gaps() -> None:
    for earlier, later in itertools.pairwise(GUIDANCE):
        assert earlier.effective_to is not None
        assert (later.effective_from - earlier.effective_to).days == 1
    assert GUIDANCE[-1].effective_to is None


def test_no_guidance_is_held_before_the_2024_code() -> None:
    with pytest.raises(LookupError):
        guidance_in_force(date(2024, 3, 31))


@pytest.mark.parametrize(
    ("amount", "band"),
    [
        ("49.99", None),
        ("50", "minor"),
        ("100", "minor"),
        ("100.01", "adverse"),
        ("600", "adverse"),
        ("750", "significant"),
        ("1000", "significant"),
        ("1000.01", "severe"),
        ("5000", "severe"),
    ],
)
def test_band_for_puts_a_boundary_sum_in_the_lower_band(amount: str, band: str | None) -> None:
    found = band_for(Decimal(amount), date(2025, 1, 1))
    assert (found.key if found else None) == band


@pytest.mark.parametrize(
    ("key", "units", "expected"),
    [
        (RateKey.HEATING_AND_HOT_WATER_LOST, 3, "45.00"),
        (RateKey.HEATING_OR_HOT_WATER_LOST, 3, "24.00"),
        (RateKey.POWER_LOST, 2, "20.00"),
        (RateKey.LIGHTING_LOST, 4, "40.00"),
        (RateKey.MISSED_APPOINTMENT, 2, "30.00"),
        ("missed_appointment", 0, "0.00"),
    ],
)
def test_fixed_sums_from_april_2026(key: RateKey, units: int, expected: str) -> None:
    assert fixed_sum(key, units, date(2026, 5, 1)) == Decimal(expected)


def test_no_fixed_sums_before_april_2026() -> None:
    with pytest.raises(KeyError, match="missed_appointment"):
        fixed_sum(RateKey.MISSED_APPOINTMENT, 1, date(2026, 3, 31))


def test_fixed_sum_refuses_negative_units() -> None:
    with pytest.raises(ValueError, match="negative"):
        fixed_sum(RateKey.POWER_LOST, -1, date(2026, 5, 1))
