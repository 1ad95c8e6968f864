"""The story's language in the admin: any BCP 47 tag, with the common ones offered as you type."""

from django import forms
from django.conf import settings

from copydesk.newsroom.languages import language_tag


class LanguageInput(forms.TextInput):
    """A text input with Django's list of languages as suggestions; the model validates the tag."""

    template_name = "desk/widgets/language_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, {**(attrs or {}), "list": f"{name}-languages"})
        context["widget"]["languages"] = sorted(
            (language_tag(code), str(label)) for code, label in settings.LANGUAGES
        )
        return context
