"""Staff account pages, mounted at /staff/account/ (src/putright/urls.py)."""

from django.urls import path

from putright.accounts import setup_views, views

app_name = "account"

urlpatterns = [
    path("set-up/<str:token>/", setup_views.first_setup, name="first_setup"),
    path("two-factor/set-up/", views.setup, name="setup"),
    path("two-factor/verify/", views.verify, name="verify"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
