"""The shared GOV.UK form layer: the services' own errors placed beside their fields, the
error summary's links, and the date input's messages."""

from __future__ import annotations

import pytest
from django import forms

from putright.core.errors import ActionRefused, CaseError, EditConflict, InvalidInput
from putright.ui.forms import DateField, GovukForm, MultipleFileField, Radios


class ExampleForm(GovukForm):
    error_fields = {"stage_one_handler": "handler"}
    refusal_fields = {"6.4": "days"}

    handler = forms.CharField(required=False)
    days = forms.IntegerField(required=False)
    decided_on = DateField(what="the date of the decision", required=False)
    outcome = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=Radios, required=False)
    attachments = MultipleFileField(required=False)


class DjangoNumberedForm(ExampleForm):
    first_option_suffix = "_0"


def placed(form: GovukForm, error: CaseError) -> dict[str, list[str]]:
    form.add_case_error(error)
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def test_a_refusal_stands_beside_its_field_with_its_code_paragraph_first():
    refusal = ActionRefused(
        "The stage 1 handler cannot take stage 2 (Code 6.13)",
        code_paragraph="6.13",
        field="stage_one_handler",
    )
    errors = placed(ExampleForm(data={}), refusal)
    assert errors == {"handler": ["Code 6.13: The stage 1 handler cannot take stage 2"]}


def test_a_refusal_naming_no_field_goes_beside_the_field_its_paragraph_is_about():
    errors = placed(ExampleForm(data={}), ActionRefused("Too many days", code_paragraph="6.4"))
    assert errors == {"days": ["Code 6.4: Too many days"]}


def test_bad_input_goes_beside_the_field_its_key_starts_from_and_the_rest_in_the_summary():
    form = ExampleForm(data={})
    errors = placed(
        form, InvalidInput({"attachments.0": "The file is too large", "resident": "No such resident"})
    )
    assert errors == {"attachments": ["The file is too large"], "__all__": ["No such resident"]}
    assert form.error_summary() == [
        {"href": "#id_attachments", "text": "The file is too large"},
        {"href": "", "text": "No such resident"},
    ]


def test_an_edit_conflict_is_in_the_summary_only():
    form = ExampleForm(data={})
    assert placed(form, EditConflict("Someone else changed it")) == {"__all__": ["Someone else changed it"]}


@pytest.mark.parametrize(
    ("form_class", "outcome_anchor"), [(ExampleForm, "#id_outcome"), (DjangoNumberedForm, "#id_outcome_0")]
)
def test_the_summary_links_to_the_day_box_of_a_date_and_the_first_option_of_radios(
    form_class, outcome_anchor
):
    form = form_class(
        data={"decided_on-day": "31", "decided_on-month": "2", "decided_on-year": "2027", "outcome": "c"}
    )
    assert [item["href"] for item in form.error_summary()] == ["#id_decided_on-day", outcome_anchor]


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "3", "2027", "The date of the decision must include a day"),
        ("1", "", "", "The date of the decision must include a month and a year"),
        ("1", "III", "2027", "The date of the decision must be a real date, in numbers"),
        ("1", "3", "27", "Year must include 4 numbers"),
        ("30", "2", "2027", "The date of the decision must be a real date"),
    ],
)
def test_a_bad_date_gets_the_gov_uk_message(day, month, year, message):
    form = ExampleForm(data={"decided_on-day": day, "decided_on-month": month, "decided_on-year": year})
    assert form.errors["decided_on"] == [message]
