from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "putright.portal"
    label = "portal"
