from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "copydesk.desk"
    label = "desk"
    verbose_name = "Desk"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .workflow import ensure_review_workflow

        post_migrate.connect(
            lambda **kwargs: ensure_review_workflow(),
            sender=apps.get_app_config("wire"),  # after the newsroom's signal has made the roles
            weak=False,
            dispatch_uid="copydesk-review-workflow",
        )
