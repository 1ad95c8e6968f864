from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "copydesk.background"
    label = "background"
    verbose_name = "Background work"
