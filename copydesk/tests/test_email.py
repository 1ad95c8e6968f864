"""Mail goes out: workflow notices, the password reset and wire alerts, through a real SMTP server.

Each test starts an SMTP server (aiosmtpd) on 127.0.0.1, points EMAIL_URL's settings at it, drives
the newsroom as its users do and reads what the server received. Mail is queued after the commit,
so every action runs inside `django_capture_on_commit_callbacks(execute=True)`.
"""

import logging
import re
import smtplib
import socket
from contextlib import suppress
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.models import Workflow

from copydesk.accounts.roles import sync_roles
from copydesk.background.models import FailedTask
from copydesk.conftest import client_for, user_with_role
from copydesk.desk.tests.test_article_admin import form
from copydesk.desk.workflow import ensure_review_workflow
from copydesk.mail.config import parse_email_url
from copydesk.mail.tasks import send_message
from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.wire.models import Source
from copydesk.wire.polling import poll_due_sources
from copydesk.wire.tests.builders import make_source
from copydesk.wire.tests.localserver import send, serve

pytestmark = pytest.mark.django_db
FEED = (Path(__file__).parents[1] / "wire" / "tests" / "fixtures" / "ninjs" / "v2_delivery.json").read_bytes()


class Inbox:
    """What the SMTP server received: (envelope recipients, parsed message) per mail."""

    def __init__(self):
        self.mails = []

    async def handle_DATA(self, server, session, envelope):
        self.mails.append(
            (list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for rcpt, m in self.mails if address in rcpt]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def point_mail_at(settings, url):
    parsed = parse_email_url(url)
    settings.COPYDESK_EMAIL_DELIVERY_BACKEND = parsed.pop("EMAIL_BACKEND")
    for name, value in parsed.items():
        setattr(settings, name, value)
    # pytest-django swaps in the in-memory outbox; these tests use the real pipeline.
    settings.EMAIL_BACKEND = "copydesk.mail.backends.TaskEmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def inbox(settings):
    handler, port = Inbox(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    point_mail_at(settings, f"smtp://127.0.0.1:{port}/?timeout=5")
    yield handler
    controller.stop()


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def body(message):
    return message.get_body(("plain",)).get_content()


@pytest.fixture
def newsroom(section):
    sync_roles()
    ensure_review_workflow()
    reporter, editor = user_with_role("Reporter", "rhea"), user_with_role("Editor", "ed")
    client_for(reporter).post(reverse("wagtailsnippets_newsroom_article:add"), form(section))
    return reporter, editor, Article.objects.get()


def submit(article, reporter, after_commit):
    with after_commit():
        Workflow.objects.get(name="Editorial review").start(article, reporter)
    article.refresh_from_db()


def workflow_action(editor, article, verb, comment):
    task_state = article.current_workflow_task_state
    url = reverse("wagtailsnippets_newsroom_article:workflow_action", args=[article.pk, verb, task_state.pk])
    assert client_for(editor).post(url, {"comment": comment}).status_code in (200, 302)
    article.refresh_from_db()


def test_submitted_goes_to_the_editors_and_changes_requested_to_the_author_with_the_comment(
    inbox, newsroom, after_commit
):
    reporter, editor, article = newsroom
    submit(article, reporter, after_commit)
    [submitted] = inbox.to("ed@example.com")
    assert article.headline in submitted["Subject"] and "approval" in body(submitted)
    assert submitted["Auto-Submitted"] == "auto-generated" and submitted["Message-ID"]
    assert not inbox.to("rhea@example.com"), "the one who submitted is not told of it"
    with after_commit():
        workflow_action(editor, article, "reject", "Needs a second source for the figures.")
    [changes] = inbox.to("rhea@example.com")
    assert changes["Subject"].startswith("Changes requested") and article.headline in changes["Subject"]
    assert "Needs a second source for the figures." in body(changes)


def test_approved_and_published_go_to_the_author(inbox, newsroom, after_commit):
    reporter, editor, article = newsroom
    submit(article, reporter, after_commit)
    with after_commit():
        workflow_action(editor, article, "approve", "Good to go.")
    assert article.status == ArticleStatus.PUBLISHED
    subjects = sorted(m["Subject"] for m in inbox.to("rhea@example.com"))
    assert len(subjects) == 2, subjects
    assert "approved" in subjects[1] and subjects[0].startswith("Published:")
    [published] = [m for m in inbox.to("rhea@example.com") if m["Subject"].startswith("Published")]
    assert article.get_absolute_url() in body(published) and "published by ed" in body(published)
    assert len(inbox.to("ed@example.com")) == 1, "the Editor who published is told only of the submission"
    with after_commit():  # an edit to the live story is published again: no news to its author
        article.save_revision(user=editor).publish(user=editor)
    assert len(inbox.to("rhea@example.com")) == 2


def test_password_reset_mails_a_link_that_works(inbox, after_commit):
    user = get_user_model().objects.create_user("maria", "maria@example.com", "an old harbour password")
    client = Client()
    with after_commit():
        client.post(reverse("wagtailadmin_password_reset"), {"email": "maria@example.com"})
        client.post(reverse("wagtailadmin_password_reset"), {"email": "nobody@example.com"})
    assert [rcpt for rcpt, _ in inbox.mails] == [["maria@example.com"]]
    [(_, message)] = inbox.mails
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", body(message))[1]
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and b"new_password1" in form_page.content
    new = "a new lighthouse password"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_a_failing_source_alerts_the_editors_once_and_once_more_when_it_recovers(
    inbox, settings, section, after_commit
):
    sync_roles()
    user_with_role("Editor", "ed")
    user_with_role("Editor", "noemail", email="")
    user_with_role("Reporter", "rhea")
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    answers = [500, 500, 200, 200]

    def feed(handler):
        status = answers.pop(0)
        send(handler, status, FEED if status == 200 else b"down", Content_Type="application/json")

    with serve({"/feed": feed}) as base:
        source = make_source(name="Northwind feed", url=f"{base}/feed", section=section)
        for _ in range(4):
            with after_commit():
                poll_due_sources()
            Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    assert answers == []
    assert [rcpt for rcpt, _ in inbox.mails] == [["ed@example.com"], ["ed@example.com"]]
    failing, recovered = (m for _, m in inbox.mails)
    assert failing["Subject"] == "Wire source failing: Northwind feed" and "500" in body(failing)
    assert recovered["Subject"] == "Wire source working again: Northwind feed"
    assert reverse("source:edit", args=[source.pk]) in body(recovered)


def test_an_unreachable_mail_server_fails_the_task_with_its_reason_and_the_action_goes_on(
    settings, newsroom, after_commit, caplog
):
    reporter, editor, article = newsroom
    point_mail_at(settings, f"smtp://127.0.0.1:{free_port()}/?timeout=2")
    results = []

    def finished(sender, task_result, **kwargs):
        if task_result.task.func is send_message.func:  # Wagtail's index updates are tasks too
            results.append(task_result.status)

    task_finished.connect(finished)
    try:
        with caplog.at_level(logging.WARNING, logger="copydesk.mail"):
            submit(article, reporter, after_commit)
            with after_commit():
                workflow_action(editor, article, "approve", "Good to go.")
    finally:
        task_finished.disconnect(finished)
    assert article.status == ArticleStatus.PUBLISHED
    assert results == [TaskResultStatus.FAILED] * 3, "submitted, approved, published: none sent"
    failures = [r for r in caplog.records if r.name == "copydesk.mail.tasks"]
    assert failures and all("refused the connection" in r.getMessage() and not r.exc_info for r in failures)
    assert any("ed@example.com" in r.getMessage() for r in failures)
    # Listed for the Administrators to retry (the immediate backend cannot wait for a later attempt),
    # by subject and recipients: never the body, which for a password reset holds its link.
    listed = FailedTask.objects.filter(task_path=send_message.module_path)
    assert listed.count() == 3 and all("refused the connection" in failed.reason for failed in listed)
    assert all(failed.arguments.startswith('message "') for failed in listed)
    assert all("http" not in failed.arguments for failed in listed), "no link from the body"


def test_a_mail_the_server_refuses_for_good_is_not_tried_again(settings):
    from copydesk.mail.tasks import refused_for_good

    assert refused_for_good(smtplib.SMTPRecipientsRefused({"x@example.com": (550, b"no such user")}))
    assert not refused_for_good(smtplib.SMTPRecipientsRefused({"x@example.com": (451, b"try later")}))
    assert refused_for_good(smtplib.SMTPDataError(554, b"rejected"))
    assert not refused_for_good(smtplib.SMTPDataError(421, b"busy"))
    assert not refused_for_good(ConnectionRefusedError(111, "Connection refused"))


def test_a_message_is_sent_once_however_often_its_task_runs(inbox):
    from django.core.mail import EmailMessage

    from copydesk.mail.backends import serialise

    data = serialise(EmailMessage("Once", "Only once.", to=["ed@example.com"]))
    assert send_message.call(data) and send_message.call(data)
    assert len(inbox.mails) == 1 and inbox.mails[0][1]["Message-ID"] == data["headers"]["Message-ID"]


def test_a_mail_whose_change_is_rolled_back_is_never_sent(inbox, after_commit):
    from django.core.mail import EmailMessage

    with after_commit():
        with suppress(RuntimeError), transaction.atomic():
            EmailMessage("Rolled back", "Never sent.", to=["ed@example.com"]).send()
            raise RuntimeError("the change failed")
        EmailMessage("Committed", "Sent.", to=["ed@example.com"]).send()
    assert [m["Subject"] for _, m in inbox.mails] == ["Committed"]
