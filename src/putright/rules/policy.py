"""What the Code asks a landlord's complaints policy to say, checked section by section.

The policy is kept as named sections of plain text. The checks here read that text and
the policy's timescales and return findings, each naming the Code paragraph it protects:

- a required section missing or blank (1.2, 1.4, 2.2, 3.1, 3.4, 3.6, 3.7, 5.10, 5.14, 7.1, 9.1);
- an exclusion not among those 2.2 names (to weigh: 2.2 allows others if fair and
  reasonable), a time limit for complaining shorter than 12 months (2.3), a blanket
  exclusion (2.5);
- a stage the Code does not have: a third stage, a "stage 0" or informal stage (5.2, 5.3);
- a timescale longer than the Code's (6.2, 6.3, 6.11, 6.14);
- a number of working days typed into the text instead of taken from the settings (3.4),
  so that the published policy can never disagree with the deadlines a case is given;
- no mention of the Complaint Handling Code (3.5).

Pure: no Django, no clock. ``check_policy`` never raises; a finding of severity
``PROBLEM`` stops the policy going to the governing body, ``WEIGH`` is shown to both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from putright.rules.editions import HOS_2024, Ruleset


class Severity(StrEnum):
    PROBLEM = "problem"  # the Code is not met: fix before approval
    WEIGH = "weigh"  # allowed only if fair and reasonable: say why in the policy or change it


@dataclass(frozen=True)
class RequiredSection:
    key: str
    title: str
    code_paragraph: str
    why: str


REQUIRED_SECTIONS: tuple[RequiredSection, ...] = (
    RequiredSection("definitions", "What a complaint is", "1.2", "the Code's definition of a complaint"),
    RequiredSection("how_to_complain", "How to complain", "3.1", "the different ways to complain"),
    RequiredSection(
        "exclusions", "When we may not accept a complaint", "2.2", "the circumstances of exclusion"
    ),
    RequiredSection(
        "timescales", "The two stages and their timescales", "3.4", "the two stages and timescales"
    ),
    RequiredSection("representatives", "Complaining through someone else", "3.6", "representatives"),
    RequiredSection("adjustments", "Reasonable adjustments", "5.10", "reasonable adjustments"),
    RequiredSection("behaviour", "Unacceptable behaviour", "5.14", "managing unacceptable behaviour"),
    RequiredSection("remedies", "Putting things right and compensation", "7.1", "remedies"),
    RequiredSection("ombudsman", "The Housing Ombudsman", "3.7", "the right to go to the Ombudsman"),
    RequiredSection("learning", "Learning from complaints", "9.1", "learning from complaints"),
)
SECTION_KEYS = tuple(s.key for s in REQUIRED_SECTIONS)

# The policy's own timescales: setting name -> (which table, stage, Code paragraph, words).
TIMESCALE_FIELDS: Mapping[str, tuple[str, int, str, str]] = {
    "stage1_acknowledge_days": ("acknowledge_days", 1, "6.2", "Stage 1 acknowledgement"),
    "stage1_respond_days": ("respond_days", 1, "6.3", "Stage 1 response"),
    "stage2_acknowledge_days": ("acknowledge_days", 2, "6.11", "Stage 2 acknowledgement"),
    "stage2_respond_days": ("respond_days", 2, "6.14", "Stage 2 response"),
}

# The exclusions 2.2 names, recognised in the landlord's own words.
_ALLOWED_EXCLUSIONS = (
    re.compile(r"\b(12|twelve)\s+months\b", re.I),
    re.compile(r"\b(legal proceedings|court|claim form)\b", re.I),
    re.compile(r"\b(previously|already)\s+(been\s+)?(considered|looked at|dealt with)\b", re.I),
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+(.*\S)")
_MONTHS = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months?\b", re.I)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
}  # fmt: skip
_BLANKET = re.compile(r"\b(any|all)\s+complaints?\s+(about|regarding|relating to)\b", re.I)
_EXTRA_STAGE = re.compile(r"\b(stage\s*(3|three|0|zero)|third\s+stage|informal\s+stage)\b", re.I)
_TYPED_DAYS = re.compile(r"\b(\d+)\s+working\s+days?\b", re.I)
_CODE_NAMED = re.compile(r"complaint handling code", re.I)


@dataclass(frozen=True)
class Finding:
    code_paragraph: str
    section: str  # the section key it is about ("" for the policy as a whole)
    severity: Severity
    message: str


def check_policy(
    sections: Mapping[str, str], timescales: Mapping[str, int], code: Ruleset = HOS_2024
) -> list[Finding]:
    """Every finding for a policy whose section texts are ``sections`` (key -> text) and whose
    timescales in working days are ``timescales`` (the names in ``TIMESCALE_FIELDS``)."""
    findings: list[Finding] = []
    findings += _missing_sections(sections)
    findings += _exclusions(sections.get("exclusions", ""))
    findings += _stages(sections)
    findings += _timescales(timescales, code)
    findings += _typed_days(sections)
    if not any(_CODE_NAMED.search(text) for text in sections.values()):
        findings.append(
            Finding(
                "3.5", "", Severity.PROBLEM, "Say how residents are told about the Complaint Handling Code."
            )
        )
    return findings


def blocking(findings: list[Finding]) -> list[Finding]:
    """The findings that stop a policy going to the governing body."""
    return [f for f in findings if f.severity is Severity.PROBLEM]


def _missing_sections(sections: Mapping[str, str]) -> list[Finding]:
    findings = []
    for required in REQUIRED_SECTIONS:
        if not sections.get(required.key, "").strip():
            findings.append(
                Finding(
                    required.code_paragraph,
                    required.key,
                    Severity.PROBLEM,
                    f"The policy needs a section '{required.title}' setting out {required.why}.",
                )
            )
    definitions = sections.get("definitions", "")
    if definitions.strip() and "service request" not in definitions.lower():
        findings.append(
            Finding(
                "1.4",
                "definitions",
                Severity.PROBLEM,
                "Set out the difference between a service request and a complaint.",
            )
        )
    return findings


def _exclusions(text: str) -> list[Finding]:
    findings = []
    for line in text.splitlines():
        bullet = _BULLET.match(line)
        if bullet and not any(p.search(bullet.group(1)) for p in _ALLOWED_EXCLUSIONS):
            findings.append(
                Finding(
                    "2.2",
                    "exclusions",
                    Severity.WEIGH,
                    f"'{bullet.group(1)}' is not among the exclusions the Code names: keep it only if it is "
                    "fair and reasonable to residents, and say why.",
                )
            )
    for match in _MONTHS.finditer(text):
        word = match.group(1).lower()
        months = int(word) if word.isdigit() else _WORD_NUMBERS[word]
        if months < 12:
            findings.append(
                Finding(
                    "2.3",
                    "exclusions",
                    Severity.PROBLEM,
                    f"Residents have 12 months to complain, not {match.group(0)}.",
                )
            )
    if _BLANKET.search(text):
        findings.append(
            Finding(
                "2.5",
                "exclusions",
                Severity.PROBLEM,
                "Exclude complaints case by case, never all complaints about a subject.",
            )
        )
    return findings


def _stages(sections: Mapping[str, str]) -> list[Finding]:
    findings = []
    for key, text in sections.items():
        match = _EXTRA_STAGE.search(text)
        if match:
            findings.append(
                Finding(
                    "5.2",
                    key,
                    Severity.PROBLEM,
                    f"The Code has exactly two stages: remove '{match.group(0)}' (5.2, 5.3).",
                )
            )
    return findings


def _timescales(timescales: Mapping[str, int], code: Ruleset) -> list[Finding]:
    findings = []
    for name, (table, stage, paragraph, words) in TIMESCALE_FIELDS.items():
        days = timescales.get(name)
        limit = getattr(code, table)[stage]
        if days is None or days < 1:
            findings.append(
                Finding(paragraph, "timescales", Severity.PROBLEM, f"Give the {words} timescale.")
            )
        elif days > limit:
            findings.append(
                Finding(
                    paragraph,
                    "timescales",
                    Severity.PROBLEM,
                    f"{words}: {days} working days is longer than the Code's {limit}.",
                )
            )
    return findings


def _typed_days(sections: Mapping[str, str]) -> list[Finding]:
    findings = []
    for key, text in sections.items():
        for match in _TYPED_DAYS.finditer(text):
            findings.append(
                Finding(
                    "3.4",
                    key,
                    Severity.PROBLEM,
                    f"'{match.group(0)}' is typed in: use a placeholder such as {{stage1_respond_days}} so the "
                    "policy always says what the deadlines are.",
                )
            )
    return findings
