"""The story chooser, narrowed to the stories the user may see (the one permission policy decides)."""

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from copydesk.newsroom.models import Article

from .permissions import article_permission_policy


def visible_stories(user):
    """Every story for Editors; a Reporter's or Contributor's own otherwise."""
    return article_permission_policy.instances_user_has_any_permission_for(user, ["change", "view"])


class StoryChooseView(ChooseView):
    def get_object_list(self):
        return visible_stories(self.request.user)


class StoryChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return visible_stories(self.request.user)


class StoryChosenView(SnippetChosenView):
    # A colleague's story answers 404, exactly like a story that does not exist.
    def get_object(self, pk):
        if not str(pk).isdigit():  # a hand-made address: not found, rather than a ValueError (500)
            raise Article.DoesNotExist
        return visible_stories(self.request.user).get(pk=pk)


class StoryChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_stories(self.request.user).filter(pk__in=[pk for pk in pks if pk.isdigit()])


class StoryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = StoryChooseView
    choose_results_view_class = StoryChooseResultsView
    chosen_view_class = StoryChosenView
    chosen_multiple_view_class = StoryChosenMultipleView
