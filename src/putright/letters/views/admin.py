"""The print queue, and the complaints officer's letter templates."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from putright.core.errors import CaseError
from putright.letters import selectors, services
from putright.letters.forms import TemplateForm, add_service_errors, error_summary, field_views
from putright.letters.placeholders import EXTRAS, PLACEHOLDERS, required_for
from putright.letters.services.compose import wording_for
from putright.letters.views._common import caseworker_only, officer_only
from putright.rules.letters import REQUIREMENTS, LetterKind, letter_label
from putright.ui.pages import not_found, page_number

PAGE_SIZE = 25


@caseworker_only
def print_queue(request: HttpRequest) -> HttpResponse:
    page = page_number(request)
    rows = selectors.print_queue(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    context = {
        "letters": rows[:PAGE_SIZE],
        "page": page,
        "has_next": len(rows) > PAGE_SIZE,
    }
    return render(request, "letters/print_queue.html", context)


@officer_only
def template_list(request: HttpRequest) -> HttpResponse:
    active = selectors.templates_active()
    rows = [
        {"kind": kind.value, "label": letter_label(kind), "template": active.get(kind.value)}
        for kind in LetterKind
    ]
    return render(request, "letters/templates.html", {"rows": rows})


def _placeholders(kind: LetterKind) -> list[dict[str, str]]:
    required = {r.element: r for r in required_for(kind)}
    everything = {r.element: r for k in LetterKind for r in REQUIREMENTS[k]}
    rows = []
    for element, name in PLACEHOLDERS.items():
        requirement = required.get(element) or everything.get(element)
        rows.append(
            {
                "name": "{{ " + name + " }}",
                "shows": requirement.description if requirement else element.value.replace("_", " "),
                "required": "Yes" if element in required else "No",
            }
        )
    rows.sort(key=lambda r: (r["required"] != "Yes", r["name"]))
    rows.extend(
        {"name": "{{ " + name + " }}", "shows": what, "required": "No"} for name, what in EXTRAS.items()
    )
    return rows


@officer_only
def template_edit(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in LetterKind._value2member_map_:
        return not_found(request, "kind of letter")
    letter_kind = LetterKind(kind)
    template, source = wording_for(letter_kind)
    initial = {"body": source, "signature": template.signature if template else ""}
    form = TemplateForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.letter_template_save(
                actor=request.user,
                now=timezone.now(),
                kind=kind,
                body=form.cleaned_data["body"],
                signature=form.cleaned_data["signature"],
                logo=form.cleaned_data["logo"],
                remove_logo=form.cleaned_data["remove_logo"],
            )
        except CaseError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, f"The {letter_label(letter_kind)} wording is saved as version {saved.version}"
            )
            return redirect("letters:templates")
    fields = field_views(form)
    if not (template and template.logo):
        fields = [f for f in fields if f["name"] != "remove_logo"]
    context = {
        "kind": kind,
        "label": letter_label(letter_kind),
        "template": template,
        "fields": fields,
        "placeholders": _placeholders(letter_kind),
        "errors": error_summary(form) if form.is_bound else [],
    }
    return render(request, "letters/template_edit.html", context, status=400 if form.errors else 200)
