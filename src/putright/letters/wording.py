"""Letter wording: the landlord's templates in a sandboxed template language.

Templates are Jinja2 in a `SandboxedEnvironment` with autoescaping: the complaints
officer can write wording, headings, lists and conditions, but cannot reach Python
objects, and every value from the case is escaped. Placeholders a template may use are
listed in `putright.letters.placeholders`; an unknown one is refused when saved.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from putright.letters.blocks import Block, parse_blocks
from putright.letters.placeholders import ALL_PLACEHOLDERS, BLOCKS, placeholder_for, required_for
from putright.rules.letters import LetterKind, Requirement

WORDING_DIR = Path(__file__).parent / "templates" / "letters" / "wording"
MAX_TEMPLATE_CHARS = 20_000

# A template may loop, but one letter never needs more than a few hundred turns or more
# than a moment: without these limits two nested loops over `range(100000)` held a worker
# for 30 s (issue 17). Every `for` counts against one budget per render, checked each turn.
MAX_LOOP_TURNS = 10_000
MAX_RENDER_SECONDS = 2.0
MAX_REPEAT_CHARS = 100_000
LOOP_GUARD = "putright_loop_guard"


class _Budget:
    def __init__(self) -> None:
        self.turns = 0
        self.deadline = time.monotonic() + MAX_RENDER_SECONDS


_BUDGET: ContextVar[_Budget | None] = ContextVar("putright_template_budget", default=None)


def _guarded(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _BUDGET.get()
    for item in iterable:
        if budget is not None:
            budget.turns += 1
            if budget.turns > MAX_LOOP_TURNS:
                raise SecurityError(f"the wording loops more than {MAX_LOOP_TURNS:,} times")
            if time.monotonic() > budget.deadline:
                raise SecurityError(f"the wording takes more than {MAX_RENDER_SECONDS:g} seconds to fill in")
        yield item


class LimitedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with every loop counted and timed and repetition (`"x" * n`) capped."""

    intercepted_binops = frozenset({"*", "**"})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.Name(LOOP_GUARD, "load"), [loop.iter], [], None, None)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            raise SecurityError("the wording raises a number to too high a power")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                repeated = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if repeated and len(seq) * times > MAX_REPEAT_CHARS:
                    raise SecurityError("the wording repeats text too many times")
        return super().call_binop(context, operator, left, right)


_ENV = LimitedSandbox(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_ENV.globals[LOOP_GUARD] = _guarded


class TemplateRefused(Exception):
    """A template cannot be used; ``missing`` lists required elements it leaves out."""

    def __init__(self, message: str, missing: tuple[Requirement, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing


def default_wording(kind: LetterKind | str) -> str:
    """putright's own wording for ``kind``, used until the landlord saves their own."""
    return (WORDING_DIR / f"{LetterKind(kind).value}.jinja").read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def _compiled(source: str) -> Any:
    return _ENV.from_string(source)


def render_wording(source: str, context: dict[str, Any]) -> list[Block]:
    """Render a template with a letter's context, as blocks (headings, paragraphs, lists).

    Within the loop and time budget above: past it `SecurityError` (a `TemplateError`)."""
    token = _BUDGET.set(_Budget())
    try:
        return parse_blocks(_compiled(source).render(context))
    finally:
        _BUDGET.reset(token)


def _sentinel(index: int) -> str:
    return f"zzplaceholder{index}zz"


def template_check(kind: LetterKind | str, source: str, sample: dict[str, Any]) -> None:
    """Refuse a template that cannot render, uses an unknown placeholder, or drops a required one.

    A required placeholder counts only if it shows in the output (one hidden in a condition
    that is never true, or cut by a filter, is not there). ``sample`` is a realistic
    context the template must render without error.
    """
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateRefused(f"The wording is too long: keep it under {MAX_TEMPLATE_CHARS:,} characters.")
    try:
        names = meta.find_undeclared_variables(_ENV.parse(source)) - {LOOP_GUARD}
    except TemplateError as exc:
        raise TemplateRefused(f"The wording has a mistake in its placeholders: {_explain(exc)}") from exc
    unknown = sorted(names - ALL_PLACEHOLDERS)
    if unknown:
        listed = ", ".join("{{ " + n + " }}" for n in unknown)
        raise TemplateRefused(f"The wording uses placeholders that do not exist: {listed}.")
    markers = {name: _sentinel(i) for i, name in enumerate(sorted(ALL_PLACEHOLDERS))}
    marked = {
        name: Markup("<p>{}</p>").format(marker) if name in BLOCKS else marker
        for name, marker in markers.items()
    }
    try:
        render_wording(source, sample)
        token = _BUDGET.set(_Budget())
        try:
            output = _compiled(source).render(marked).lower()
        finally:
            _BUDGET.reset(token)
    except (TemplateError, ArithmeticError, TypeError, ValueError) as exc:
        raise TemplateRefused(f"The wording cannot be used: {_explain(exc)}") from exc
    missing = tuple(r for r in required_for(kind) if markers[placeholder_for(r.element)] not in output)
    if missing:
        listed = "; ".join("{{ " + placeholder_for(r.element) + " }} for " + r.description for r in missing)
        raise TemplateRefused(f"The wording must include {listed}.", missing)


def _explain(exc: Exception) -> str:
    line = getattr(exc, "lineno", None)
    where = f" (line {line})" if line else ""
    return f"{getattr(exc, 'message', None) or exc}{where}"
