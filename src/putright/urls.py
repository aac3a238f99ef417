"""URLs: the resident portal at /, staff pages under /staff/, the API under /api/v1/."""

from django.contrib import admin
from django.urls import include, path

from putright.api.inbound_email import inbound_email
from putright.api.notify_receipts import notify_receipt
from putright.api.urls import api
from putright.landlord.views import landlord_css

handler500 = "putright.error_pages.server_error"

urlpatterns = [
    path("landlord.css", landlord_css, name="landlord-css"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("integrations/notify/receipts/", notify_receipt, name="notify-receipts"),
    path("integrations/email/inbound/", inbound_email, name="inbound-email"),
    path("staff/reports/", include("putright.governance.urls")),
    path("staff/import/", include("putright.imports.urls")),
    path("staff/", include("putright.letters.urls")),
    path("publications/self-assessment/", include("putright.assessment.public_urls")),
    path("publications/", include("putright.governance.public_urls")),
    path("staff/self-assessment/", include("putright.assessment.urls")),
    path("staff/policy/", include("putright.policy.urls")),
    path("staff/account/", include("putright.accounts.urls")),
    path("staff/", include("putright.staff.urls")),
    path("", include("putright.portal.urls")),
]
