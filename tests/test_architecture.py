"""The layering of docs/architecture.md, checked rather than described.

Interface apps (staff pages, resident portal, API) import domain services and selectors,
never each other; the rules core imports nothing from the rest of the project (see
tests/rules/test_rules_purity.py); the shared GOV.UK plumbing (`putright.ui`) that staff,
governance and self-assessment pages use imports no app at all, interface or domain (only
the kernel); the
kernel (`putright.core`) imports only Django and the rules core; a private module (`_name`)
is imported only from its own package; no app imports the demo and the data generator
(`putright.demo`), which may import any domain app; and no two apps import each other,
even by way of a third.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "putright"
INTERFACES = ("staff", "portal", "api")
SHARED_UI = "ui"
DEMO = "demo"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("interface", INTERFACES)
def test_interface_apps_do_not_import_each_other(interface):
    others = [f"putright.{name}" for name in INTERFACES if name != interface]
    offenders = {
        f"{path.relative_to(SRC)} imports {module}"
        for path in (SRC / interface).rglob("*.py")
        for module in imported_modules(path)
        if any(module == other or module.startswith(other + ".") for other in others)
    }
    assert not offenders, sorted(offenders)


def test_domain_apps_do_not_import_interface_apps():
    domain = [
        p
        for p in SRC.iterdir()
        if p.is_dir() and p.name not in (*INTERFACES, SHARED_UI, "templates", "static")
    ]
    offenders = {
        f"{path.relative_to(SRC)} imports {module}"
        for app in domain
        for path in app.rglob("*.py")
        for module in imported_modules(path)
        if any(module == f"putright.{i}" or module.startswith(f"putright.{i}.") for i in INTERFACES)
    }
    assert not offenders, sorted(offenders)


def test_the_shared_ui_module_imports_no_interface_or_domain_app():
    own = f"putright.{SHARED_UI}"
    offenders = {
        f"{path.relative_to(SRC)} imports {module}"
        for path in (SRC / SHARED_UI).rglob("*.py")
        for module in imported_modules(path)
        if (module == "putright" or module.startswith("putright."))
        and not (module == own or module.startswith((own + ".", "putright.core.")))
    }
    assert not offenders, sorted(offenders)


def test_the_shared_ui_templates_use_only_shared_ui_templates_and_tags():
    used = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']|{%\s*load\s+([\w ]+?)\s*%}")
    offenders = set()
    for path in (SRC / SHARED_UI / "templates").rglob("*.html"):
        for template, libraries in used.findall(path.read_text()):
            # putright/base.html is the project's page, not an app's: every layout starts there.
            if template and not template.startswith((f"{SHARED_UI}/", "putright/")):
                offenders.add(f"{path.relative_to(SRC)} uses {template}")
            offenders.update(
                f"{path.relative_to(SRC)} loads {library}"
                for library in libraries.split()
                if library not in ("ui_fields", "ui_navigation", "static")
            )
    assert not offenders, sorted(offenders)


def _python_files(*roots: Path) -> list[Path]:
    return [path for root in roots for path in root.rglob("*.py") if "migrations" not in path.parts]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_kernel_imports_only_django_and_the_rules_core():
    offenders = {
        f"{path.relative_to(SRC)} imports {module}"
        for path in (SRC / "core").rglob("*.py")
        for module in imported_modules(path)
        if module.startswith("putright.")
        and not module.startswith(("putright.core.", "putright.rules."))
        and module not in ("putright.core", "putright.rules")
    }
    assert not offenders, sorted(offenders)


def private_imports_from_outside(paths: list[Path]) -> set[str]:
    """Imports of a private module (`putright.x.y._name`) from outside its package `putright.x.y`."""
    offenders = set()
    for path in paths:
        importer = _module_name(path) if path.is_relative_to(SRC) else str(path.relative_to(ROOT))
        for module in imported_modules(path):
            parts = module.split(".")
            private = next((i for i, part in enumerate(parts) if part.startswith("_")), None)
            if parts[0] != "putright" or private is None or parts[private].startswith("__"):
                continue
            package = ".".join(parts[:private])
            if not importer.startswith(package + "."):
                offenders.add(f"{importer} imports {module}")
    return offenders


def test_private_modules_are_imported_only_from_their_own_package():
    """`cases.services._common` and the like are private: other apps use public services."""
    assert not private_imports_from_outside(_python_files(SRC, ROOT / "bench")), sorted(
        private_imports_from_outside(_python_files(SRC, ROOT / "bench"))
    )


def test_the_private_module_rule_catches_a_deliberate_violation(tmp_path):
    reaching = SRC / "governance" / "services" / "reaching_in.py"
    reaching_source = "from putright.cases.services._common import record_event\n"
    reaching.write_text(reaching_source)
    try:
        assert private_imports_from_outside([reaching]) == {
            "putright.governance.services.reaching_in imports putright.cases.services._common"
        }
    finally:
        reaching.unlink()


def demo_importers(paths: list[Path]) -> set[str]:
    """Imports of `putright.demo` from outside it."""
    own = f"putright.{DEMO}"
    return {
        f"{path.relative_to(SRC) if path.is_relative_to(SRC) else path.name} imports {module}"
        for path in paths
        if not path.is_relative_to(SRC / DEMO)
        for module in imported_modules(path)
        if module == own or module.startswith(own + ".")
    }


def test_no_app_imports_the_demo():
    """The demo and the generator import the apps; the product never depends on made-up data."""
    assert not demo_importers(_python_files(SRC)), sorted(demo_importers(_python_files(SRC)))


def test_the_demo_rule_catches_a_deliberate_violation(tmp_path):
    reaching = tmp_path / "reaching_demo.py"
    reaching.write_text("from putright.demo.data.content import TEXTS\n")
    assert demo_importers([reaching]) == {"reaching_demo.py imports putright.demo.data.content"}


def app_imports() -> dict[str, set[str]]:
    """Which app imports which, from Python imports and from templates' extends and include."""
    apps = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    graph: dict[str, set[str]] = {app: set() for app in apps}
    for app in apps:
        for path in _python_files(SRC / app):
            graph[app].update(
                module.split(".")[1]
                for module in imported_modules(path)
                if module.startswith("putright.") and module.split(".")[1] in apps
            )
        for template in (SRC / app).rglob("templates/**/*.html"):
            graph[app].update(
                used.split("/")[0]
                for used in TEMPLATE_USE.findall(template.read_text())
                if used.split("/")[0] in apps
            )
        graph[app].discard(app)
    return graph


TEMPLATE_USE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']")


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every app that can reach itself, with the path it takes."""
    found = []
    for start in sorted(graph):
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    found.append([*path, start])
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return found


def test_no_two_apps_import_each_other_even_through_a_third():
    """Python imports and templates' extends/include both count (governance and assessment once did)."""
    assert not cycles(app_imports()), cycles(app_imports())


def test_the_cycle_check_catches_a_deliberate_cycle():
    graph = app_imports()
    graph["assessment"].add("governance")
    graph["governance"].add("assessment")
    assert ["assessment", "governance", "assessment"] in cycles(graph)
