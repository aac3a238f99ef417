from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "putright.policy"
    label = "policy"

    def ready(self) -> None:
        from putright.policy.access import access_can_read_policy
        from putright.ui.navigation import NavEntry, register

        register(
            NavEntry(
                "policy",
                "Policy",
                "policy:overview",
                access_can_read_policy,
                65,
                path_prefix="/staff/policy/",
            )
        )
