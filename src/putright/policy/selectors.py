"""Reads of the policy: the published and draft versions, their Code checks, the mapping."""

from __future__ import annotations

from dataclasses import dataclass

from putright.landlord.models import LandlordSettings
from putright.policy.models import PolicyChange, PolicyVersion, ProvisionLink, VersionStatus
from putright.policy.placeholders import unknown_placeholders
from putright.rules.editions import HOS_2024
from putright.rules.policy import Finding, Severity, check_policy
from putright.rules.provisions import Provision, provisions_for


def policy_published() -> PolicyVersion | None:
    return PolicyVersion.objects.filter(status=VersionStatus.PUBLISHED).first()


def policy_published_number(number: int) -> PolicyVersion | None:
    """A version that the governing body approved (current or replaced since)."""
    return PolicyVersion.objects.filter(
        number=number, status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED]
    ).first()


def policy_in_progress() -> PolicyVersion | None:
    """The draft, or the version waiting for the governing body."""
    return PolicyVersion.objects.filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).first()


def policy_versions() -> list[PolicyVersion]:
    return list(PolicyVersion.objects.select_related("approved_by", "created_by"))


def policy_changes(*, limit: int = 200) -> list[PolicyChange]:
    return list(PolicyChange.objects.select_related("actor", "version")[:limit])


def policy_findings(version: PolicyVersion) -> list[Finding]:
    """The Code checks on ``version``, and any placeholder the policy does not know."""
    texts = {s["key"]: s.get("body", "") for s in version.sections}
    findings = check_policy(texts, version.timescales, HOS_2024)
    for section in version.sections:
        for name in unknown_placeholders(section.get("body", "")):
            findings.append(
                Finding(
                    "3.4",
                    section["key"],
                    Severity.PROBLEM,
                    f"{{{name}}} is not a placeholder putright knows: check its spelling.",
                )
            )
    return findings


def timescales_from_settings(landlord: LandlordSettings | None = None) -> dict[str, int]:
    landlord = landlord or LandlordSettings.current()
    names = (
        "stage1_acknowledge_days",
        "stage1_respond_days",
        "stage2_acknowledge_days",
        "stage2_respond_days",
    )
    return {name: int(getattr(landlord, name)) for name in names}


@dataclass(frozen=True)
class LinkedSection:
    key: str
    title: str


def _mapping_version() -> PolicyVersion | None:
    return policy_published() or policy_in_progress()


def policy_sections_for_provision(*, edition: str, provision_id: str) -> list[LinkedSection]:
    """The policy's sections that meet ``provision_id`` (Code 5.1), as the published policy
    names them (the draft's names before anything is published)."""
    version = _mapping_version()
    keys = list(
        ProvisionLink.objects.filter(edition=edition, provision_id=provision_id).values_list(
            "section", flat=True
        )
    )
    titles = {s["key"]: s["title"] for s in (version.sections if version else [])}
    return [LinkedSection(k, titles[k]) for k in keys if k in titles]


def policy_mapping(*, edition: str = "hos-2024") -> list[tuple[Provision, list[LinkedSection]]]:
    """Every provision of ``edition`` with the sections linked to it (an empty list: none)."""
    version = _mapping_version()
    titles = {s["key"]: s["title"] for s in (version.sections if version else [])}
    links: dict[str, list[LinkedSection]] = {}
    for link in ProvisionLink.objects.filter(edition=edition):
        if link.section in titles:
            links.setdefault(link.provision_id, []).append(LinkedSection(link.section, titles[link.section]))
    return [(p, links.get(p.id, [])) for p in provisions_for(edition)]


def provisions_without_sections(*, edition: str = "hos-2024") -> list[Provision]:
    return [p for p, sections in policy_mapping(edition=edition) if not sections]
