"""Staff pages for importing past complaints, mounted at /staff/import/."""

from django.urls import path

from putright.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_home, name="home"),
    path("<int:run_id>/mapping/", views.import_mapping, name="mapping"),
    path("<int:run_id>/", views.import_run_page, name="run"),
    path("<int:run_id>/errors.csv", views.import_errors_csv, name="errors"),
]
