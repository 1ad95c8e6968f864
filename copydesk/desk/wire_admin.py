"""The wire desk in the Wagtail admin: the queue, sources, deliveries and what was set aside."""

from django.db.models import Count, Exists, OuterRef
from django.urls import path
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from copydesk.wire.models import AgencyMedia, Delivery, Rejection, Source, WireItem, WireVersion

from .forms import SET_SOURCE_SECRET, SourceForm
from .source_report import ReportColumn, SourceEditView, source_fidelity_view
from .views import attach_lead_media, attach_lead_picture, wire_action
from .wire_media import KindColumn, PicturesColumn, ThumbnailColumn, media_context


class ClusterColumn(Column):
    def get_value(self, instance):
        size = instance.cluster_size
        return format_html("{} items", size) if size > 1 else "—"


class UrgencyColumn(Column):
    """A flash (IPTC urgency 1) stands out on the queue; other urgencies show as their number."""

    def get_value(self, instance):
        if instance.is_flash:
            return format_html('<span class="w-status w-status--primary">{}</span>', "Flash")
        return instance.urgency or ""


class UpdateWaitingColumn(Column):
    """Say on the queue that an agency update waits for the desk to apply or dismiss it."""

    def get_value(self, instance):
        if instance.update_waiting:
            return format_html('<span class="w-status w-status--label">{}</span>', "Update waiting")
        return ""


class ReadOnlyViewSet(ModelViewSet):
    """A listing and a detail page for records that come from outside and are never edited by hand."""

    inspect_view_enabled = True
    copy_view_enabled = False
    exclude_form_fields = []  # required by Wagtail; no add or edit view is exposed
    read_only_urls = {"index", "index_results", "inspect"}

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage"):
            if name not in self.read_only_urls:
                kwargs[f"{name}_url_name"] = None
        return kwargs

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name in self.read_only_urls]

    @property
    def url_finder_class(self):
        # Usage pages and search link to a record's admin page: here that is its inspect page.
        from wagtail.admin.admin_url_finder import ModelAdminURLFinder

        return type(
            "_ReadOnlyURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")}
        )


