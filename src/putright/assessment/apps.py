from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "putright.assessment"
    label = "assessment"

    def ready(self) -> None:
        # Governance reads the self-assessment through what is offered here, so that the two
        # apps never import each other (putright.governance.self_assessment says why).
        from putright.assessment.selectors import (
            assessment_latest_approved,
            assessment_latest_published,
            assessment_published_document,
        )
        from putright.cases.access import access_can_view_reports
        from putright.governance.self_assessment import SelfAssessmentSource, offer
        from putright.ui.navigation import NavEntry, register

        offer(
            SelfAssessmentSource(
                latest_approved=assessment_latest_approved,
                latest_published=assessment_latest_published,
                published_document=assessment_published_document,
            )
        )
        # Everyone who reads reports sees the entry; the pages say who may do what there.
        register(
            NavEntry(
                "self-assessment",
                "Self-assessment",
                "assessment:list",
                access_can_view_reports,
                60,
                path_prefix="/staff/self-assessment/",
            )
        )
