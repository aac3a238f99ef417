from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "putright.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from putright.privacy import checks  # noqa: F401  (registers the system checks)
        from putright.privacy.record_guard import install_after_migrate

        # After every migrate, once: SQLite drops a table's triggers when a migration rebuilds it.
        post_migrate.connect(install_after_migrate, sender=self, dispatch_uid="putright.record_guard")
