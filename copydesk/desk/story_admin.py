"""Stories in the Wagtail admin: the editor, no lost edits, the checklist, withdrawal, corrections."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import Panel
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView

from copydesk.newsroom.actions import add_correction, withdraw_article
from copydesk.newsroom.checklist import BLOCK, run_checklist
from copydesk.newsroom.models import Article

from .permissions import access_article, article_permission_policy


class ChecklistPanel(Panel):
    """Show the publish checklist for the story as it was last saved."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "desk/checklist_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            article = self.instance
            context["checks"] = run_checklist(article) if article.pk else []
            context["BLOCK"] = BLOCK
            return context


class ArticleIndexView(IndexView):
    def get_base_queryset(self):
        # Reporters and Contributors see their own stories only.
        stories = super().get_base_queryset()
        return article_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        ).filter(pk__in=stories.values("pk"))


class ArticleEditView(EditView):
    """Refuse a save based on an out-of-date revision instead of silently overwriting it."""

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # Hold the story's row until this save is stored, so two saves cannot both pass the check.
            Article.objects.select_for_update().filter(pk=self.object.pk).first()
            self.object.refresh_from_db(fields=["latest_revision"])
            newer = self.newer_revision()
            if newer is not None:
                return self.refuse(newer)
            return super().post(request, *args, **kwargs)

    def newer_revision(self):
        loaded = self.request.POST.get("loaded_revision_id")
        latest = self.object.latest_revision
        if not loaded or latest is None or str(latest.pk) == loaded:
            return None
        return latest

    def refuse(self, newer):
        author = (
            newer.user.get_full_name() or newer.user.get_username() if newer.user else "an automatic update"
        )
        compare = reverse(
            "wagtailsnippets_newsroom_article:revisions_compare",
            args=[self.object.pk, self.request.POST["loaded_revision_id"], newer.pk],
        )
        messages.error(
            self.request,
            format_html(
                "Not saved: {} saved a newer version (revision {}, at {}) while you were editing. "
                '<a href="{}">Compare it with the version you started from</a>; your changes are still '
                "in the form below, and saving again will store them on top of the newer version.",
                author,
                newer.pk,
                timezone.localtime(newer.created_at).strftime("%H:%M:%S"),
                compare,
            ),
        )
        self.form = self.get_form()
        self.form.is_valid()
        self.has_unsaved_changes = True
        response = self.render_to_response(self.get_context_data(form=self.form))
        response.status_code = 409
        return response


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Shown to readers at the story's address."
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Dated and shown on the story."
    )


def _story_form_view(request, pk, *, permission, form_class, title, act, done):
    article = access_article(request.user, pk, permission)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        act(article, request.user, form.cleaned_data)
        messages.success(request, done.format(article.headline))
        return redirect("wagtailsnippets_newsroom_article:edit", article.pk)
    context = {
        "form": form,
        "article": article,
        "page_title": title.format(article.headline),
        "button": title.split()[0],
    }
    return TemplateResponse(request, "desk/story_form.html", context)


def withdraw(request, pk):
    return _story_form_view(
        request, pk, permission="withdraw_article", form_class=WithdrawForm, title="Withdraw “{}”",
        act=lambda article, user, data: withdraw_article(article, by=user, reason=data["reason"]),
        done="Withdrew “{}”; its address now shows the withdrawal notice.",
    )  # fmt: skip


def correct(request, pk):
    return _story_form_view(
        request, pk, permission="correct_article", form_class=CorrectionForm, title="Correct “{}”",
        act=lambda article, user, data: add_correction(article, by=user, text=data["text"]),
        done="Added a correction to “{}”.",
    )  # fmt: skip


def guard_story_urls(patterns):
    """Wrap every admin URL that names one story so only those who may change it get through."""
    return [
        _guarded(pattern) if "pk" in pattern.pattern.regex.groupindex else pattern for pattern in patterns
    ]


def _guarded(pattern):
    view = pattern.callback

    @wraps(view)
    def guarded(request, *args, **kwargs):
        article = Article.objects.filter(pk=kwargs.get("pk")).only("pk", "owner_id", "live", "status").first()
        if article is not None and not article_permission_policy.user_has_permission_for_instance(
            request.user, "change", article
        ):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return URLPattern(pattern.pattern, guarded, pattern.default_args, pattern.name)


class StoryDeleteBulkAction(DeleteBulkAction):
    """Deleting stories in bulk is the Editors', and so is the confirmation page that names them."""

    models = [Article]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("newsroom.delete_article"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
