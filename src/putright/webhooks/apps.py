from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "putright.webhooks"
    label = "webhooks"

    def ready(self) -> None:
        from putright.cases.hooks import register_event_hook
        from putright.webhooks.services import webhooks_queue_for_event

        # The one subscription to the case event writer: every event that housing systems
        # may want is queued for the endpoints that asked for it, sent after commit.
        register_event_hook(webhooks_queue_for_event)

        from putright.outbox.handlers import register_delivery_handler
        from putright.outbox.models import DeliveryKind
        from putright.webhooks.deliveries import webhook_delivery

        register_delivery_handler(DeliveryKind.WEBHOOK, webhook_delivery)
