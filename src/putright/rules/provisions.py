"""The Code's provisions as data, for the annual self-assessment (Code 8.1a, 8.3, 8.4).

Two editions:

- ``hos-2024``: the statutory Complaint Handling Code (in force 1 April 2024). Its
  Appendix A self-assessment form restates 72 provisions, 1.2 to 9.8 (1.1 is an
  introduction and is not in the form). Each requirement is the Appendix's text.
- ``hos-2020``: the first Code (July 2020) and its question-style self-assessment form:
  38 questions in eight sections.

Requirement texts are single lines (no TAB or newline) so that the CLI can print one
provision per line as ``id<TAB>requirement``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from putright.rules import provisions_2020, provisions_2024


class Edition(StrEnum):
    """An edition of the Housing Ombudsman's Complaint Handling Code."""

    HOS_2024 = "hos-2024"
    HOS_2020 = "hos-2020"


@dataclass(frozen=True)
class Provision:
    """One provision of the Code as its self-assessment form states it."""

    id: str
    section: int
    section_title: str
    requirement: str


_SOURCES = {
    Edition.HOS_2024: (provisions_2024.SECTIONS, provisions_2024.PROVISIONS),
    Edition.HOS_2020: (provisions_2020.SECTIONS, provisions_2020.PROVISIONS),
}


def _edition(edition: Edition | str) -> Edition:
    try:
        return Edition(edition)
    except ValueError:
        known = ", ".join(e.value for e in Edition)
        raise ValueError(f"unknown Code edition {edition!r}; known editions: {known}") from None


@cache
def _provisions(edition: Edition) -> tuple[Provision, ...]:
    sections, rows = _SOURCES[edition]
    titles = dict(sections)
    return tuple(
        Provision(id=pid, section=section, section_title=titles[section], requirement=text)
        for pid, section, text in rows
    )


def provisions_for(edition: Edition | str = Edition.HOS_2024) -> tuple[Provision, ...]:
    """Every provision of an edition's self-assessment form, in the form's order.

    For ``hos-2024`` these are the 72 provisions of Appendix A (1.2 to 9.8).
    """
    return _provisions(_edition(edition))


def provision(edition: Edition | str, provision_id: str) -> Provision:
    """One provision by its id (``"6.9"``); ``KeyError`` if the edition has no such id."""
    ed = _edition(edition)
    for p in _provisions(ed):
        if p.id == provision_id:
            return p
    raise KeyError(f"the {ed.value} self-assessment form has no provision {provision_id!r}")


def sections_for(edition: Edition | str = Edition.HOS_2024) -> tuple[tuple[int, str], ...]:
    """The sections of an edition's self-assessment form as (number, title) pairs.

    For ``hos-2024`` section 8 is titled "Self-assessment, reporting and compliance" as in
    the body of the Code; Appendix A's heading repeats "Putting things right" by a typo.
    """
    return _SOURCES[_edition(edition)][0]
