"""Admin forms that stop a story from being published before it is ready."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from copydesk.newsroom.placeholders import find_placeholder


class ArticleForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        # Drafts may hold unfinished text; only publishing (full validation) is refused.
        if self.is_deferred_validation:
            return cleaned
        fields = ["headline", "dek", "excerpt", "body", "byline"]
        for name in fields:
            if phrase := find_placeholder(cleaned.get(name) or ""):
                self.add_error(name, f"Placeholder text (“{phrase}”) cannot be published. Replace it first.")
        for form in self.formsets["byline_authors"].forms:
            author = form.cleaned_data.get("author") if form.is_valid() else None
            if author and (phrase := find_placeholder(author.bio)):
                raise ValidationError(
                    f"{author.name}'s bio contains placeholder text (“{phrase}”). Fix the bio before publishing."
                )
        return cleaned
