"""Who may do what to a story: Editors anything; Reporters their own; Contributors their own drafts."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from copydesk.newsroom.models import Article

# Actions on one story that change it, and so depend on whose story it is.
WRITES = {"change", "delete", "lock", "unlock", "publish"}


class ArticlePermissionPolicy(ModelPermissionPolicy):
    def can_edit_any(self, user):
        return user.is_active and user.has_perm("newsroom.edit_any_article")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action not in WRITES and action != "view" or self.can_edit_any(user):
            return True
        if instance.owner_id != user.pk:
            return False
        # A Contributor's story leaves their hands once it is published or sent for review.
        if not user.has_perm("newsroom.lock_article") and action in WRITES:
            return not instance.live and instance.status == "draft" and not instance.workflow_in_progress
        return True

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_permission_for(self, user, action):
        stories = super().instances_user_has_permission_for(user, action)
        return stories if self.can_edit_any(user) else stories.filter(owner=user)

    def instances_user_has_any_permission_for(self, user, actions):
        stories = super().instances_user_has_any_permission_for(user, actions)
        return stories if self.can_edit_any(user) else stories.filter(owner=user)


def access_article(user, pk, permission):
    """Return the story if the user holds the permission for it, else refuse."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404

    article = get_object_or_404(Article, pk=pk)
    if not user.has_perm(f"newsroom.{permission}"):
        raise PermissionDenied(f"This needs the “{permission.replace('_', ' ')}” permission.")
    return article


article_permission_policy = ArticlePermissionPolicy(Article)
