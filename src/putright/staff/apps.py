from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "putright.staff"
    label = "staff"

    def ready(self) -> None:
        from putright.staff.navigation import ENTRIES
        from putright.ui.navigation import register

        register(*ENTRIES)
