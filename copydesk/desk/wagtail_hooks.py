"""The newsroom's content in the Wagtail admin."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from copydesk.newsroom.models import Agency, Article, Author, Section

from .documents import PermittedDocumentsAPIViewSet, refuse_unpermitted_document
from .forms import ArticleForm
from .image_deletion import ImageDeleteBulkAction
from .language_input import LanguageInput
from .permissions import article_permission_policy
from .story_admin import (
    ArticleCreateView,
    ArticleEditView,
    ArticleIndexView,
    ChecklistPanel,
    StoryDeleteBulkAction,
    correct,
    guard_story_urls,
    withdraw,
)
from .story_chooser import StoryChooserViewSet
from .views import republish
from .wire_admin import WireDeskGroup
from .workflow import LateStoriesPanel


class ArticleViewSet(SnippetViewSet):
    model = Article
    add_view_class = ArticleCreateView
    edit_view_class = ArticleEditView
    index_view_class = ArticleIndexView
    chooser_viewset_class = StoryChooserViewSet

    @property
    def add_view(self):
        return self.construct_view(
            self.add_view_class, **self.get_add_view_kwargs(), edit_view=self.edit_view
        )

    def get_urlpatterns(self):
        return guard_story_urls(super().get_urlpatterns())

    icon = "doc-full"
    menu_label = "Stories"
    menu_order = 100
    list_display = ["headline", "section", "status", "first_published_at", "modified_at"]
    list_filter = {"status": ["exact"], "section": ["exact"], "agency": ["exact"]}
    search_fields = ["headline", "dek", "body"]
    ordering = ["-modified_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("headline"),
            FieldPanel("slug", help_text="Leave empty to make one from the headline."),
            FieldPanel("dek"),
            FieldRowPanel([FieldPanel("dateline"), FieldPanel("language", widget=LanguageInput)]),
            FieldPanel("body"),
            FieldPanel("remove_tables"),
            FieldPanel("excerpt"),
            MultiFieldPanel(
                [
                    FieldPanel("section"),
                    InlinePanel("byline_authors", label="Bylined author", min_num=0),
                    FieldPanel("byline"),
                    FieldPanel("tags"),
                ],
                heading="Section, byline and tags",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("agency"),
                    FieldPanel("agency_credit"),
                    FieldPanel("usage_terms"),
                    FieldPanel("show_usage_terms"),
                    FieldPanel("copyright"),
                    FieldRowPanel([FieldPanel("original_publisher"), FieldPanel("original_url")]),
                ],
                heading="Credit and attribution",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("lead_image"),
                    FieldPanel("lead_image_alt"),
                    FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
                    FieldPanel("lead_image_usage"),
                ],
                heading="Lead image",
            ),
            FieldPanel("updated_at"),
            PublishingPanel(),
            ChecklistPanel(heading="Publish checklist"),
        ],
        base_form_class=ArticleForm,
    )


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "job_title", "kind"]
    list_filter = {"kind": ["exact"]}
    search_fields = ["name", "job_title"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("job_title"),
        FieldPanel("kind"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        InlinePanel("links", label="Link"),
    ]


class SectionViewSet(SnippetViewSet):
    model = Section
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "order"]
    ordering = ["order", "name"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "globe"
    menu_label = "Agencies"
    list_display = ["name", "credit", "website"]


class NewsroomGroup(ViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "doc-full-inverse"
    menu_order = 90
    items = (ArticleViewSet, AuthorViewSet, SectionViewSet, AgencyViewSet)


register_permission_policy(Article, article_permission_policy)
register_snippet(NewsroomGroup)


@hooks.register("register_admin_viewset")
def register_wire_desk():
    return WireDeskGroup()


@hooks.register("construct_main_menu")
def hide_unused_menu_items(request, menu_items):
    # Stories are not pages in a tree and the paper keeps no documents: hide what editors never use.
    menu_items[:] = [item for item in menu_items if item.name not in {"explorer", "documents"}]


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its own
def hide_page_and_document_counts(request, summary_items):
    summary_items[:] = [
        item
        for item in summary_items
        if type(item).__name__ not in {"PagesSummaryItem", "DocumentsSummaryItem"}
    ]


@hooks.register("register_admin_urls")
def register_republish_url():
    return [
        path("wire/republish/", republish, name="desk_republish"),
        path("stories/<int:pk>/withdraw/", withdraw, name="desk_withdraw"),
        path("stories/<int:pk>/correct/", correct, name="desk_correct"),
    ]


@hooks.register("register_snippet_listing_buttons")
def story_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Article) or snippet.status != "published":
        return
    if user.has_perm("newsroom.correct_article"):
        yield ListingButton("Add a correction", reverse("desk_correct", args=[snippet.pk]), priority=30)
    if user.has_perm("newsroom.withdraw_article"):
        yield ListingButton("Withdraw", reverse("desk_withdraw", args=[snippet.pk]), priority=40)


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action("copydesk.withdraw", "Withdraw", "Withdrew the story")
    actions.register_action("copydesk.correct", "Correct", "Added a correction")


class WireDeskMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wire.change_wireitem")


@hooks.register("register_admin_menu_item")
def republish_menu_item():
    return WireDeskMenuItem("Republish by URL", reverse("desk_republish"), icon_name="link", order=85)


# After wagtail.snippets and wagtail.images register their own bulk deletes, so these replace them.
hooks.register("register_bulk_action", StoryDeleteBulkAction, order=100)
hooks.register("register_bulk_action", ImageDeleteBulkAction, order=100)


@hooks.register("construct_reports_menu")
def hide_audit_log_from_writers(request, menu_items):
    if not request.user.has_perm("wagtailcore.view_modellogentry"):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


@hooks.register("construct_homepage_panels")
def add_late_stories_panel(request, panels):
    if request.user.has_perm("newsroom.publish_article"):
        panels.append(LateStoriesPanel())


hooks.register("before_serve_document", refuse_unpermitted_document)


@hooks.register("construct_admin_api", order=100)  # after wagtail.documents registers its own
def permitted_documents_only(router):
    router.register_endpoint("documents", PermittedDocumentsAPIViewSet)
