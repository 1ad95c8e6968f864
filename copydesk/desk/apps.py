from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "copydesk.desk"
    label = "desk"
    verbose_name = "Desk"
