from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "putright.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        from putright.privacy import checks  # noqa: F401  (registers the system checks)
