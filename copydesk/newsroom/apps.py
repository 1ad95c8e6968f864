from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "copydesk.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import (
            receivers,  # noqa: F401  (connects Wagtail's publish signals to ours)
            references,  # noqa: F401  (notes what the reference index must catch up with)
        )
