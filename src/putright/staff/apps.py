from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "putright.staff"
    label = "staff"

    def ready(self) -> None:
        from putright.staff.navigation import ENTRIES, SEARCH
        from putright.ui.navigation import register, register_search

        register(*ENTRIES)
        register_search(SEARCH)
