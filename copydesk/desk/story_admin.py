"""Stories in the Wagtail admin: the editor, no lost edits, the checklist, withdrawal, corrections."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import Panel
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from copydesk.newsroom.actions import add_correction, withdraw_article
from copydesk.newsroom.checklist import BLOCK, run_checklist
from copydesk.newsroom.models import Article

from .conflicts import FORM_FIELD, conflict_message, record_revision, story_started_by, unseen_revision
from .permissions import access_article, article_permission_policy

# The admin colours links teal, unreadable on the red of an error message; these must be read.
LINK_ON_RED = "color: inherit; text-decoration: underline"


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
    """Store a save, explicit or autosave, only if its form has seen every revision since it loaded."""

    def setup(self, request, *args, adopted_from_add_page=False, **kwargs):
        # True when the add page's form posts again after its autosave created this story.
        self.adopted_from_add_page = adopted_from_add_page
        super().setup(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # Hold the story's row until this save is stored, so two saves cannot both pass the check.
            Article.objects.select_for_update().filter(pk=self.object.pk).first()
            if unseen := unseen_revision(self.object, post=request.POST, user=request.user):
                return self.refuse(unseen)
            response = super().post(request, *args, **kwargs)
            if getattr(self, "new_revision", None) is not None and response.status_code < 400:
                record_revision(self.new_revision, post=request.POST, autosave=self.expects_json_response)
            return response

    @cached_property
    def is_out_of_date(self):
        return False  # Wagtail's autosave-only check is replaced by unseen_revision(), for every save

    def get_success_json(self):
        data = super().get_success_json()
        if self.adopted_from_add_page:  # move the add page's form on to this story's edit page
            data["url"] = self.get_edit_url()
            data["hydrate_url"] = f"{data['url']}?_w_hydrate_create_view=1"
        return data

    def refuse(self, unseen):
        compare = ""
        loaded = self.request.POST.get("loaded_revision_id", "")
        if loaded.isdigit():
            compare = reverse(
                "wagtailsnippets_newsroom_article:revisions_compare", args=[self.object.pk, loaded, unseen.pk]
            )
        if self.expects_json_response:  # autosave: Wagtail pauses it and shows this beside its indicator
            return self.json_error_response("invalid_revision", conflict_message(unseen))
        messages.error(
            self.request,
            format_html(
                "{} Your text is still in the form below, but this form can no longer be saved: "
                '<a href="{}" style="{}">compare the newer version with the one you started from</a>, '
                '<a href="{}" target="_blank" style="{}">open the newer version in a new tab</a> and '
                "copy your changes into it.",
                conflict_message(unseen),
                compare or self.get_history_url(),
                LINK_ON_RED,
                self.get_edit_url(),
                LINK_ON_RED,
            ),
        )
        # Render the refused text against the revision it was loaded from, not the newer one, and
        # without autosave, so that no later save from this page can store it on top of the newer one.
        self.object.latest_revision_id = int(loaded) if loaded.isdigit() else None
        self.refused_loaded_at = self.request.POST.get("loaded_revision_created_at", "")
        self.form = self.get_form()
        self.form.is_valid()
        self.has_unsaved_changes = True
        response = self.render_to_response(self.get_context_data(form=self.form))
        response.status_code = 409
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if hasattr(self, "refused_loaded_at"):
            context["loaded_revision_created_at"] = self.refused_loaded_at
            context["autosave_enabled"] = False
            context.pop("autosave_indicator", None)
        return context


class ArticleCreateView(CreateView):
    """The add page; once its autosave has created the story, its later posts edit that story."""

    edit_view = None  # the viewset's edit view, passed in by ArticleViewSet

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # One editor's add-page posts run one at a time, so an autosave on its way and a click
            # on Publish cannot both create the story.
            get_user_model().objects.select_for_update().filter(pk=request.user.pk).first()
            started = story_started_by(request.POST.get(FORM_FIELD), request.user)
            if started is not None:
                if not article_permission_policy.user_has_permission_for_instance(
                    request.user, "change", started
                ):
                    return permission_denied(request)
                return self.edit_view(request, pk=started.pk, adopted_from_add_page=True)
            response = super().post(request, *args, **kwargs)
            if getattr(self, "new_revision", None) is not None and response.status_code < 400:
                record_revision(self.new_revision, post=request.POST, autosave=self.expects_json_response)
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
