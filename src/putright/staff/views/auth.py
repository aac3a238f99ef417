"""Signing in and out (Django auth). Governance users start at reports: they see no cases."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from putright.cases import access

REPORTS_URL = "/staff/reports/"


class StaffLoginView(auth_views.LoginView):
    template_name = "staff/login.html"

    def get_default_redirect_url(self) -> str:
        user = self.request.user
        if access.access_can_view_reports(user) and not access.access_can_work_cases(user):
            return REPORTS_URL
        return str(super().get_default_redirect_url())
