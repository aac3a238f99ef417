"""The check-your-answers page: each answer in plain words, with a link to change it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from putright.cases.models import ContactPreference, Format
from putright.portal.forms.complain import HOME_CHOICES
from putright.portal.views.draft import BY_SLUG, Step

HOME_LABELS = dict(HOME_CHOICES)


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    href: str
    hidden: str


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[Row]


def _date(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _when(when: dict[str, Any]) -> str:
    if when["issue_occurred_on"]:
        return f"It happened on {_date(when['issue_occurred_on'])}"
    if when["aware_on"]:
        return f"I found out about it on {_date(when['aware_on'])}"
    return "I'm not sure"


def _contact(contact: dict[str, Any]) -> str:
    how = contact["contact"]
    detail = {"email": contact["email"], "phone": contact["phone"], "post": contact["postal_address"]}[how]
    return f"{ContactPreference(how).label}: {detail}"


def _help(help_: dict[str, Any]) -> str:
    if help_["letter_format"] == Format.OTHER_LANGUAGE:
        return f"Another language: {help_['language']}"
    if help_["letter_format"] == Format.STANDARD:
        return "Standard letters and emails"
    return str(Format(help_["letter_format"]).label)


@dataclass(frozen=True)
class _Rows:
    """Makes each row's link back to the step that asked, with the answer or "Not given"."""

    url: Callable[[Step | None], str]

    def row(self, key: str, value: str, slug: str, hidden: str, anchor: str = "") -> Row:
        href = self.url(BY_SLUG[slug]) + (f"#{anchor}" if anchor else "")
        return Row(key, value or "Not given", href, hidden)


def sections(
    answers: dict[str, dict[str, Any]], for_someone_else: bool, url: Callable[[Step | None], str]
) -> list[Section]:
    rows = _Rows(url)
    return [
        Section("The complaint", _complaint(rows, answers, for_someone_else)),
        Section(
            "About " + ("you and them" if for_someone_else else "you"),
            _people(rows, answers, for_someone_else),
        ),
        Section("Contact and help", _contact_and_help(rows, answers)),
    ]


def _complaint(rows: _Rows, answers: dict[str, dict[str, Any]], for_someone_else: bool) -> list[Row]:
    them = "they" if for_someone_else else "you"
    return [
        rows.row("What happened", answers["what-happened"]["description"], "what-happened", "what happened"),
        rows.row("When", _when(answers["when"]), "when", "when it happened"),
        rows.row(
            f"What {them} would like to happen",
            answers["outcome"]["outcomes"],
            "outcome",
            "what you would like to happen",
        ),
    ]


def _people(rows: _Rows, answers: dict[str, dict[str, Any]], for_someone_else: bool) -> list[Row]:
    """Who the complaint is for, the representative if someone else, and the resident's home."""
    people = [
        rows.row(
            "Who the complaint is for",
            "Someone else" if for_someone_else else "Me",
            "who",
            "who the complaint is for",
        )
    ]
    if for_someone_else:
        rep = answers["representative"]
        people += [
            rows.row("Your name", rep["rep_name"], "representative", "your name", "rep_name"),
            rows.row(
                "How you know them",
                rep["relationship"],
                "representative",
                "how you know them",
                "relationship",
            ),
            rows.row("They agree", "Yes", "representative", "whether they agree", "resident_agrees"),
        ]
    details = answers["details"]
    people += [
        rows.row(
            "Their name" if for_someone_else else "Your name", details["name"], "details", "name", "name"
        ),
        rows.row("Address of the home", details["address"], "details", "address", "address"),
        rows.row(
            "How the home is held",
            HOME_LABELS.get(details["home"], ""),
            "details",
            "how the home is held",
            "home",
        ),
    ]
    return people


def _contact_and_help(rows: _Rows, answers: dict[str, dict[str, Any]]) -> list[Row]:
    help_ = answers["help"]
    return [
        rows.row("How to contact you", _contact(answers["contact"]), "contact", "how to contact you"),
        rows.row("Letters and emails", _help(help_), "help", "format of letters and emails"),
        rows.row("Other help", help_["adjustments"], "help", "other help", "adjustments"),
    ]
