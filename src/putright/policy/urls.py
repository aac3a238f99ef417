"""Staff pages for the complaints policy, mounted at /staff/policy/."""

from django.urls import path

from putright.policy.views import mapping, pages

app_name = "policy"

urlpatterns = [
    path("", pages.overview, name="overview"),
    path("start/", pages.StartPage.as_view(), name="start"),
    path("import/", pages.ImportPage.as_view(), name="import"),
    path("sections/<slug:key>/", pages.SectionPage.as_view(), name="section"),
    path("submit/", pages.SubmitPage.as_view(), name="submit"),
    path("approve/", pages.ApprovePage.as_view(), name="approve"),
    path("return/", pages.ReturnPage.as_view(), name="return"),
    path("history/", pages.history, name="history"),
    path("mapping/", mapping.mapping, name="mapping"),
    path("mapping/<str:pid>/", mapping.MappingPage.as_view(), name="mapping_edit"),
]
