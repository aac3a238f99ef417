from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "putright.letters"
    label = "letters"
    verbose_name = "Letters"

    def ready(self) -> None:
        from putright.cases.hooks import register_event_hook
        from putright.letters.hooks import draft_letter_for_event

        register_event_hook(draft_letter_for_event)

        from putright.letters.deliveries import letter_issue_delivery, letter_send_delivery
        from putright.outbox.handlers import register_delivery_handler
        from putright.outbox.models import DeliveryKind

        # The worker runs these; the outbox does not import letters (letters imports it).
        register_delivery_handler(DeliveryKind.LETTER_ISSUE, letter_issue_delivery)
        register_delivery_handler(DeliveryKind.LETTER_SEND, letter_send_delivery)

        from putright.letters.services.posting import letter_post_delivery, letter_post_receipt
        from putright.outbox.notify import notify_receipt_listen

        register_delivery_handler(DeliveryKind.LETTER_POST, letter_post_delivery)
        notify_receipt_listen(letter_post_receipt)
        from putright.cases.access import access_can_work_cases
        from putright.ui.navigation import NavEntry, register

        # Letters waiting to be posted, oldest first, one click from every staff page.
        register(
            NavEntry(
                "print-queue",
                "Print queue",
                "letters:print-queue",
                access_can_work_cases,
                45,
                frozenset({"letters:print-queue"}),
            )
        )
