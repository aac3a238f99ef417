"""Screening what residents tell us for likely hazards, so none waits to be noticed.

Every complaint, contact and portal message is screened on its words and its category. The
screen never decides: it prompts a caseworker to record the hazard (or dismiss the prompt
with a reason). It errs towards prompting: it ignores negation ("no damp" still prompts),
and an emergency word wins over damp and mould. Vulnerability in the household (a child,
asthma, pregnancy, old age, disability) raises the priority, because the same damp is a
greater risk to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from putright.rules.hazard_scope import HazardKind


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


# (pattern, suggested kind, suggested HHSRS hazard)
_SCREENS: tuple[tuple[re.Pattern[str], HazardKind, str], ...] = (
    (
        _pattern((r"gas leak(?:s|ing)?", r"leaking gas", r"smell(?:s|ing)? (?:of )?gas", r"gas smell")),
        HazardKind.EMERGENCY,
        "uncombusted_fuel_gas",
    ),
    (_pattern((r"carbon monoxide", r"co alarm")), HazardKind.EMERGENCY, "carbon_monoxide"),
    (
        _pattern((r"electric(?:al)? shocks?", r"exposed (?:live )?(?:wires?|wiring|cables?)", r"sparking")),
        HazardKind.EMERGENCY,
        "electrical_hazards",
    ),
    (_pattern((r"fire", r"smoke alarm")), HazardKind.EMERGENCY, "fire"),
    (
        _pattern((r"collaps(?:e|ed|es|ing)", r"structural", r"ceiling (?:fell|falling|came down)")),
        HazardKind.EMERGENCY,
        "structural_collapse",
    ),
    (_pattern((r"sewage", r"flood(?:s|ed|ing)?", r"burst pipe")), HazardKind.EMERGENCY, "personal_hygiene"),
    (
        _pattern((r"no (?:heating|heat|hot water)", r"boiler (?:broken|not working)")),
        HazardKind.EMERGENCY,
        "excess_cold",
    ),
    (
        _pattern((r"damp(?:ness)?", r"mou?ld(?:s|y)?", r"condensation", r"black spots", r"fungus")),
        HazardKind.SIGNIFICANT,
        "damp_and_mould",
    ),
)

# Categories a complaint or contact may carry that mean a hazard on their own.
CATEGORY_HAZARDS: dict[str, tuple[HazardKind, str]] = {
    "damp_and_mould": (HazardKind.SIGNIFICANT, "damp_and_mould"),
    "gas": (HazardKind.EMERGENCY, "uncombusted_fuel_gas"),
    "heating": (HazardKind.EMERGENCY, "excess_cold"),
    "electrical": (HazardKind.EMERGENCY, "electrical_hazards"),
    "structural": (HazardKind.EMERGENCY, "structural_collapse"),
}

_VULNERABLE = _pattern(
    (
        r"child(?:ren)?",
        r"kids?",
        r"bab(?:y|ies)",
        r"toddler",
        r"newborn",
        r"asthma(?:tic)?",
        r"copd",
        r"breathing",
        r"respiratory",
        r"pregnan(?:t|cy)",
        r"elderly",
        r"disabled",
        r"disability",
        r"wheelchair",
        r"immune",
    )
)


@dataclass(frozen=True)
class Screen:
    """A likely hazard: the kind and HHSRS hazard to suggest, the words that matched, and
    whether the household sounds vulnerable (which raises its priority)."""

    kind: HazardKind
    hazard: str
    words: tuple[str, ...]
    vulnerable: bool

    @property
    def priority(self) -> int:
        """Higher is more urgent: emergencies first, vulnerability raising either kind."""
        return (30 if self.kind is HazardKind.EMERGENCY else 20) + (10 if self.vulnerable else 0)


def screen(text: str, *, category: str = "", vulnerable: bool = False) -> Screen | None:
    """Screen ``text`` (and ``category``) for a likely hazard; None when nothing matches.

    ``vulnerable`` is what the record already knows about the household; words such as
    "my child has asthma" in the text add to it.
    """
    found: list[tuple[HazardKind, str, str]] = []
    for pattern, kind, hazard in _SCREENS:
        match = pattern.search(text)
        if match:
            found.append((kind, hazard, match.group(0).lower()))
    if category in CATEGORY_HAZARDS:
        kind, hazard = CATEGORY_HAZARDS[category]
        found.append((kind, hazard, category.replace("_", " ")))
    if not found:
        return None
    found.sort(key=lambda item: item[0] is not HazardKind.EMERGENCY)
    kind, hazard, _ = found[0]
    return Screen(
        kind=kind,
        hazard=hazard,
        words=tuple(dict.fromkeys(w for _, _, w in found)),
        vulnerable=vulnerable or bool(_VULNERABLE.search(text)),
    )
