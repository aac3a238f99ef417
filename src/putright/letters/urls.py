"""Staff pages for letters, mounted at /staff/letters/."""

from django.urls import path

from putright.letters.views import admin, letters

app_name = "letters"

urlpatterns = [
    path("complaint/<int:complaint_id>/", letters.complaint_letters, name="complaint"),
    path("complaint/<int:complaint_id>/update/", letters.update_new, name="update-new"),
    path("<int:letter_id>/", letters.letter_detail, name="letter"),
    path("<int:letter_id>/edit/", letters.letter_edit, name="edit"),
    path("<int:letter_id>/issue/", letters.letter_issue, name="issue"),
    path("<int:letter_id>/send/", letters.letter_send, name="send"),
    path("<int:letter_id>/posted/", letters.letter_posted, name="posted"),
    path("<int:letter_id>/letter.<str:fmt>", letters.letter_download, name="download"),
    path("print-queue/", admin.print_queue, name="print-queue"),
    path("templates/", admin.template_list, name="templates"),
    path("templates/<str:kind>/", admin.template_edit, name="template-edit"),
]
