from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "putright.staff"
    label = "staff"
