"""The resident portal, mounted at /. `/complain/` is a stable address others may link to (Code 1.6)."""

from django.urls import path

from putright.portal.views import complain, follow, pages, policy, signin

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("policy/", pages.policy, name="policy"),
    path("policy/large-print/", policy.large_print, name="policy_large"),
    path("policy/easy-read/", policy.easy_read, name="policy_easy"),
    path("policy/complaints-policy.pdf", policy.pdf, name="policy_pdf"),
    path("policy/complaints-policy-large-print.pdf", policy.large_pdf, name="policy_large_pdf"),
    path("complain/", complain.start, name="complain_start"),
    path("complain/check/", complain.check, name="complain_check"),
    path("complain/sent/", complain.sent, name="complain_sent"),
    path("complain/<slug:slug>/", complain.step, name="complain_step"),
    path("sign-in/", signin.sign_in, name="sign_in"),
    path("sign-in/code/", signin.sign_in_code, name="sign_in_code"),
    path("sign-in/link/<str:token>/", signin.sign_in_link, name="sign_in_link"),
    path("sign-out/", signin.sign_out, name="sign_out"),
    path("complaints/", follow.complaints, name="complaints"),
    path("complaints/<str:reference>/", follow.complaint, name="complaint"),
    path("complaints/<str:reference>/add/", follow.add_information, name="complaint_add"),
    path("complaints/<str:reference>/withdraw/", follow.withdraw, name="complaint_withdraw"),
    path("complaints/<str:reference>/stage-2/", follow.escalate, name="complaint_escalate"),
    path("complaints/<str:reference>/stage-2/asked/", follow.escalated, name="complaint_escalated"),
    path(
        "complaints/<str:reference>/letters/<int:letter_id>/<str:fmt>/",
        follow.letter,
        name="complaint_letter",
    ),
    path(
        "complaints/<str:reference>/files/<int:attachment_id>/",
        follow.attachment,
        name="complaint_file",
    ),
]
