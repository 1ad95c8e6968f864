from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "copydesk.wire"
    label = "wire"
    verbose_name = "Wire"

    def ready(self):
        from . import receivers  # noqa: F401