class WireItemInspectView(InspectView):
    """The wire item's page: its text, versions, cluster, waiting update and the desk's actions."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        wire = self.object
        pending = wire.pending_update
        has_story = wire.article is not None and wire.article.status in ("published", "scheduled")
        usable = wire.pubstatus == "usable" and wire.kind == "text"
        context.update(
            **media_context(wire, self.request.user),
            pending=pending,
            pending_diff=self.pending_diff(wire, pending) if pending else [],
            members=list(wire.members()),
            versions=wire.versions.all(),
            actions=[
                (
                    "publish",
                    "Publish" if not wire.embargoed_until else "Publish at embargo",
                    usable and not has_story,
                ),
                ("draft", "Open as a draft", usable and wire.article is None),
                ("spike", "Spike", usable and not has_story and wire.state != WireItem.State.SPIKED),
                ("apply", "Apply the agency's update", pending is not None),
                ("dismiss", "Keep our version", pending is not None),
            ],
        )
        return context

    @staticmethod
    def pending_diff(wire, pending):
        article, incoming = wire.article, pending.payload
        return [
            ("Headline", article.headline, incoming.get("headline", "")),
            ("Standfirst", article.dek, incoming.get("summary", "")),
            ("Body", article.body, incoming.get("body_html", "")),
            ("Dateline", article.dateline, incoming.get("dateline", "")),
            ("Language", article.language, incoming.get("language", "")),
        ]


class WireQueueIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("agency", "source__section", "media__image")
            .annotate(
                cluster_size=Count("cluster_members", distinct=True) + 1,
                update_waiting=Exists(
                    WireVersion.objects.filter(item=OuterRef("pk"), status=WireVersion.Status.PENDING)
                ),
            )
        )


class WireQueueViewSet(ReadOnlyViewSet):
    model = WireItem
    name = "wire_queue"
    url_prefix = "wire/queue"
    icon = "radio-empty"
    menu_label = "Wire queue"
    menu_order = 10
    inspect_template_name = "desk/wire_item.html"
    inspect_view_class = WireItemInspectView
    index_view_class = WireQueueIndexView
    list_display = [
        "headline",
        KindColumn("kind", label="Kind"),
        UrgencyColumn("urgency", label="Urgency"),
        "agency",
        Column("section", accessor="source.section", label="Section"),
        "state",
        "version",
        UpdateWaitingColumn("update_waiting", label="Update"),
        ClusterColumn("cluster", label="Cluster"),
        PicturesColumn("pictures", label="Pictures"),
        DateColumn("embargoed_until", label="Embargo"),
        DateColumn("received_at", label="Received"),
    ]
    list_filter = {
        "state": ["exact"],
        "kind": ["exact"],
        "agency": ["exact"],
        "source__section": ["exact"],
        "urgency": ["exact"],
        "embargoed_until": ["gte"],
    }
    search_fields = ["headline", "guid", "slugline"]
    ordering = ["-received_at"]
    list_per_page = 50

    def get_urlpatterns(self):
        # Wire items come from agencies: editors act on them but never add, edit or delete them by hand.
        return [
            *super().get_urlpatterns(),
            path("action/<int:pk>/<slug:verb>/", wire_action, name="action"),
            path("lead/<int:pk>/<int:media_pk>/", attach_lead_picture, name="attach_lead"),
            path("lead-media/<int:pk>/<int:media_pk>/", attach_lead_media, name="attach_lead_media"),
            path("lead-media/<int:pk>/remove/", attach_lead_media, name="remove_lead_media"),
        ]


class SourceViewSet(ModelViewSet):
    model = Source
    icon = "link-external"
    menu_label = "Sources"
    copy_view_enabled = False
    # Editors run the desk's sources; naming a credential is an Administrator's (docs/reference/settings.md, "Wire sources").
    panels = [
        *(
            FieldPanel(name)
            for name in ("name", "agency", "transport", "url", "folder", "format", "poll_interval")
        ),
        FieldPanel("auth_header", permission=SET_SOURCE_SECRET),
        FieldPanel("auth_secret_env", permission=SET_SOURCE_SECRET),
        *(FieldPanel(name) for name in ("section", "default_tags", "rule", "show_usage_terms", "active")),
    ]
    edit_handler = ObjectList(panels, base_form_class=SourceForm)
    edit_view_class = SourceEditView
    list_display = [
        "name",
        "agency",
        "format",
        "rule",
        "active",
        DateColumn("last_success_at", label="Last success"),
        Column("last_error", label="Last error"),
        DateColumn("next_poll_at", label="Next poll"),
        ReportColumn("fidelity", label="Fidelity"),
    ]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("fidelity/<int:pk>/", source_fidelity_view, name="fidelity")]


class DeliveryViewSet(ReadOnlyViewSet):
    model = Delivery
    icon = "download"
    menu_label = "Deliveries"
    list_display = ["name", "source", DateColumn("received_at", label="Received"), "counts", "error"]
    list_filter = ["source"]


class RejectionViewSet(ReadOnlyViewSet):
    model = Rejection
    icon = "warning"
    menu_label = "Set aside"
    list_display = ["reason", "source", "guid", "headline", DateColumn("received_at", label="Received")]
    list_filter = ["source"]
    search_fields = ["reason", "guid", "headline"]


class AgencyMediaViewSet(ReadOnlyViewSet):
    """The library of agency pictures, graphics, video and audio the desk attaches to stories."""

    model = AgencyMedia
    icon = "image"
    menu_label = "Agency media"
    list_display = [
        ThumbnailColumn("image", label="Picture"),
        "caption",
        "kind",
        "agency",
        "credit",
        "state",
        "reason",
        DateColumn("received_at", label="Received"),
    ]
    inspect_view_fields = [
        "kind", "caption", "credit", "byline", "copyright", "usage_terms", "state", "reason",
        "url", "mime", "size", "duration", "agency", "guid", "received_at",
    ]  # fmt: skip
    list_filter = ["kind", "state", "agency"]
    search_fields = ["caption", "guid", "credit"]


class WireDeskGroup(ModelViewSetGroup):
    menu_label = "Wire desk"
    menu_icon = "radio-full"
    menu_order = 80
    items = (WireQueueViewSet, AgencyMediaViewSet, SourceViewSet, DeliveryViewSet, RejectionViewSet)
