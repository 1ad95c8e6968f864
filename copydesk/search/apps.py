from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "copydesk.search"
    label = "copydesk_search"  # "search" is Wagtail's own label
    verbose_name = "Search"

    def ready(self):
        from . import receivers  # noqa: F401  (re-indexes stories after newsroom changes)
