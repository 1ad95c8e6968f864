"""Django's EMAIL_BACKEND: each message becomes a background task, queued after the commit.

Whoever sends (Wagtail's workflow notifier, the password reset form, our own notices) never fails
with the mail server: the task delivers with the backend EMAIL_URL chose
(COPYDESK_EMAIL_DELIVERY_BACKEND), and a mail whose transaction rolls back is never sent. With the
default (immediate) task backend the task runs in the same process just after the commit, so a
request waits at most EMAIL_TIMEOUT for a server that does not answer; a queue backend in TASKS
takes even that out of the request.
"""

import base64
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .tasks import send_message

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data = serialise(message)
            transaction.on_commit(lambda data=data: send_message.enqueue(data))
            count += 1
        return count


def serialise(message) -> dict:
    """The message as JSON the task can carry, with a Message-ID that makes a second send a no-op."""
    headers = dict(message.extra_headers)
    if not any(name.lower() == "message-id" for name in headers):
        # The site's own name, not the host's (looking that up can take seconds).
        headers["Message-ID"] = make_msgid(domain=urlsplit(settings.COPYDESK_BASE_URL).hostname or "copydesk")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": {str(k): str(v) for k, v in headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(a) for a in message.attachments],
        "content_subtype": message.content_subtype,
    }


def _attachment(attachment):
    if not isinstance(attachment, tuple):  # a MIMEBase object: keep it whole, as bytes
        attachment = (
            attachment.get_filename(),
            attachment.get_payload(decode=True),
            attachment.get_content_type(),
        )
    filename, content, mimetype = attachment
    raw = content.encode() if isinstance(content, str) else content
    return [filename, base64.b64encode(raw).decode("ascii"), mimetype]
