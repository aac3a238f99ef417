from django.apps import AppConfig


class DemoConfig(AppConfig):
    """An app only so Django finds the `demo` and `generate` commands; it has no models."""

    name = "putright.demo"
    label = "demo"
