from django.apps import AppConfig


class HazardsConfig(AppConfig):
    name = "putright.hazards"
    label = "hazards"

    def ready(self) -> None:
        from putright.cases.hooks import (
            register_contact_hook,
            register_demo_hook,
            register_event_hook,
            register_import_hook,
        )
        from putright.hazards.services.screening import screen_complaint, screen_for_contact, screen_for_event

        # Screening runs inside the intake action's transaction: nothing is saved unscreened.
        register_event_hook(screen_for_event)
        register_contact_hook(screen_for_contact)
        register_import_hook(screen_complaint)
        from putright.hazards.demo import demo_hazards

        register_demo_hook(demo_hazards)
