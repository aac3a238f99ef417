"""The catalogue of figures the complaint record gives, one per provision it can speak to.

Each entry names the provision, a stable key (used in URLs and attached evidence), what
is counted and the counting rule in words a governing body can check.
"""

from __future__ import annotations

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from putright.assessment.evidence.measures import (
    Measure,
    acknowledged,
    actions,
    adjustment_overdue,
    adjustments,
    extended,
    extensions,
    late_acknowledgement,
    late_action,
    late_completion,
    late_response,
    no_ombudsman_details,
    over_cap,
    refusal_unexplained,
    refusals,
    remedies,
    responded,
    restriction_overdue,
    restrictions,
    same_handler,
    stage_two_handled,
)

_DUE = " Cases whose deadline has not yet passed, and refused or withdrawn complaints never acknowledged, are left out."
_RESPONSE_DUE = (
    " The deadline is the one in force, extensions included; cases still within it, and refused or "
    "withdrawn complaints never answered, are left out."
)

MEASURES: tuple[Measure, ...] = (
    Measure(
        "2.4",
        "refusals-explained",
        "Refusals explained with the right to go to the Ombudsman",
        "complaints not accepted in the period",
        "A refusal counts when its explanation is recorded and either mentions the Ombudsman or a "
        "message sent to the resident on or after the refusal does.",
        refusals,
        refusal_unexplained,
        "complaint__reference",
    ),
    Measure(
        "5.10",
        "adjustments-reviewed",
        "Reasonable adjustments and disclosures reviewed on time",
        "adjustments active during the period",
        "An adjustment fails when it is still active and its review date passed before the end of the "
        "period (or today, if earlier) without a review.",
        adjustments,
        adjustment_overdue,
        Concat(Value("Adjustment "), Cast("pk", CharField())),
    ),
    Measure(
        "5.14",
        "restrictions-reviewed",
        "Contact restrictions reviewed on time",
        "restrictions in force during the period",
        "A restriction fails when it has not been lifted and its review date passed before the end of "
        "the period (or today, if earlier) without a review.",
        restrictions,
        restriction_overdue,
        Concat(Value("Restriction "), Cast("pk", CharField())),
    ),
    Measure(
        "6.2",
        "stage1-acknowledged",
        "Stage 1 complaints acknowledged within 5 working days",
        "stage 1 complaints received in the period",
        "A complaint passes when it was acknowledged on or before its acknowledgement deadline (5 "
        "working days after receipt, the day of receipt being day 0)." + _DUE,
        acknowledged(1),
        late_acknowledgement,
        "complaint__reference",
    ),
    Measure(
        "6.3",
        "stage1-responded",
        "Stage 1 responses within 10 working days of acknowledgement",
        "acknowledged stage 1 complaints received in the period",
        "A complaint passes when the stage 1 response was sent on or before its response deadline "
        "(10 working days after the acknowledgement, plus any extension)." + _RESPONSE_DUE,
        responded(1),
        late_response,
        "complaint__reference",
    ),
    Measure(
        "6.4",
        "stage1-extension-cap",
        "Stage 1 extensions within 10 working days or with good reason",
        "stage 1 complaints received in the period with an extension",
        "A complaint fails when its stage 1 extensions add up to more than 10 working days and none "
        "was recorded as having good reason.",
        extended(1),
        over_cap(10),
        "complaint__reference",
    ),
    Measure(
        "6.5",
        "stage1-extension-ombudsman",
        "Stage 1 extensions notified with the Ombudsman's contact details",
        "stage 1 extensions notified in the period",
        "An extension passes when the resident was given the Ombudsman's contact details with it.",
        extensions(1),
        no_ombudsman_details,
        "stage_record__complaint__reference",
    ),
    Measure(
        "6.6",
        "stage1-actions",
        "Stage 1 outstanding actions completed by the dates first promised",
        "stage 1 actions promised for dates in the period",
        "An action passes when it was completed on or before the date first promised (a promise "
        "moved later still counts against its first date); actions not yet due are left out.",
        actions(1),
        late_action,
        "complaint__reference",
    ),
    Measure(
        "6.11",
        "stage2-acknowledged",
        "Stage 2 escalations acknowledged within 5 working days",
        "stage 2 escalations requested in the period",
        "An escalation passes when it was acknowledged on or before its acknowledgement deadline (5 "
        "working days after the request, the day of the request being day 0)." + _DUE,
        acknowledged(2),
        late_acknowledgement,
        "complaint__reference",
    ),
    Measure(
        "6.13",
        "stage2-different-handler",
        "Stage 2 considered by someone who did not act at stage 1",
        "stage 2 escalations requested in the period with a handler or a stage 2 action",
        "An escalation fails when someone who acknowledged, extended or responded at stage 1, or is "
        "the stage 1 handler, acknowledged, extended or responded at stage 2 or is its handler.",
        stage_two_handled,
        same_handler,
        "complaint__reference",
    ),
    Measure(
        "6.14",
        "stage2-responded",
        "Stage 2 responses within 20 working days of acknowledgement",
        "acknowledged stage 2 escalations requested in the period",
        "An escalation passes when the stage 2 response was sent on or before its response deadline "
        "(20 working days after the acknowledgement, plus any extension)." + _RESPONSE_DUE,
        responded(2),
        late_response,
        "complaint__reference",
    ),
    Measure(
        "6.15",
        "stage2-extension-cap",
        "Stage 2 extensions within 20 working days or with good reason",
        "stage 2 escalations requested in the period with an extension",
        "An escalation fails when its stage 2 extensions add up to more than 20 working days and none "
        "was recorded as having good reason.",
        extended(2),
        over_cap(20),
        "complaint__reference",
    ),
    Measure(
        "6.16",
        "stage2-extension-ombudsman",
        "Stage 2 extensions notified with the Ombudsman's contact details",
        "stage 2 extensions notified in the period",
        "An extension passes when the resident was given the Ombudsman's contact details with it.",
        extensions(2),
        no_ombudsman_details,
        "stage_record__complaint__reference",
    ),
    Measure(
        "6.17",
        "stage2-actions",
        "Stage 2 outstanding actions completed by the dates first promised",
        "stage 2 actions promised for dates in the period",
        "An action passes when it was completed on or before the date first promised (a promise "
        "moved later still counts against its first date); actions not yet due are left out.",
        actions(2),
        late_action,
        "complaint__reference",
    ),
    Measure(
        "7.3",
        "remedies-completed",
        "Remedies completed by the date given",
        "remedies due in the period",
        "A remedy passes when it was completed on or before its due date; remedies not yet due are left out.",
        remedies,
        late_completion,
        "complaint__reference",
    ),
)
