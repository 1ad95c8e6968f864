from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "copydesk.desk"
    label = "desk"
    verbose_name = "Desk"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate
        from wagtail.signals import published

        from copydesk.newsroom.models import Article
        from copydesk.wire.signals import source_failing, source_recovered

        from . import notices
        from .workflow import ensure_review_workflow

        # The mails Wagtail does not send (desk/notices.py).
        published.connect(notices.story_published, sender=Article, dispatch_uid="copydesk-published-mail")
        source_failing.connect(notices.source_failing, dispatch_uid="copydesk-source-failing-mail")
        source_recovered.connect(notices.source_recovered, dispatch_uid="copydesk-source-recovered-mail")

        post_migrate.connect(
            lambda **kwargs: ensure_review_workflow(),
            sender=apps.get_app_config("wire"),  # after the newsroom's signal has made the roles
            weak=False,
            dispatch_uid="copydesk-review-workflow",
        )
