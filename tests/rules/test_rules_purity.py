"""putright.rules is pure: no Django, no other putright package, no clock.

Walks every module under src/putright/rules/ (including ones added later) with `ast`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "src" / "putright" / "rules"
MODULES = sorted(RULES.rglob("*.py"))
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("timezone", "now"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
}


def _forbidden_import(name: str) -> bool:
    top = name.split(".")[0]
    if top == "django":
        return True
    return top == "putright" and name != "putright.rules" and not name.startswith("putright.rules.")


def _dotted(node: ast.expr) -> tuple[str, ...]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return tuple(reversed(parts))


def problems_in(source: str, *, package_depth: int = 1) -> set[str]:
    """What makes `source` impure; `package_depth` is how deep it sits inside rules/."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {f"imports {a.name}" for a in node.names if _forbidden_import(a.name)}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and _forbidden_import(node.module):
                found.add(f"imports from {node.module}")
            if node.level > package_depth:
                found.add("relative import reaching outside putright.rules")
        elif isinstance(node, ast.Call):
            dotted = _dotted(node.func)
            if dotted[-2:] in CLOCK_CALLS:
                found.add(f"reads the clock: {'.'.join(dotted)}() at line {node.lineno}")
    return found


def test_the_rules_package_has_modules() -> None:
    assert {p.name for p in MODULES} >= {"calendar.py", "timescales.py", "lifecycle.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(RULES)))
def test_rules_modules_import_no_django_no_other_putright_and_read_no_clock(path: Path) -> None:
    depth = len(path.relative_to(RULES).parts)
    assert problems_in(path.read_text(encoding="utf-8"), package_depth=depth) == set()


def test_the_purity_check_catches_imports_and_clock_reads() -> None:
    source = (
        "import django.db\n"
        "from putright.cases import models\n"
        "from putright.rules import errors\n"
        "from datetime import date, datetime\n"
        "import time\n"
        "a = date.today()\n"
        "b = datetime.datetime.now()\n"
        "c = time.time()\n"
        "from .. import settings\n"
    )
    assert problems_in(source) == {
        "imports django.db",
        "imports from putright.cases",
        "reads the clock: date.today() at line 6",
        "reads the clock: datetime.datetime.now() at line 7",
        "reads the clock: time.time() at line 8",
        "relative import reaching outside putright.rules",
    }
