"""The wire desk's actions, each a POST from the wire item's page in the admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from copydesk.newsroom.models import Section
from copydesk.wire import actions
from copydesk.wire.fetch import FetchError
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.republish import republish_partner_article

VERBS = {
    "publish": (actions.publish_wire_item, "Published (or scheduled for its embargo): “{}”."),
    "draft": (actions.open_wire_item_as_draft, "Opened “{}” as a draft."),
    "spike": (actions.spike_wire_item, "Spiked “{}”."),
    "apply": (actions.apply_pending_update, "Applied the agency's update to “{}”."),
    "dismiss": (actions.dismiss_pending_update, "Dismissed the agency's update to “{}”."),
}


def access_wire_item(user, pk):
    """Return the wire item if the user may run the wire desk, else refuse."""
    if not user.has_perm("wire.change_wireitem"):
        raise PermissionDenied("Running the wire desk needs the “change wire item” permission.")
    return get_object_or_404(WireItem.objects.select_related("agency", "source", "article"), pk=pk)


@require_POST
def wire_action(request, pk, verb):
    if verb not in VERBS:
        raise PermissionDenied(f"Unknown wire desk action “{verb}”.")
    wire = access_wire_item(request.user, pk)
    action, message = VERBS[verb]
    try:
        result = action(wire, by=request.user)
    except actions.DeskRefused as refused:
        messages.error(request, str(refused))
        return redirect("wire_queue:inspect", pk)
    messages.success(request, message.format(wire.headline))
    if verb == "draft":
        return redirect(reverse("wagtailsnippets_newsroom_article:edit", args=[result.pk]))
    return redirect("wire_queue:inspect", pk)


@require_POST
def attach_lead_picture(request, pk, media_pk):
    """Make a library picture the lead image of a wire item's story (wire.attach_agencymedia)."""
    if not request.user.has_perm("wire.attach_agencymedia"):
        raise PermissionDenied("Attaching an agency picture needs the “attach agency media” permission.")
    wire = access_wire_item(request.user, pk)
    media = get_object_or_404(AgencyMedia, pk=media_pk)
    try:
        actions.attach_lead_picture(wire, media, by=request.user)
    except actions.DeskRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"The picture now leads “{wire.article.headline}”.")
    return redirect("wire_queue:inspect", pk)


@require_POST
def attach_lead_media(request, pk, media_pk=None):
    """Make a library video or audio clip lead a wire item's story, or take it off (wire.attach_agencymedia)."""
    if not request.user.has_perm("wire.attach_agencymedia"):
        raise PermissionDenied("Attaching agency media needs the “attach agency media” permission.")
    wire = access_wire_item(request.user, pk)
    media = get_object_or_404(AgencyMedia, pk=media_pk) if media_pk is not None else None
    try:
        actions.attach_lead_media(wire, media, by=request.user)
    except actions.DeskRefused as refused:
        messages.error(request, str(refused))
    else:
        done = f"The {media.kind} now leads" if media else "The video or audio was taken off"
        messages.success(request, f"{done} “{wire.article.headline}”.")
    return redirect("wire_queue:inspect", pk)


class RepublishForm(forms.Form):
    url = forms.URLField(label="Partner article's address", assume_scheme="https")
    section = forms.ModelChoiceField(queryset=Section.objects.all())


def republish(request):
    """Fetch a partner's article by URL and open it as a draft crediting the partner."""
    if not request.user.has_perm("wire.change_wireitem"):
        raise PermissionDenied("Republishing a partner's article is part of running the wire desk.")
    form = RepublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = republish_partner_article(form.cleaned_data["url"], section=form.cleaned_data["section"],
                                                by=request.user)  # fmt: skip
        except (FetchError, ValueError) as error:
            form.add_error("url", f"Could not republish this page: {error}")
        else:
            messages.success(
                request, f"Drafted “{article.headline}” with credit to {article.original_publisher}."
            )
            return redirect(reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk]))
    return TemplateResponse(
        request, "desk/republish.html", {"form": form, "page_title": "Republish a partner article"}
    )
