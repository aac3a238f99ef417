"""Public pages for the published self-assessment (Code 8.2), outside /staff/.

Mount in the root URLconf as
``path("publications/self-assessment/", include("putright.assessment.public_urls"))``
(before the ``publications/`` include), giving ``/publications/self-assessment/<id>/``.
"""

from django.urls import path

from putright.assessment.views import public

app_name = "assessment_public"

urlpatterns = [
    path("<int:pk>/", public.published_page, name="page"),
    path("<int:pk>/self-assessment.pdf", public.published_pdf, name="pdf"),
    path("<int:pk>/self-assessment.docx", public.published_docx, name="docx"),
]
