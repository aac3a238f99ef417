"""Make a complaint without an account: a few short pages, a check page, a confirmation (Code 1.3, 3.1).

The flow's address `/complain/` is stable, so surveys and feedback forms can link to it (1.6).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from putright.core.errors import InvalidInput
from putright.portal.forms.complain import SendForm
from putright.portal.views import answers as summary
from putright.portal.views._common import SIGN_IN_EMAIL, client_ip, not_found, now, sign_in_links, today
from putright.portal.views.draft import BY_SLUG, Draft, Step, submission_from
from putright.residents.errors import TooManyAttempts
from putright.residents.selectors import resident_submitted
from putright.residents.services import resident_complaint_submit

SENT = "complaint_sent"


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/complain/start.html")


def _step_url(step: Step | None) -> str:
    if step is None:
        return reverse("portal:complain_check")
    return reverse("portal:complain_step", args=[step.slug])


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = BY_SLUG.get(slug)
    if chosen is None:
        raise Http404
    draft = Draft(request.session)
    if chosen not in draft.steps():
        return redirect(_step_url(draft.steps()[0]))
    if request.method == "POST":
        names = draft.form(chosen, today()).fields
        data = {name: request.POST.get(name, "") for name in names}
        draft.save(chosen, data)
        form = draft.form(chosen, today(), data=data)
        if form.is_valid():
            if draft.reached_check:
                _, gap = draft.cleaned(today())
                return redirect(_step_url(gap))
            return redirect(_step_url(draft.following(chosen)))
    else:
        form = draft.form(chosen, today())
    previous = draft.previous(chosen)
    back = (
        reverse("portal:complain_check")
        if draft.reached_check
        else (_step_url(previous) if previous else reverse("portal:complain_start"))
    )
    return render(
        request,
        chosen.template,
        {"form": form, "step": chosen, "back_url": back, "for_someone_else": draft.for_someone_else},
    )


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    draft = Draft(request.session)
    answers, gap = draft.cleaned(today())
    if gap is not None:
        return redirect(_step_url(gap))
    draft.mark_reached_check()
    submission = submission_from(answers)
    status = 200
    if request.method == "POST":
        uploads = [f for f in request.FILES.getlist("attachments") if f.name]
        form = SendForm(request.POST, uploads=uploads)
        if form.from_robot:
            # A person never sees this field; say plainly that nothing was sent and how else to complain.
            form.add_error(None, "We could not send your complaint. Please call or email us instead.")
            status = 400
        elif form.is_valid():
            try:
                complaint = resident_complaint_submit(
                    now=now(),
                    ip=client_ip(request),
                    submission=submission,
                    files=uploads,
                    links=sign_in_links(request),
                )
            except InvalidInput as exc:
                form.add_service_errors(exc, {"files": "attachments"})
            except TooManyAttempts as exc:
                form.add_error(None, exc.message)
                status = 429
            else:
                draft.clear()
                request.session[SENT] = complaint.reference
                if submission.email:
                    request.session[SIGN_IN_EMAIL] = submission.email
                return redirect("portal:complain_sent")
    else:
        form = SendForm()
    context: dict[str, Any] = {
        "form": form,
        "sections": summary.sections(answers, draft.for_someone_else, _step_url),
        "for_someone_else": draft.for_someone_else,
    }
    return render(request, "portal/complain/check.html", context, status=status)


def sent(request: HttpRequest) -> HttpResponse:
    reference = request.session.get(SENT)
    done = resident_submitted(reference=reference) if isinstance(reference, str) else None
    if done is None:
        return not_found(request)
    return render(request, "portal/complain/sent.html", {"done": done})
