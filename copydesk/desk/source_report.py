"""A source's fidelity report in the admin: what became of its items and what they lack."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.widgets import HeaderButton

from copydesk.wire.fidelity import WINDOWS, source_fidelity
from copydesk.wire.models import Source, WireItem

# Who may read a source's report: whoever may see the source (docs/reference/settings.md, "Wire sources").
VIEW_SOURCE = "wire.view_source"
OUTCOMES = [
    (WireItem.State.PUBLISHED, "Published"),
    (WireItem.State.ON_DESK, "Held on the desk"),
    (WireItem.State.SCHEDULED, "Embargoed, scheduled"),
    (WireItem.State.DUPLICATE, "Duplicates of a published story"),
    (WireItem.State.SPIKED, "Spiked"),
    (WireItem.State.KILLED, "Withdrawn by the agency"),
]


def report_url(source) -> str:
    return reverse("source:fidelity", args=[source.pk])


def source_fidelity_view(request, pk):
    """Show one source's report over the last 7 (or ?days=30) days."""
    if not request.user.has_perm(VIEW_SOURCE):
        raise PermissionDenied("Seeing a source's report needs the permission to view sources.")
    source = get_object_or_404(Source.objects.select_related("agency"), pk=pk)
    days = int(request.GET["days"]) if request.GET.get("days") in {str(d) for d in WINDOWS} else WINDOWS[0]
    report = source_fidelity(source, days)
    outcomes = [(label, report.outcomes.get(state, 0)) for state, label in OUTCOMES]
    title = f"Fidelity report: {source.name}"
    context = {
        "source": source, "report": report, "outcomes": outcomes, "windows": WINDOWS,
        "header_title": title, "page_title": title, "header_icon": "list-ul",
    }  # fmt: skip
    return TemplateResponse(request, "desk/source_fidelity.html", context)


class ReportColumn(Column):
    """A link from the source listing to the source's report."""

    def get_value(self, instance):
        return format_html('<a href="{}">{}</a>', report_url(instance), "Report")


class SourceEditView(EditView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton("Fidelity report", url=report_url(self.object), icon_name="list-ul"),
        ]
