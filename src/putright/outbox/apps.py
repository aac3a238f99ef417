from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "putright.outbox"
    label = "outbox"

    def ready(self) -> None:
        from django.contrib import admin
        from django_tasks_db.models import DBTaskResult

        # django-tasks-db registers its task table in Django's admin, where a row could be
        # edited or deleted by hand. Deliveries are the record staff read (case page, digest);
        # the queue's table is left to the worker. Admin autodiscovery has run by now.
        if admin.site.is_registered(DBTaskResult):
            admin.site.unregister(DBTaskResult)

        from putright.cases.hooks import register_event_hook
        from putright.outbox.handlers import register_delivery_handler
        from putright.outbox.models import DeliveryKind
        from putright.outbox.sms import sms_delivery, sms_queue_for_event

        register_event_hook(sms_queue_for_event)
        register_delivery_handler(DeliveryKind.SMS, sms_delivery)
