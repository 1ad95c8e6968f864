from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "copydesk.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .roles import sync_roles

        # Every migrate leaves the four role groups in place with their current permissions. This
        # app has no models, so Django sends it no post_migrate; the newsroom's signal serves.
        post_migrate.connect(
            lambda **kwargs: sync_roles(),
            sender=apps.get_app_config("newsroom"),
            weak=False,
            dispatch_uid="copydesk-sync-roles",
        )
