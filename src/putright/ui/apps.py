from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "putright.ui"
    label = "ui"
