"""Staff pages for letters, mounted at /staff/.

A complaint's letters nest under the complaint (`/staff/complaints/<id>/letters/`), beside
its other pages; a letter itself and the landlord-wide pages live under `/staff/letters/`.
The old addresses of a complaint's letters redirect (301) to the new ones.
"""

from collections.abc import Callable
from typing import Any

from django.urls import path
from django.views.generic import RedirectView

from putright.letters.views import admin, letters

app_name = "letters"


def moved_to(pattern_name: str) -> Callable[..., Any]:
    return RedirectView.as_view(pattern_name=pattern_name, permanent=True, query_string=True)


urlpatterns = [
    path("complaints/<int:complaint_id>/letters/", letters.complaint_letters, name="complaint"),
    path("complaints/<int:complaint_id>/letters/update/", letters.update_new, name="update-new"),
    path("letters/complaint/<int:complaint_id>/", moved_to("letters:complaint")),
    path("letters/complaint/<int:complaint_id>/update/", moved_to("letters:update-new")),
    path("letters/<int:letter_id>/", letters.letter_detail, name="letter"),
    path("letters/<int:letter_id>/edit/", letters.letter_edit, name="edit"),
    path("letters/<int:letter_id>/issue/", letters.letter_issue, name="issue"),
    path("letters/<int:letter_id>/send/", letters.letter_send, name="send"),
    path("letters/<int:letter_id>/posted/", letters.letter_posted, name="posted"),
    path("letters/<int:letter_id>/letter.<str:fmt>", letters.letter_download, name="download"),
    path("letters/print-queue/", admin.print_queue, name="print-queue"),
    path("letters/templates/", admin.template_list, name="templates"),
    path("letters/templates/<str:kind>/", admin.template_edit, name="template-edit"),
]
