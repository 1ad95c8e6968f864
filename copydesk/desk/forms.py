"""Admin forms that stop a story from being published before it is ready."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from copydesk.newsroom.checklist import BLOCK, run_checklist
from copydesk.newsroom.placeholders import find_placeholder
from copydesk.newsroom.void_elements import self_close_void_elements


class ArticleForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and not self.instance.owner_id and self.for_user:
            self.instance.owner = self.for_user  # Reporters and Contributors may edit their own stories
        if "body" in self.fields and not self.is_bound:
            # Rows stored before the sanitiser wrote <br/> (agency and imported copy) open too.
            self.initial["body"] = self_close_void_elements(self.initial.get("body") or "")

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
