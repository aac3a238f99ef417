"""The project's URLs with the public self-assessment mounted where the lead is asked to mount it."""

from django.urls import include, path

from putright.urls import urlpatterns as project

urlpatterns = [
    path("publications/self-assessment/", include("putright.assessment.public_urls")),
    *project,
]
