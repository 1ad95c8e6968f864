from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "copydesk.public"
    label = "public"
    verbose_name = "Public site"
