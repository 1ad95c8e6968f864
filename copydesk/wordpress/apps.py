from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "copydesk.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
