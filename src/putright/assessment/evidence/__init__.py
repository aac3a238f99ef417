"""Evidence from what actually happened: figures from the complaint record per provision."""

from putright.assessment.evidence.compute import (
    Figure,
    Unavailable,
    evidence_failures,
    evidence_figure,
    evidence_for_provision,
    measure_by_key,
    measured_provisions,
    measures_for,
)
from putright.assessment.evidence.measures import Measure, Period

__all__ = [
    "Figure",
    "Measure",
    "Period",
    "Unavailable",
    "evidence_failures",
    "evidence_figure",
    "evidence_for_provision",
    "measure_by_key",
    "measured_provisions",
    "measures_for",
]
