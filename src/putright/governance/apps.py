from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "putright.governance"
    label = "governance"

    def ready(self) -> None:
        from putright.governance.access import access_can_view_governance
        from putright.ui.navigation import NavEntry, register

        register(
            NavEntry(
                "reports",
                "Reports",
                "governance:dashboard",
                access_can_view_governance,
                50,
                path_prefix="/staff/reports/",
            )
        )
