"""The answers of the "make a complaint" flow, kept in the session until they are sent.

Answers are kept exactly as typed, valid or not, so going back or forward never loses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.sessions.backends.base import SessionBase

from putright.portal.forms.complain import (
    ContactForm,
    DetailsForm,
    HelpForm,
    OutcomeForm,
    RepresentativeForm,
    StepForm,
    WhatHappenedForm,
    WhenForm,
    WhoForm,
)
from putright.residents.services import ComplaintSubmission, RepresentativeInput

KEY = "complaint_draft"
REACHED_CHECK = "_reached_check"


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[StepForm]
    title: str
    only_for_someone_else: bool = False

    @property
    def template(self) -> str:
        return f"portal/complain/{self.slug}.html"


STEPS = (
    Step("who", WhoForm, "Who is the complaint for?"),
    Step("representative", RepresentativeForm, "About you", only_for_someone_else=True),
    Step("what-happened", WhatHappenedForm, "What happened?"),
    Step("when", WhenForm, "When did it happen?"),
    Step("outcome", OutcomeForm, "What would you like to happen?"),
    Step("details", DetailsForm, "Name and address"),
    Step("contact", ContactForm, "How should we contact you?"),
    Step("help", HelpForm, "Help we can give you"),
)
BY_SLUG = {step.slug: step for step in STEPS}


class Draft:
    def __init__(self, session: SessionBase) -> None:
        self.session = session
        self.answers: dict[str, Any] = dict(session.get(KEY, {}))

    @property
    def for_someone_else(self) -> bool:
        return bool(self.answers.get("who", {}).get("who") == "someone_else")

    @property
    def reached_check(self) -> bool:
        return bool(self.answers.get(REACHED_CHECK))

    def steps(self) -> list[Step]:
        return [s for s in STEPS if self.for_someone_else or not s.only_for_someone_else]

    def previous(self, step: Step) -> Step | None:
        steps = self.steps()
        index = steps.index(step) if step in steps else 0
        return steps[index - 1] if index > 0 else None

    def following(self, step: Step) -> Step | None:
        steps = self.steps()
        index = steps.index(step) if step in steps else -1
        return steps[index + 1] if index + 1 < len(steps) else None

    def form(self, step: Step, today: date, data: dict[str, Any] | None = None) -> StepForm:
        """Bound to `data` when given; otherwise showing the saved answers without judging them."""
        if data is not None:
            return step.form(data=data, today=today, for_someone_else=self.for_someone_else)
        return step.form(
            initial=self.answers.get(step.slug, {}), today=today, for_someone_else=self.for_someone_else
        )

    def save(self, step: Step, data: dict[str, Any]) -> None:
        self.answers[step.slug] = data
        self._store()

    def mark_reached_check(self) -> None:
        if not self.reached_check:
            self.answers[REACHED_CHECK] = True
            self._store()

    def _store(self) -> None:
        self.session[KEY] = self.answers

    def clear(self) -> None:
        self.session.pop(KEY, None)

    def cleaned(self, today: date) -> tuple[dict[str, dict[str, Any]], Step | None]:
        """Every page's checked answers, and the first page still to answer or put right."""
        result: dict[str, dict[str, Any]] = {}
        for step in self.steps():
            if step.slug not in self.answers:
                return result, step
            form = self.form(step, today, data=self.answers[step.slug])
            if not form.is_valid():
                return result, step
            result[step.slug] = form.cleaned_data
        return result, None


def submission_from(answers: dict[str, dict[str, Any]]) -> ComplaintSubmission:
    rep = answers.get("representative")
    contact, help_ = answers["contact"], answers["help"]
    return ComplaintSubmission(
        what_happened=answers["what-happened"]["description"],
        outcomes_sought=answers["outcome"]["outcomes"],
        issue_occurred_on=answers["when"]["issue_occurred_on"],
        aware_on=answers["when"]["aware_on"],
        resident_name=answers["details"]["name"],
        home_address=answers["details"]["address"],
        tenure=answers["details"]["home"],
        contact_method=contact["contact"],
        email=contact["email"] if contact["contact"] == "email" else "",
        phone=contact["phone"] if contact["contact"] == "phone" else "",
        postal_address=contact["postal_address"] if contact["contact"] == "post" else "",
        letter_format=help_["letter_format"],
        language=help_["language"],
        adjustments=help_["adjustments"],
        representative=(
            RepresentativeInput(rep["rep_name"], rep["relationship"], rep["resident_agrees"]) if rep else None
        ),
    )
