"""Webhook endpoints (complaints officer and administrators): register, switch off, see the log."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.cases import access
from putright.core.errors import CaseError
from putright.staff.views._base import staff_page
from putright.ui.forms import GovukForm, form_status
from putright.webhooks import selectors, services
from putright.webhooks.models import WebhookEvent

ONLY = "Only the complaints officer and administrators can change settings."
settings_page = staff_page(access.access_can_change_settings, ONLY)


class EndpointForm(GovukForm):
    url = forms.CharField(
        label="Endpoint address",
        max_length=500,
        help_text="The https:// address of your housing system that receives the events",
        error_messages={"required": "Enter the endpoint's address"},
    )
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one event to send"},
    )


@settings_page
def webhooks(request: HttpRequest) -> HttpResponse:
    form = EndpointForm(request.POST or None)
    secret = created = ""
    if request.method == "POST" and form.is_valid():
        try:
            endpoint, secret = services.webhook_endpoint_create(
                actor=request.user, now=timezone.now(), **form.cleaned_data
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            # The secret is shown on this answer only: it is not in any page after this one.
            form = EndpointForm()
            created = endpoint.url
    context = {
        "form": form,
        "errors": form.error_summary(),
        "secret": secret,
        "created": created,
        "endpoints": selectors.webhook_endpoints(),
        "log": selectors.webhook_log(limit=50),
    }
    return render(request, "staff/settings/webhooks.html", context, status=form_status(form))


@settings_page
@require_POST
def webhook_off(request: HttpRequest, endpoint_id: int) -> HttpResponse:
    try:
        endpoint = services.webhook_endpoint_deactivate(endpoint_id=endpoint_id)
    except CaseError:
        messages.error(request, "That endpoint no longer exists")
    else:
        messages.success(request, f"Events are no longer sent to {endpoint.url}")
    return redirect("staff:settings_webhooks")
