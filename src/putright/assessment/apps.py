from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "putright.assessment"
    label = "assessment"
