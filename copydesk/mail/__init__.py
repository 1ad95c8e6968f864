"""Copydesk's outgoing mail: configured by one EMAIL_URL, every message sent by a background task.

`config` turns EMAIL_URL into Django's EMAIL_* settings (imported by settings.py, so it imports
nothing from Django's app registry); `backends.TaskEmailBackend` is Django's EMAIL_BACKEND and
hands each message to the task `tasks.send_message` after the transaction commits, which delivers it with
the backend EMAIL_URL chose. Wagtail's workflow mails and the password reset go through it
unchanged; `notify` adds the mails Wagtail does not send (published, wire sources failing).
"""
