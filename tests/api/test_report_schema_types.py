"""The API's schema for the performance report and the report's own types say the same thing:
every figure the report publishes is in the schema, with the same shape, and the schema has
no field the report does not fill. A figure added to one and not the other fails here."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from putright.api.reports import PerformanceOut
from putright.cases.models import Decision
from putright.governance.documents.figures import STAGE_ROWS
from putright.governance.selectors.report_types import PerformanceReport
from putright.governance.selectors.stage_types import Decisions, StageFigures

SCALARS = (bool, int, float, str, Decimal, date)


def _shape(annotation: Any) -> Any:
    """The annotation with None, list/tuple and dict values unwrapped: ("list", inner), ("dict", inner),
    the class for a dataclass or schema, or the scalar type."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _shape(inner)
    if origin in (list, tuple):
        return ("list", _shape(typing.get_args(annotation)[0]))
    if origin is dict:
        return ("dict", _shape(typing.get_args(annotation)[1]))
    return annotation


def _published(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {
        f.metadata.get("key", f.name): _shape(hints[f.name])
        for f in dataclasses.fields(cls)
        if f.metadata.get("api", True)
    }


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return {info.alias or name: _shape(info.annotation) for name, info in model.model_fields.items()}


def _compare(report_type: Any, schema_type: Any, path: str) -> list[str]:
    if isinstance(report_type, tuple) or isinstance(schema_type, tuple):
        if not (isinstance(report_type, tuple) and isinstance(schema_type, tuple)):
            return [f"{path}: {report_type} against {schema_type}"]
        if report_type[0] != schema_type[0]:
            return [f"{path}: a {report_type[0]} against a {schema_type[0]}"]
        return _compare(report_type[1], schema_type[1], f"{path}[]")
    if dataclasses.is_dataclass(report_type):
        assert isinstance(report_type, type) and issubclass(schema_type, BaseModel), path
        ours, theirs = _published(report_type), _schema(schema_type)
        problems = [f"{path}.{name}: not in the API schema" for name in ours.keys() - theirs.keys()]
        problems += [f"{path}.{name}: not in the report" for name in theirs.keys() - ours.keys()]
        for name in ours.keys() & theirs.keys():
            problems += _compare(ours[name], theirs[name], f"{path}.{name}")
        return problems
    if report_type in SCALARS and report_type == schema_type:
        return []
    return [f"{path}: {report_type} against {schema_type}"]


def test_every_figure_of_the_report_is_in_the_api_schema_and_the_schema_has_no_other():
    assert _compare(PerformanceReport, PerformanceOut, "report") == []


def test_the_comparison_sees_a_figure_missing_from_the_schema():
    @dataclasses.dataclass(frozen=True)
    class Wider(Decisions):
        upheld_twice: int

    from putright.api.reports import DecisionsOut

    assert _compare(Wider, DecisionsOut, "decisions") == ["decisions.upheld_twice: not in the API schema"]


def test_the_documents_and_decisions_name_only_figures_the_stage_has():
    fields = {f.name for f in dataclasses.fields(StageFigures)}
    assert {key for _, key, _ in STAGE_ROWS} <= fields
    assert set(Decision.values) == {f.name for f in dataclasses.fields(Decisions)}
