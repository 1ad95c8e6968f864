"""What a WordPress import left for editors, in the admin: the items set aside and the old addresses."""

from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSetGroup

from copydesk.desk.wire_admin import ReadOnlyViewSet

from .models import OldURL, SetAside
from .redirects import destination


class StoryColumn(Column):
    def get_value(self, instance):
        return instance.article.headline if instance.article_id else "—"


class LeadsToColumn(Column):
    def get_value(self, instance):
        target, _ = destination(instance)
        return format_html("<code>{}</code>", target) if target else "nowhere yet (story not public)"


class SetAsideViewSet(ReadOnlyViewSet):
    model = SetAside
    url_prefix = "wordpress/set-aside"
    icon = "warning"
    menu_label = "Set aside"
    list_display = [
        "ref",
        "title",
        "reason",
        StoryColumn("story", label="Story"),
        DateColumn("recorded_at", label="Recorded"),
    ]
    search_fields = ["ref", "title", "reason"]


class OldURLIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("article__section", "section", "author", "tag")


class OldURLViewSet(ReadOnlyViewSet):
    model = OldURL
    url_prefix = "wordpress/redirects"
    icon = "redirect"
    menu_label = "Old addresses"
    list_display = ["path", LeadsToColumn("leads_to", label="Leads to"), "site"]
    search_fields = ["path"]
    list_per_page = 100
    index_view_class = OldURLIndexView


class WordPressGroup(ModelViewSetGroup):
    menu_label = "WordPress import"
    menu_icon = "download"
    menu_order = 85
    items = (SetAsideViewSet, OldURLViewSet)


@hooks.register("register_admin_viewset")
def register_wordpress_import():
    return WordPressGroup()
