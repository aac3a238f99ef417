"""Small modules and short functions (issue 18): a module over 300 lines or a function over 60
is split by meaning before it lands. Migrations and tables of data are exempt by name: they
are long because the law or the data is, and they read top to bottom.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "putright"
MODULE_LINES = 300
FUNCTION_LINES = 60
# Tables of data: every provision of the 2024 Code with its paragraph and wording.
DATA_TABLES = {"rules/provisions_2024.py"}
# Functions that only build a literal (no branches worth a name of their own).
DATA_BUILDERS: set[tuple[str, str]] = set()


def _sources(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "migrations" not in p.parts)


def long_modules(root: Path) -> dict[str, int]:
    found = {}
    for path in _sources(root):
        name = path.relative_to(root).as_posix()
        lines = len(path.read_text().splitlines())
        if lines > MODULE_LINES and name not in DATA_TABLES:
            found[name] = lines
    return found


def long_functions(root: Path) -> dict[str, int]:
    found = {}
    for path in _sources(root):
        name = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > FUNCTION_LINES and (name, node.name) not in DATA_BUILDERS:
                    found[f"{name}:{node.name}"] = lines
    return found


def test_no_module_is_over_300_lines_outside_migrations_and_data_tables():
    assert long_modules(SRC) == {}


def test_no_function_is_over_60_lines_outside_data_builders():
    assert long_functions(SRC) == {}


def test_the_size_rules_catch_a_deliberate_violation(tmp_path):
    body = "\n".join(f"    x{n} = {n}" for n in range(FUNCTION_LINES))
    (tmp_path / "long.py").write_text("def long():\n" + body + "\n" + "\n" * MODULE_LINES)
    assert long_modules(tmp_path) == {"long.py": MODULE_LINES + FUNCTION_LINES + 1}
    assert long_functions(tmp_path) == {"long.py:long": FUNCTION_LINES + 1}
