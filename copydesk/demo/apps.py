from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "copydesk.demo"
    label = "demo"
    verbose_name = "Demo newsroom"
