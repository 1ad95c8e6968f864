from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "copydesk.public"
    label = "public"
    verbose_name = "Public site"

    def ready(self):
        from . import receivers  # noqa: F401  (purges caches after newsroom changes)
