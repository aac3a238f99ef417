from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "putright.imports"
    label = "imports"
    verbose_name = "Imports of past complaints"

    def ready(self) -> None:
        from putright.imports.access import access_can_import
        from putright.ui.navigation import NavEntry, register

        register(
            NavEntry("import", "Import", "imports:home", access_can_import, 85, path_prefix="/staff/import/")
        )
