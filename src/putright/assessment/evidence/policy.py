"""Evidence from the landlord's own policy and people for a provision: the policy sections
linked to it (Code 5.1), who holds the named roles it asks for (4.1, 9.4-9.7, 9.2), and staff
training on complaint handling (3.2, 4.1-4.3). Shown beside the evidence from the record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from putright.landlord.models import NamedRole, NamedRoleKind, TrainingRecord
from putright.landlord.roles import named_role_holders, training_records
from putright.policy.selectors import LinkedSection, policy_sections_for_provision

# Which named roles each provision asks about.
ROLE_PROVISIONS: dict[str, tuple[NamedRoleKind, ...]] = {
    "4.1": (NamedRoleKind.COMPLAINTS_OFFICER,),
    "4.2": (NamedRoleKind.COMPLAINTS_OFFICER,),
    "4.3": (NamedRoleKind.COMPLAINTS_OFFICER,),
    "9.2": (NamedRoleKind.CHAMPION,),
    "9.4": (NamedRoleKind.SENIOR_LEAD,),
    "9.5": (NamedRoleKind.MEMBER_RESPONSIBLE,),
    "9.6": (NamedRoleKind.MEMBER_RESPONSIBLE,),
    "9.7": (NamedRoleKind.MEMBER_RESPONSIBLE,),
}
TRAINING_PROVISIONS = frozenset({"3.2", "4.1", "4.2", "4.3", "9.8"})


@dataclass(frozen=True)
class PolicyEvidence:
    sections: list[LinkedSection]
    roles: list[tuple[str, list[NamedRole]]] = field(default_factory=list)
    training: list[TrainingRecord] = field(default_factory=list)
    asks_for_training: bool = False


def policy_evidence(*, edition: str, provision_id: str, start: date, end: date) -> PolicyEvidence:
    """What the policy, the named roles and the training records show for ``provision_id``
    in the assessment's period ``start`` to ``end``."""
    sections = policy_sections_for_provision(edition=edition, provision_id=provision_id)
    kinds = ROLE_PROVISIONS.get(provision_id, ()) if edition == "hos-2024" else ()
    holders = named_role_holders(start=start, end=end) if kinds else {}
    roles = [(kind.label, holders.get(kind.value, [])) for kind in kinds]
    asks = edition == "hos-2024" and provision_id in TRAINING_PROVISIONS
    training = training_records(start=start, end=end) if asks else []
    return PolicyEvidence(sections=sections, roles=roles, training=training, asks_for_training=asks)
