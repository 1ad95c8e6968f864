"""Under any sequence of agency versions, kills, desk attachments and withdrawals, a clip plays
exactly while it is usable and leads a live story, and its file exists exactly while it is usable."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client, TestCase
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from copydesk.newsroom.actions import withdraw_article
from copydesk.newsroom.models import Article
from copydesk.tests.stateful import run_for
from copydesk.wire import actions, ingest
from copydesk.wire.items import CANCELED, USABLE
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.tasks import fetch_waiting_pictures

from .av import clip_server, mp4
from .builders import make_item, make_source
from .test_av import clip_item

pytestmark = pytest.mark.django_db
STORIES = [
    (
        "urn:nwa:2026:cranes",
        "Cranes halted at the Port of Eastbrook",
        "Gusts stopped the cranes on the quay.",
    ),
    ("urn:nwa:2026:library", "Library keeps longer hours for exams", "The library stays open until ten."),
]
SERVER = {}


def committed(action, *args, **kwargs):
    """Run an action and the after-commit work it leaves (purges, file removal), as a commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action(*args, **kwargs)


class ClipMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.editor = get_user_model().objects.create(username="clip-editor", is_superuser=True)
        self.source = make_source()
        for guid, headline, text in STORIES:
            ingest.ingest_item(self.source, make_item(guid, headline=headline, body_html=f"<p>{text}</p>"))
        self.version, self.playable = 0, False
        self.attached, self.live = [False, False], [True, True]
        self.client = Client()

    def teardown(self):
        for name in AgencyMedia.objects.exclude(file="").values_list("file", flat=True):
            default_storage.delete(name)  # the rollback below forgets the row, not the file
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def article(self, n):
        return Article.objects.get(wire_item__guid=STORIES[n][0])

    def media(self):
        return AgencyMedia.objects.filter(guid="urn:nwa:clip:ferry").first()

    @rule(usable=st.booleans())
    def deliver(self, usable):
        self.version += 1
        item = clip_item(SERVER["base"], version=self.version, pubstatus=USABLE if usable else CANCELED)
        committed(ingest.ingest_item, self.source, item)
        committed(fetch_waiting_pictures)
        self.playable = usable
        if not usable:
            self.attached = [False, False]

    @rule(n=st.sampled_from([0, 1]), on=st.booleans())
    def attach(self, n, on):
        wire = WireItem.objects.get(guid=STORIES[n][0])
        media = self.media() if on else None
        if on and media is None:
            return
        try:
            committed(actions.attach_lead_media, wire, media, by=self.editor)
        except actions.DeskRefused:
            assert on and not self.playable, "the desk was refused a playable clip"
            return
        assert not on or self.playable, "the desk attached a clip that cannot be played"
        self.attached[n] = on

    @rule(n=st.sampled_from([0, 1]))
    def withdraw(self, n):
        if self.live[n]:
            committed(withdraw_article, self.article(n), by=self.editor, reason="Taken down for a review.")
            self.live[n] = False

    @rule(n=st.sampled_from([0, 1]))
    def republish(self, n):
        if not self.live[n]:
            article = self.article(n)
            committed(article.latest_revision.publish, user=self.editor, skip_permission_checks=True)
            self.live[n] = True

    @invariant()
    def plays_exactly_while_usable_on_a_live_story(self):
        media = self.media()
        if media is None:
            assert not self.playable
            return
        assert media.playable == self.playable
        assert bool(media.file) == self.playable and (
            not media.file or default_storage.exists(media.file.name)
        )
        on_live = any(a and live for a, live in zip(self.attached, self.live, strict=True))
        status = self.client.get(f"/av/{media.pk}/{media.file_name or 'clip.mp4'}").status_code
        assert status == (200 if self.playable and on_live else 404)
        for n in (0, 1):
            article = self.article(n)
            assert article.status == ("published" if self.live[n] else "withdrawn")
            if self.live[n]:
                page = self.client.get(article.get_absolute_url()).content.decode()
                assert ("<video" in page) == (self.attached[n] and self.playable), (n, self.attached)


def test_a_clip_plays_exactly_while_usable_and_on_a_live_story(settings):
    settings.COPYDESK_PAGE_CACHE = False  # ids repeat across rolled-back sequences on SQLite
    with clip_server(settings, **{"ferry.mp4": (mp4(8_000), "video/mp4")}) as (base, _):
        SERVER["base"] = base
        run_for(ClipMachine, settings_for_run(), round_size=10)


def settings_for_run():
    return hypothesis_settings(stateful_step_count=10, deadline=None, derandomize=False)
