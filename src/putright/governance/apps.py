from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "putright.governance"
    label = "governance"
