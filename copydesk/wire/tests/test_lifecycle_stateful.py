"""The lifecycle rule of wire stories under random sequences of deliveries, desk work and time.

Deliveries go through `ingest_delivery` as the worker calls it, desk decisions through
`wire.actions`, editors' changes as revisions saved by a person, and time through a simulated
clock with the worker's `publish_due` between steps. A model of the rule in plain Python (the
`Model` class) predicts what readers see; after every step the database must agree with it.

The run is bounded by time (COPYDESK_STATEFUL_SECONDS, see copydesk/tests/stateful.py), on SQLite
and on PostgreSQL alike.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import count

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django_tasks import default_task_backend
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from wagtail.models import Revision

from copydesk.newsroom.models import Article
from copydesk.newsroom.scheduling import publish_due
from copydesk.tests.stateful import run_for
from copydesk.wire import actions
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Rejection, Source, WireItem, WireVersion

from .builders import make_source
from .clock import START, simulated_clock

pytestmark = pytest.mark.django_db

# Two unrelated stories, so the near-duplicate check never joins them.
STORIES = {
    "urn:nwa:cranes": (
        "Cranes halted at the Port of Eastbrook",
        "Gusts above ninety kilometres an hour stopped the container cranes on the eastern quay, "
        "and the harbour master closed the ferry berths until the wind drops.",
    ),
    "urn:nwa:library": (
        "Library keeps longer hours for exams",
        "The central library in Saltmarsh Green will stay open until ten in the evening on "
        "weekdays while students revise, the council's culture committee agreed on Monday.",
    ),
}
EMBARGOES = {"none": None, "past": -timedelta(minutes=10), "near": timedelta(minutes=20),
             "far": timedelta(hours=3)}  # fmt: skip
KINDS = ["usable", "usable", "correction", "canceled", "withheld"]


def headline(label):
    return f"{STORIES[label.split(' ')[0]][0]} ({label})" if label.startswith("urn:") else label


def delivery(guid, version, kind, embargo: datetime | None) -> bytes:
    title, body = STORIES[guid]
    label = f"{guid} v{version}"
    item = {
        "uri": guid,
        "version": str(version),
        "versioncreated": (START - timedelta(days=1) + timedelta(minutes=version)).isoformat(),
        "pubstatus": kind if kind in ("canceled", "withheld") else "usable",
        "headline": headline(label),
        "body_html": f"<p>{body}</p><p>Version {version}.</p>",
    }
    if embargo is not None:
        item["embargoed"] = embargo.isoformat()
    if kind == "correction":
        item["signals"] = ["correction"]
        item["ednote"] = f"Corrects version {version - 1}."
    return json.dumps(item).encode()


@dataclass
class Story:
    """The model of one agency item: what the rule says, in a few lines per event."""

    version: int = 0  # highest received; 0: never delivered
    usable: bool = True
    embargo: datetime | None = None
    agency: str = ""  # the label of the agency's latest text
    state: str = "desk"  # desk, wanted (published by rule or desk), spiked, killed
    story: bool = False
    text: str = ""  # the label of the story's latest revision
    written: str = ""  # the label the agency last wrote into the story
    live: str | None = None
    scheduled: tuple | None = None  # (label, at)
    pending: bool = False
    embargo_of: dict = field(default_factory=dict)  # label -> that version's embargo

    @property
    def edited(self):
        return self.story and self.text != self.written

    def settle(self, now, take_agency=False):
        if not self.usable:
            self.state, self.live, self.scheduled, self.pending = "killed", None, None, False
            return
        if self.state == "killed":
            self.state = "desk"  # usable again after a kill: back on the desk
        text = None if self.edited and not take_agency else self.agency
        if not self.story and self.state == "wanted":
            self.story, self.text = True, self.agency
        if self.story and self.state == "wanted":
            self.release(text, self.embargo if self.embargo and self.embargo > now else None)
        elif self.story and text is not None:
            self.text = text
        if self.story and text is not None:
            self.text = self.written = text

    def release(self, text, at):
        if text is None:
            if self.live is not None:
                return
            text = self.scheduled[0] if self.scheduled else self.text
        self.text = text
        if self.live == text:
            self.scheduled = None
        elif at is not None:
            self.scheduled = (text, at)
        else:
            self.live, self.scheduled = text, None


class LifecycleMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.clock_block = simulated_clock()
        self.clock = self.clock_block.__enter__()
        self.model = {guid: Story() for guid in STORIES}
        self.edits = count(1)
        self.editor = get_user_model().objects.create(username="slot-editor", is_superuser=True)

    def teardown(self):
        default_task_backend.clear()
        self.clock_block.__exit__(None, None, None)
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    @initialize(publish=st.booleans())
    def choose_source(self, publish):
        self.source_rule = Source.Rule.PUBLISH if publish else Source.Rule.HOLD
        self.source = make_source(rule=self.source_rule)

    def wire(self, guid):
        return WireItem.objects.select_related("agency", "source", "article").filter(guid=guid).first()

    # Steps ----------------------------------------------------------------------------

    @rule(guid=st.sampled_from(list(STORIES)), version=st.integers(1, 6), kind=st.sampled_from(KINDS),
          embargo=st.sampled_from(list(EMBARGOES)))  # fmt: skip
    def deliver(self, guid, version, kind, embargo):
        when = self.clock.now + EMBARGOES[embargo] if EMBARGOES[embargo] is not None else None
        ingest_delivery(self.source, delivery(guid, version, kind, when), f"{guid}-{version}.json")
        assert not Rejection.objects.exists(), Rejection.objects.values_list("reason", flat=True)[0]
        story = self.model[guid]
        if version <= story.version:
            return  # a redelivery or an older version changes nothing
        new = story.version == 0
        story.version, story.usable = version, kind not in ("canceled", "withheld")
        if story.usable or new:
            # A kill of a known item carries no text: the story's text and embargo stay.
            story.agency, story.embargo = f"{guid} v{version}", when
            story.embargo_of[story.agency] = when
        if story.usable and story.edited:
            story.pending = True
        if new and story.usable and self.source_rule == Source.Rule.PUBLISH:
            story.state = "wanted"
        story.settle(self.clock.now)

    @rule(guid=st.sampled_from(list(STORIES)),
          verb=st.sampled_from(["publish", "draft", "spike", "apply", "dismiss"]))  # fmt: skip
    def desk(self, guid, verb):
        wire, story = self.wire(guid), self.model[guid]
        if wire is None:
            return
        action = {"publish": actions.publish_wire_item, "draft": actions.open_wire_item_as_draft,
                  "spike": actions.spike_wire_item, "apply": actions.apply_pending_update,
                  "dismiss": actions.dismiss_pending_update}[verb]  # fmt: skip
        refused = {
            "publish": not story.usable,
            "draft": not story.usable,
            "spike": not story.usable or story.live is not None or story.scheduled is not None,
            "apply": not story.pending,
            "dismiss": not story.pending,
        }[verb]
        try:
            action(wire, by=self.editor)
        except actions.DeskRefused:
            assert refused, f"the desk was refused {verb}"
            return
        assert not refused, f"the desk was allowed {verb}"
        now = self.clock.now
        if verb == "publish":
            story.state = "wanted"
            story.settle(now)
        elif verb == "draft" and not story.story:
            story.state, story.story, story.text = "desk", True, story.agency
            story.written = story.agency
        elif verb == "spike":
            story.state = "spiked"
        elif verb in ("apply", "dismiss"):
            story.pending = False
            story.settle(now, take_agency=verb == "apply")

    @rule(guid=st.sampled_from(list(STORIES)))
    def edit(self, guid):
        """An editor rewrites the story in the admin and saves; published stories are republished."""
        wire, story = self.wire(guid), self.model[guid]
        if wire is None or wire.article is None:
            return
        article = Article.objects.get(pk=wire.article_id)
        latest = article.latest_revision.content
        label = f"Desk rewrite {next(self.edits)} of the story"
        article.headline, article.body = label, f"<p>{label}, with the facts checked again.</p>"
        article.go_live_at = (
            article.latest_revision.as_object().go_live_at if latest.get("go_live_at") else None
        )
        on_site = article.live or article.revisions.filter(approved_go_live_at__isnull=False).exists()
        revision = article.save_revision(user=self.editor)
        if on_site:
            revision.publish(user=self.editor)
        story.text = label
        if on_site:
            at = article.go_live_at
            if at is not None and at > self.clock.now:
                story.scheduled = (label, at)
            else:
                story.live, story.scheduled = label, None

    @rule(minutes=st.sampled_from([1, 15, 25, 60, 200]))
    def tick(self, minutes):
        now = self.clock.advance(minutes=minutes)
        publish_due(now=now)
        for story in self.model.values():
            if story.scheduled and story.scheduled[1] <= now:
                story.live, story.scheduled = story.scheduled[0], None

    # What must hold after every step ----------------------------------------------------

    @invariant()
    def readers_see_what_the_rule_allows(self):
        # A handful of queries for the whole state: the check runs after each of ~24,000 steps.
        if not hasattr(self, "source"):
            return
        wires = {
            w["guid"]: w for w in WireItem.objects.values("guid", "version", "state", "pubstatus", "article")
        }
        assert sorted(wires) == sorted(guid for guid, s in self.model.items() if s.version)
        assert Article.objects.count() == sum(1 for s in self.model.values() if s.story)
        live = dict(Article.objects.live().values_list("wire_item__guid", "headline"))
        latest = dict(Article.objects.values_list("wire_item__guid", "latest_revision__content__headline"))
        scheduled = {}
        for guid, at, title in Revision.objects.filter(approved_go_live_at__isnull=False).values_list(
            "object_id", "approved_go_live_at", "content__headline"
        ):
            scheduled.setdefault(guid, []).append((at, title))
        pending = set(
            WireVersion.objects.filter(status=WireVersion.Status.PENDING).values_list("item__guid", flat=True)
        )
        by_article = {str(w["article"]): guid for guid, w in wires.items()}
        scheduled = {by_article[key]: value for key, value in scheduled.items()}
        now = self.clock.now
        for guid, wire in wires.items():
            story = self.model[guid]
            assert live.get(guid) == (headline(story.live) if story.live else None), (guid, story)
            if story.live:
                assert wire["pubstatus"] == "usable", "a killed or withheld story is public"
                embargo = story.embargo_of.get(story.live)
                assert embargo is None or embargo <= now, "public before its embargo"
            expected = [(story.scheduled[1], headline(story.scheduled[0]))] if story.scheduled else []
            assert scheduled.get(guid, []) == expected, (guid, story)
            state = {"desk": "desk", "spiked": "spiked", "killed": "killed"}.get(story.state)
            state = state or ("published" if story.live else "scheduled")
            assert (wire["version"], wire["state"]) == (story.version, state), (guid, story)
            assert (guid in pending) == story.pending, (guid, story)
            if story.story:
                assert latest[guid] == headline(story.text), (guid, story)


# Search indexing and Wagtail's reference index run as tasks on every save; what readers may see
# does not depend on them, and run at once they would cost most of each step. They are queued
# and never run here.
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@override_settings(TASKS=QUEUED_ONLY)
def test_wire_stories_follow_the_lifecycle_rule_under_any_sequence():
    run_for(
        LifecycleMachine,
        settings(stateful_step_count=12, deadline=None, derandomize=False),
        round_size=10,
    )
