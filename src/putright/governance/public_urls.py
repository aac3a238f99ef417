"""The public publications page, mounted at /publications/ (Code 8.2, 8.5)."""

from django.urls import path

from putright.governance.views import public

app_name = "publications"

urlpatterns = [
    path("", public.publications, name="list"),
    path("<int:publication_id>.<str:fmt>", public.download, name="download"),
    path("self-assessment/<int:assessment_id>.pdf", public.self_assessment, name="self_assessment"),
]
