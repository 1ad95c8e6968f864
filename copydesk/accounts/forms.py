"""Password reset that answers alike whether or not an address has an account."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

logger = logging.getLogger(__name__)


class EvenPasswordResetForm(PasswordResetForm):
    """Build the reset mail, token and all, for an unknown address too, and send only the real one.

    Django's form does that work only when the address has an account (24 ms against 11 ms), so the
    time of the answer told an outsider which addresses belong to editors.
    """

    def get_users(self, email):
        users = list(super().get_users(email))
        return users or [stand_in(email)]

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        message = EmailMultiAlternatives(
            subject, loader.render_to_string(email_template_name, context), from_email, [to_email]
        )
        if html_email_template_name is not None:
            message.attach_alternative(
                loader.render_to_string(html_email_template_name, context), "text/html"
            )
        if context["user"].pk is None:
            return  # the stand-in for an unknown address: built like a real mail, never sent
        try:
            message.send()
        except Exception:
            logger.exception("Failed to send password reset email to %s", context["user"].pk)


def stand_in(email):
    """An unsaved user for whom a reset token and mail can be built (and never sent)."""
    user = get_user_model()(email=email, username=email, is_active=True)
    user.set_unusable_password()
    return user
