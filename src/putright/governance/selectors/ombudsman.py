"""The Ombudsman's cases in a period: referrals, findings, orders and failure orders (8.1c, 9.7c)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q

from putright.governance.models import (
    ComplaintHandlingFailureOrder,
    EvidenceRequest,
    FailureReason,
    Finding,
    FindingKind,
    OmbudsmanCase,
    OmbudsmanOrder,
    OrderKind,
)
from putright.governance.models.ombudsman import ADVERSE_FINDINGS
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import (
    EvidenceRequests,
    OmbudsmanFigures,
    OmbudsmanOrders,
    ReasonCounts,
)


def ombudsman_figures(period: Period, *, as_of: date) -> OmbudsmanFigures:
    span = (period.start, period.end)
    referrals = OmbudsmanCase.objects.filter(referred_on__range=span).count()
    finding_rows = dict(
        Finding.objects.filter(determined_on__range=span)
        .values_list("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    non_compliance = Finding.objects.filter(
        determined_on__range=span, complaint_handling=True, kind__in=ADVERSE_FINDINGS
    ).count()
    not_done = Q(completed_on__isnull=True) | Q(completed_on__gt=as_of)
    orders = OmbudsmanOrder.objects.filter(kind=OrderKind.ORDER).aggregate(
        due_in_period=Count("id", filter=Q(due_on__range=span)),
        completed_in_period=Count("id", filter=Q(completed_on__range=span)),
        completed_on_time_in_period=Count(
            "id", filter=Q(completed_on__range=span, completed_on__lte=F("due_on"))
        ),
        overdue=Count("id", filter=Q(due_on__lt=as_of) & not_done),
        open_after_severe=Count(
            "id", filter=Q(finding__kind=FindingKind.SEVERE_MALADMINISTRATION) & not_done
        ),
    )
    failure_rows = dict(
        ComplaintHandlingFailureOrder.objects.filter(issued_on__range=span)
        .values_list("reason")
        .annotate(n=Count("id"))
        .order_by()
    )
    evidence = EvidenceRequest.objects.aggregate(
        due_in_period=Count("id", filter=Q(due_on__range=span)),
        sent_on_time=Count("id", filter=Q(due_on__range=span, sent_on__lte=F("due_on"))),
        overdue=Count(
            "id",
            filter=Q(due_on__lt=as_of) & (Q(sent_on__isnull=True) | Q(sent_on__gt=as_of)),
        ),
    )
    return OmbudsmanFigures(
        referrals=referrals,
        findings={kind: finding_rows.get(kind, 0) for kind in FindingKind.values},
        complaint_handling_non_compliance=non_compliance,
        orders=OmbudsmanOrders(**orders),
        failure_orders=ReasonCounts(
            total=sum(failure_rows.values()),
            by_reason={reason: failure_rows.get(reason, 0) for reason in FailureReason.values},
        ),
        evidence_requests=EvidenceRequests(**evidence),
    )
