from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "putright.letters"
    label = "letters"
    verbose_name = "Letters"

    def ready(self) -> None:
        from putright.cases.hooks import register_event_hook
        from putright.letters.hooks import draft_letter_for_event

        register_event_hook(draft_letter_for_event)
