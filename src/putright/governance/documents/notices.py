"""The public notice of exceptional circumstances (Code 8.5)."""

from __future__ import annotations

from typing import Any

from putright.governance.documents.blocks import Block, Heading, Para, ReportDocument
from putright.governance.documents.fmt import day
from putright.landlord.models import LandlordSettings


def exceptional_notice(item: Any) -> ReportDocument:
    landlord = LandlordSettings.current()
    blocks: list[Block] = [
        Para(item.description),
        Heading("What this means for complaints"),
        Para(
            f"Since {day(item.started_on)} we have not been able to handle every complaint within the "
            "Housing Ombudsman's Complaint Handling Code. We told the Housing Ombudsman on "
            f"{day(item.ombudsman_informed_on)}. We expect to comply with the Code again by "
            f"{day(item.return_to_compliance_by)}."
        ),
        Para("You can still complain, and you can contact the Housing Ombudsman at any time."),
        Heading("The Housing Ombudsman"),
        Para(landlord.ombudsman_details),
    ]
    return ReportDocument(
        title=f"Exceptional circumstances: {item.title}",
        subtitle=landlord.name,
        blocks=blocks,
        landlord=landlord.name,
    )


def exceptional_notice_pdf(item: Any) -> bytes:
    return exceptional_notice(item).pdf()
