"""The one task that delivers one message, once.

The Message-ID given when the message was queued (backends.serialise) is its identity: a task run
twice (a worker restarted mid-send, a queue that delivers twice) finds it marked in the shared
cache and sends nothing. A failed delivery is logged in one line with the mail server's reason
(no traceback per message) and the mark is lifted. One that may work later (the server away or
busy, a 4xx answer, a provider's error) raises MailNotSent, so that the task is tried again with
back-off and, after its last attempt, listed for the Administrators under Reports › Failed tasks;
one the server refused for good (a 5xx answer, an address it will not take) returns False.
"""

import base64
import logging
import smtplib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection

from copydesk import background

logger = logging.getLogger(__name__)
SENT_FOR = 7 * 24 * 3600  # long past any retry


class MailNotSent(Exception):
    """A message not delivered this time, which a later attempt may deliver."""


@background.task(attempts=5, backoff=60.0)
def send_message(data: dict) -> bool:
    message = build(data)
    message_id = message.extra_headers["Message-ID"]
    key = f"copydesk:mail:{message_id}"
    # False only when the mark is there: a cache that is away (django-redis answers None) sends.
    if cache.add(key, "sent", SENT_FOR) is False:
        logger.info("Mail %s was sent already; not sending it again", message_id)
        return True
    recipients = ", ".join(message.recipients())
    try:
        message.connection = get_connection(settings.COPYDESK_EMAIL_DELIVERY_BACKEND)
        message.send()
    except (smtplib.SMTPException, OSError, ValueError) as error:
        cache.delete(key)
        logger.warning("Mail %r to %s not sent: %s", message.subject, recipients, reason(error))
        if refused_for_good(error):
            return False
        raise MailNotSent(f"{reason(error)} (to {recipients})") from None
    except Exception as error:  # a provider's API (django-anymail) has errors of its own
        cache.delete(key)
        logger.warning(
            "Mail %r to %s not sent: %s: %s", message.subject, recipients, type(error).__name__, error
        )
        raise MailNotSent(f"{type(error).__name__}: {error} (to {recipients})") from None
    return True


def refused_for_good(error: Exception) -> bool:
    """A 5xx answer, every recipient refused, or a message that cannot be built: no retry will help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return isinstance(error, ValueError)


def build(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"], body=data["body"], from_email=data["from_email"], to=data["to"],
        cc=data["cc"], bcc=data["bcc"], reply_to=data["reply_to"], headers=data["headers"],
    )  # fmt: skip
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def reason(error: Exception) -> str:
    """What went wrong, in words: the server's answer, or why it could not be reached."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = (
            error.smtp_error.decode(errors="replace")
            if isinstance(error.smtp_error, bytes)
            else error.smtp_error
        )
        return f"the mail server answered {error.smtp_code} {text}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "the mail server refused every recipient"
    if isinstance(error, ConnectionRefusedError):
        return "the mail server refused the connection (nothing listens there?)"
    if isinstance(error, TimeoutError):
        return "the mail server did not answer in time"
    return f"{type(error).__name__}: {error}"
