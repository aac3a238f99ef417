"""The layering of DESIGN.md, checked rather than described.

Interface apps (staff pages, resident portal, API) import domain services and selectors,
never each other; the rules core imports nothing from the rest of the project (see
tests/rules/test_rules_purity.py); the shared GOV.UK plumbing (`putright.ui`) that staff,
governance and self-assessment pages use imports no app at all, interface or domain (only
the framework-free edge helpers of `putright.inputs`, which every layer shares).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "putright"
INTERFACES = ("staff", "portal", "api")
SHARED_UI = "ui"
SHARED_KERNEL = ("putright.inputs",)


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
        and not (module == own or module.startswith(own + "."))
        and module not in SHARED_KERNEL
    }
    assert not offenders, sorted(offenders)


def test_the_shared_ui_templates_use_only_shared_ui_templates_and_tags():
    used = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']|{%\s*load\s+([\w ]+?)\s*%}")
    offenders = set()
    for path in (SRC / SHARED_UI / "templates").rglob("*.html"):
        for template, libraries in used.findall(path.read_text()):
            if template and not template.startswith(f"{SHARED_UI}/"):
                offenders.add(f"{path.relative_to(SRC)} uses {template}")
            offenders.update(
                f"{path.relative_to(SRC)} loads {library}"
                for library in libraries.split()
                if library not in ("ui_fields", "static")
            )
    assert not offenders, sorted(offenders)
