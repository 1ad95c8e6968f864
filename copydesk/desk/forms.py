"""Admin forms that stop a story from being published before it is ready."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminModelForm

from copydesk.newsroom.checklist import BLOCK, count_tables, run_checklist, tables_lost
from copydesk.newsroom.placeholders import find_placeholder
from copydesk.newsroom.void_elements import self_close_void_elements
from copydesk.wire.models.sources import url_origin

from .conflicts import FORM_FIELD, new_form_id


class ArticleForm(WagtailAdminModelForm):
    # Shown only for a story whose body has tables (agency copy): see clean_body.
    remove_tables = forms.BooleanField(
        label="Remove the tables",
        required=False,
        help_text="The story editor cannot show tables: tick this to save the story without them.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not count_tables(self.instance.body):
            del self.fields["remove_tables"]
        if self.instance._state.adding and not self.instance.owner_id and self.for_user:
            self.instance.owner = self.for_user  # Reporters and Contributors may edit their own stories
        if "body" in self.fields and not self.is_bound:
            # Rows stored before the sanitiser wrote <br/> (agency and imported copy) open too.
            self.initial["body"] = self_close_void_elements(self.initial.get("body") or "")
        # Names this open editor, so its own autosaves are never taken for someone else's save.
        self.fields[FORM_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=new_form_id()
        )
        self.fields["headline"].error_messages["required"] = "Every story needs a headline, even a draft."
        if "show_usage_terms" in self.fields:
            # A form that does not send it (an editor opened before the field existed) keeps the rule.
            self.fields["show_usage_terms"].required = False

    def defer_required_fields(self):
        # A draft may be unfinished, but never headless: a story without one gets the slug
        # "story" and, once published, an empty page title.
        super().defer_required_fields()
        if "headline" in self.deferred_required_fields:
            self.fields["headline"].required = True
            self.deferred_required_fields.remove("headline")

    def clean_show_usage_terms(self):
        return self.cleaned_data.get("show_usage_terms") or self.instance.show_usage_terms

    def clean_slug(self):
        """Follow the headline until the story is first published; from then on keep its address."""
        slug = self.cleaned_data.get("slug", "")
        story = self.instance
        if story.first_published_at:
            if slug and slug != story.slug:
                raise ValidationError(f"A published story keeps its address; leave this as “{story.slug}”.")
            return story.slug
        made_from_headline = slugify(story.headline, allow_unicode=True)[:200].strip("-")
        follows = not slug or (
            slug == story.slug and re.fullmatch(rf"{re.escape(made_from_headline)}(-\d+)?", slug)
        )
        return "" if follows else slug  # empty: Article.save() makes one from the headline

    def clean_body(self):
        """Refuse any save, a draft's or an autosave's too, that would silently drop the story's tables."""
        body = self.cleaned_data.get("body") or ""
        # self.instance still holds the story as the form was loaded (construct_instance runs later).
        lost = tables_lost(self.instance.body, body)
        if lost and not self.wants_tables_removed():
            raise ValidationError(lost.message)
        return body

    def wants_tables_removed(self):
        field = self.fields.get("remove_tables")
        name = self.add_prefix("remove_tables")
        return field is not None and field.widget.value_from_datadict(self.data, self.files, name)

    def clean(self):
        cleaned = super().clean()
        # Drafts may be unfinished; only publishing (full validation) runs the checklist's blockers.
        if self.is_deferred_validation:
            return cleaned
        for name in ["headline", "dek", "excerpt", "body", "byline"]:
            if phrase := find_placeholder(cleaned.get(name) or ""):
                self.add_error(name, f"Placeholder text (“{phrase}”) cannot be published. Replace it first.")
        authors = [
            form.cleaned_data["author"]
            for form in self.formsets["byline_authors"].forms
            if form.is_valid() and form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        draft = self.instance
        for name in [
            "headline",
            "dek",
            "excerpt",
            "body",
            "byline",
            "agency",
            "agency_credit",
            "lead_image",
            "lead_image_alt",
        ]:
            if name in cleaned:
                setattr(draft, name, cleaned[name])
        # Placeholder text in the story itself is reported on its field above.
        blocking = [
            check.message
            for check in run_checklist(draft, authors)
            if check.level == BLOCK and not check.message.startswith("The story contains placeholder")
        ]
        if blocking:
            raise ValidationError(blocking)
        return cleaned


SET_SOURCE_SECRET = "wire.set_source_secret"  # noqa: S105  (a permission's name)


class SourceForm(WagtailAdminModelForm):
    """A source's form: only Administrators name its credential, which never follows it to a new host."""

    def clean(self):
        cleaned = super().clean()
        stored = self.instance  # construct_instance has not run yet: these are the stored values
        if stored.pk is None or not stored.auth_secret_env or "url" not in cleaned:
            return cleaned
        may_name_secrets = self.for_user is not None and self.for_user.has_perm(SET_SOURCE_SECRET)
        # Otherwise an Editor could point an agency's authenticated feed at a server of their own.
        if url_origin(cleaned["url"]) != url_origin(stored.url) and not may_name_secrets:
            self.add_error(
                "url", "This source sends a credential, so only an Administrator may move it to another host."
            )
        return cleaned
