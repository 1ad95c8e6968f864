"""The newsroom's roles, as Django groups with exactly the permissions each role needs."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

ADMINISTRATOR, EDITOR, REPORTER, CONTRIBUTOR = "Administrator", "Editor", "Reporter", "Contributor"

# What each role may do. Administrators are superusers as well: users, roles and settings.
_WRITE_OWN = [
    "wagtailadmin.access_admin",
    "newsroom.add_article",
    "newsroom.change_article",
    "newsroom.view_article",
]
PERMISSIONS = {
    CONTRIBUTOR: [*_WRITE_OWN],
    REPORTER: [*_WRITE_OWN, "newsroom.view_author", "newsroom.view_section", "newsroom.lock_article"],
    EDITOR: [
        *_WRITE_OWN,
        "newsroom.edit_any_article", "newsroom.publish_article", "newsroom.delete_article",
        "newsroom.lock_article", "newsroom.unlock_article",
        "newsroom.correct_article", "newsroom.withdraw_article",
        "newsroom.add_author", "newsroom.change_author", "newsroom.view_author",
        "newsroom.add_section", "newsroom.change_section", "newsroom.view_section",
        "newsroom.add_agency", "newsroom.change_agency", "newsroom.view_agency",
        "wire.view_wireitem", "wire.change_wireitem", "wire.view_agencymedia", "wire.attach_agencymedia",
        "wire.view_source", "wire.add_source", "wire.change_source",
        "wire.view_delivery", "wire.view_rejection",
        "wordpress.view_setaside", "wordpress.view_oldurl",
        "wagtailcore.view_modellogentry",
    ],
}  # fmt: skip
PERMISSIONS[ADMINISTRATOR] = PERMISSIONS[EDITOR]
# Image permissions live on Wagtail's collections, not on the group itself.
IMAGE_PERMISSIONS = {
    CONTRIBUTOR: ["add_image", "choose_image"],
    REPORTER: ["add_image", "choose_image"],
    EDITOR: ["add_image", "change_image", "choose_image"],
    ADMINISTRATOR: ["add_image", "change_image", "delete_image", "choose_image"],
}
ROLE_NAMES = {name.lower(): name for name in PERMISSIONS}


def _permission(dotted):
    app_label, codename = dotted.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise LookupError(f"No permission {dotted}") from None


@transaction.atomic
def sync_roles():
    """Create or bring up to date the four role groups and their permissions."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.models import Collection, GroupCollectionPermission
    from wagtail.snippets.models import create_extra_permissions

    # Permissions of apps migrated after this signal, and Wagtail's publish and lock permissions.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    create_extra_permissions(apps.get_app_config("wagtailsnippets"))
    # Wagtail's own starter groups are about page trees Copydesk does not use.
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()
    root = Collection.get_first_root_node()
    for role, dotted in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([_permission(p) for p in dotted])
        if root is not None:
            GroupCollectionPermission.objects.filter(group=group).delete()
            for codename in IMAGE_PERMISSIONS[role]:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root, permission=_permission(f"wagtailimages.{codename}")
                )


def role_of(user) -> str | None:
    """Return the user's strongest role name, or None."""
    if user.is_superuser:
        return ADMINISTRATOR
    names = set(user.groups.values_list("name", flat=True))
    return next((role for role in (ADMINISTRATOR, EDITOR, REPORTER, CONTRIBUTOR) if role in names), None)
