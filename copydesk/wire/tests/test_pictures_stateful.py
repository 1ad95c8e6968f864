"""Agency pictures under random sequences of deliveries, worker rounds, time and desk work.

Text items list pictures served by a real HTTP server on 127.0.0.1: some answer at once, one only
once it is "uploaded" (404 before), one never (503), one is a page, not a picture; a picture item
of its own (the gull) arrives, is updated, killed and made usable again, and text items list it by
its agency id. The worker's round runs `fetch_waiting_pictures` and the tasks it queues, as a queue
backend's workers would; time moves on a simulated clock. Editors choose another lead image,
remove it, or rewrite a story's text. A plain-Python model (`Model`) predicts every picture's
state, attempts and next attempt, every request the server gets, and every story's lead image;
after every step the database and the server's log must agree with it, and the rules hold: a
killed picture leads no story and its file is gone; one image per address; a person's choice of
lead stands; nothing is fetched before it is due; attempts never pass the limit; an item's
`pictures_pending` is set exactly while something of it waits.

The run is bounded by time (COPYDESK_STATEFUL_SECONDS, see copydesk/tests/stateful.py), on SQLite
and on PostgreSQL alike.
"""

from dataclasses import dataclass, field
from itertools import count

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from wagtail.images import get_image_model
from wagtail.tasks import delete_file_from_storage_task

from copydesk.newsroom.actions import set_lead_image
from copydesk.newsroom.models import Article
from copydesk.tests.stateful import run_for
from copydesk.wire import actions, ingest, pictures, tasks
from copydesk.wire.items import CANCELED, PICTURE, USABLE, WITHHELD, ImageRef, Rendition
from copydesk.wire.models import AgencyMedia, WireItem

from .builders import make_item, make_source
from .clock import simulated_clock
from .localserver import send, serve
from .pictures import png

pytestmark = pytest.mark.django_db

LIMIT = 3  # WIRE_PICTURE_ATTEMPTS for the run: enough to give up within a short sequence
GULL = "urn:nwa:pic:gull"  # the picture item's agency id; text items list it by that id too
# What each address answers: a picture, a picture once uploaded (404 before), 503 always, a page.
ANSWERS = {"ok": "picture", "ok2": "picture", "gull": "picture", "late": "upload", "never": "down",
           "page": "page"}  # fmt: skip
STORIES = {
    "urn:nwa:cranes": (
        "Cranes halted at the Port of Eastbrook",
        "Gusts above ninety kilometres an hour stopped the container cranes on the eastern quay.",
    ),
    "urn:nwa:library": (
        "Library keeps longer hours for exams",
        "The central library in Saltmarsh Green will stay open until ten in the evening on weekdays.",
    ),
}


@dataclass
class Media:
    """The model of one address's AgencyMedia."""

    state: str = "pending"
    attempts: int = 0
    next_at: object = None


@dataclass
class Text:
    """The model of one text item and its story's lead image."""

    version: int = 0
    usable: bool = True
    story: bool = False
    edited: bool = False
    entries: list = field(default_factory=list)  # [{"name", "state", "media": bool}] as the JSON
    pending: bool = False
    next_at: object = None
    lead: str | None = None  # the address whose image leads the story
    agency_lead: str | None = None  # the address the agency last led with; "gone:n" once deleted

    def due(self, now):
        return self.pending and (self.next_at is None or self.next_at <= now)


@dataclass
class Picture:
    """The model of the picture item of its own."""

    version: int = 0
    usable: bool = True
    pending: bool = False
    next_at: object = None
    order: int = 0


class Model:
    def __init__(self):
        self.media: dict[str, Media] = {}
        self.texts = {guid: Text() for guid in STORIES}
        self.picture = Picture()
        self.order: dict[str, int] = {}  # the order items were received in (the round's order)
        self.uploaded = False
        self.gone = count(1)

    def outcome(self, name):
        answer = ANSWERS[name]
        if answer == "picture" or (answer == "upload" and self.uploaded):
            return "fetched"
        return "failed" if answer == "page" else "transient"

    def media_for(self, name):
        if name not in self.media:
            killed = name == "gull" and self.picture.version and not self.picture.usable
            self.media[name] = Media(state="unusable" if killed else "pending")
        return self.media[name]

    def fetch(self, name, now, requests):
        media = self.media_for(name)
        if media.state != "pending" or (media.next_at is not None and media.next_at > now):
            return media
        requests.append(f"/{name}.png")
        media.attempts += 1
        result = self.outcome(name)
        if result == "transient" and media.attempts < LIMIT:
            media.next_at = now + pictures.backoff(media.attempts)
            event(f"a picture waits for attempt {media.attempts + 1}")
            return media
        media.state, media.next_at = ("failed" if result == "transient" else result), None
        event(f"a picture {media.state} after {media.attempts} attempts")
        return media

    def list_pictures(self, text, names):
        before = {e["name"]: e for e in text.entries if e["state"] != "pending"}
        text.entries = [
            dict(before.get(name, {"name": name, "state": "pending", "media": False})) for name in names
        ]
        text.pending, text.next_at = any(e["state"] == "pending" for e in text.entries), None

    def first_usable(self, text):
        first = text.entries[0] if text.entries else None
        if first and first["media"] and self.media[first["name"]].state == "fetched":
            return first["name"]
        return None

    def follow(self, text):
        """wire/leads.follow_agency_lead."""
        if not text.story or not text.usable or text.edited:
            return
        first = self.first_usable(text)
        if first is None or text.lead == first:
            return
        if text.lead != text.agency_lead:
            event("a person's lead stands against the agency's new picture")
            return
        text.lead = text.agency_lead = first

    def round(self, now):
        requests = []
        items = sorted(self.order, key=self.order.get)
        for guid in items:
            if guid == GULL:
                picture = self.picture
                if not (picture.pending and (picture.next_at is None or picture.next_at <= now)):
                    continue
                media = self.fetch("gull", now, requests)
                picture.pending = media.state == "pending"
                picture.next_at = media.next_at if picture.pending else None
                if media.state == "fetched":
                    for text in self.texts.values():
                        if text.entries and text.entries[0]["name"] == "gull" and text.entries[0]["media"]:
                            self.follow(text)
                continue
            text = self.texts[guid]
            if not text.due(now):
                continue
            waiting = []
            for entry in text.entries:
                media = self.fetch(entry["name"], now, requests)
                entry.update(state=media.state, media=True)
                if media.state == "pending":
                    waiting.append(media)
            times = [media.next_at for media in waiting]
            text.pending = bool(waiting)
            text.next_at = None if None in times else min(times, default=None)
            self.follow(text)
        return requests

    def kill_gull(self):
        media = self.media.get("gull")
        if media is not None and media.state == "fetched":
            for text in self.texts.values():
                if text.lead == "gull":
                    text.lead = None
                    if text.agency_lead == "gull":
                        text.agency_lead = None
                if text.agency_lead == "gull":
                    text.agency_lead = f"gone:{next(self.gone)}"  # an id no image has any more
                    event("a kill leaves a person's lead in place")
        if media is not None:
            media.state, media.next_at = "unusable", None
        self.picture.pending, self.picture.next_at = False, None


class PictureMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.clock_block = simulated_clock(timezone.now())
        self.clock = self.clock_block.__enter__()
        self.model = Model()
        self.editor = get_user_model().objects.create(username="picture-editor", is_superuser=True)
        self.source = make_source()
        self.requests = []
        self.seen_requests = 0
        self.gull_files = set()
        self.edits = count(1)
        self.committed = len(connection.run_on_commit)
        self.start_server()

    def teardown(self):
        default_task_backend.clear()
        if hasattr(self, "server"):
            self.server.__exit__(None, None, None)
        self.clock_block.__exit__(None, None, None)
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def start_server(self):
        model, requests = self.model, self.requests
        bodies = {name: png((40 * i % 255, 90, 160)) for i, name in enumerate(ANSWERS, 1)}

        def route(name):
            def answer(handler):
                requests.append(f"/{name}.png")
                kind = ANSWERS[name]
                if kind == "page":
                    send(handler, 200, b"<html><body>Not a picture</body></html>", Content_Type="text/html")
                elif kind == "down" or (kind == "upload" and not model.uploaded):
                    send(handler, 503 if kind == "down" else 404, b"", Content_Type="text/plain")
                else:
                    send(handler, 200, bodies[name], Content_Type="image/png")

            return answer

        self.server = serve({f"/{name}.png": route(name) for name in ANSWERS})
        self.base = self.server.__enter__()

    def commit(self):
        """Run what would run on commit, and the file deletions it queues: each step commits in
        production, while here the whole sequence is one transaction, rolled back at the end."""
        while len(connection.run_on_commit) > self.committed:
            _sids, callback, _robust = connection.run_on_commit[self.committed]
            self.committed += 1
            callback()
        self.run_queued(delete_file_from_storage_task)

    def run_queued(self, *wanted):
        """Run the queued tasks of the `wanted` kinds as a queue's workers would; drop the rest."""
        queued = list(default_task_backend.results)
        default_task_backend.clear()
        for result in queued:
            if any(result.task.func is task.func for task in wanted):
                result.task.call(*result.args, **result.kwargs)

    @initialize(names=st.lists(st.sampled_from(list(ANSWERS)), min_size=1, max_size=3, unique=True))
    def first_story(self, names):
        """One story with pictures from the start, so most sequences are about pictures, not setup."""
        self.deliver_text("urn:nwa:cranes", names, None)

    def url(self, name):
        return f"{self.base}/{name}.png"

    def wire(self, guid):
        return WireItem.objects.select_related("agency", "article").get(guid=guid)

    def receive(self, guid):
        self.model.order.setdefault(guid, len(self.model.order))

    # Steps ----------------------------------------------------------------------------

    @rule(guid=st.sampled_from(list(STORIES)), names=st.lists(st.sampled_from(list(ANSWERS)), max_size=3,
          unique=True), kill=st.sampled_from([None, None, None, CANCELED]))  # fmt: skip
    def deliver_text(self, guid, names, kill):
        text = self.model.texts[guid]
        new = text.version == 0
        text.version += 1
        refs = [
            ImageRef(
                url=self.url(name),
                caption=f"The {name}.",
                credit="NWA",
                agency_id=GULL if name == "gull" else "",
            )
            for name in names
        ]
        title, body = STORIES[guid]
        item = make_item(
            guid,
            text.version,
            headline=f"{title} (version {text.version})",
            body_html=f"<p>{body}</p><p>Version {text.version}.</p>",
            pubstatus=kill or USABLE,
            pictures=refs,
        )
        ingest.ingest_item(self.source, item)
        self.receive(guid)
        if kill is None or new:
            self.model.list_pictures(text, names)
        text.usable = kill is None
        if new and text.usable:
            text.story = True
        if text.story and text.usable:
            self.model.follow(text)  # lifecycle.settle follows the agency's lead, text allowing

    @rule(kind=st.sampled_from([USABLE, USABLE, CANCELED, WITHHELD]))
    def deliver_picture(self, kind):
        picture = self.model.picture
        picture.version += 1
        item = make_item(
            GULL,
            picture.version,
            kind=PICTURE,
            headline="A gull over the harbour",
            summary=f"A gull over the Port of Eastbrook (version {picture.version}).",
            credit="NWA / Ida Brenner",
            body_html="",
            pubstatus=kind,
            renditions=[Rendition(url=self.url("gull"), mime="image/png", width=240, height=160)],
        )
        ingest.ingest_item(self.source, item)
        self.receive(GULL)
        self.commit()
        picture.usable = kind == USABLE
        if not picture.usable:
            self.model.kill_gull()
            return
        media = self.model.media.get("gull")
        if media is None:
            media = self.model.media["gull"] = Media()
        elif media.state == "unusable":
            media.state, media.attempts, media.next_at = "pending", 0, None  # a usable version after a kill
        picture.pending = media.state == "pending"
        picture.next_at = media.next_at if picture.pending else None

    @rule()
    def worker_round(self):
        before = len(self.requests)
        now = self.clock.now
        expected = self.model.round(now)
        tasks.fetch_waiting_pictures()
        self.run_queued(tasks.fetch_item_pictures)
        assert self.requests[before:] == expected, "fetched other than what was due"
        self.seen_requests = len(self.requests)
        for media in (
            AgencyMedia.objects.filter(url=self.url("gull")).exclude(image=None).select_related("image")
        ):
            self.gull_files.add(media.image.file.name)

    @rule(minutes=st.sampled_from([1, 4, 5, 15, 60, 240]))
    def time_passes(self, minutes):
        self.clock.advance(minutes=minutes)

    @rule()
    def late_picture_is_uploaded(self):
        self.model.uploaded = True

    @precondition(lambda self: any(t.story for t in self.model.texts.values()))
    @rule(guid=st.sampled_from(list(STORIES)), name=st.sampled_from(list(ANSWERS)))
    def editor_chooses_a_lead(self, guid, name):
        text = self.model.texts[guid]
        media = self.model.media.get(name)
        if not text.story or media is None or media.state != "fetched":
            return
        library = AgencyMedia.objects.filter(url=self.url(name), state="fetched").exclude(image=None).first()
        actions.attach_lead_picture(self.wire(guid), library, by=self.editor)
        text.lead = name
        if self.model.first_usable(text) == name:
            text.agency_lead = name  # the agency's own picture: the agency leads again

    @precondition(lambda self: any(t.story for t in self.model.texts.values()))
    @rule(guid=st.sampled_from(list(STORIES)))
    def editor_removes_the_lead(self, guid):
        text = self.model.texts[guid]
        if not text.story:
            return
        set_lead_image(Article.objects.get(wire_item__guid=guid), image=None, by=self.editor)
        text.lead = None

    @precondition(lambda self: any(t.story for t in self.model.texts.values()))
    @rule(guid=st.sampled_from(list(STORIES)))
    def editor_rewrites_the_text(self, guid):
        text = self.model.texts[guid]
        if not text.story:
            return
        article = Article.objects.get(wire_item__guid=guid)
        draft = article.latest_revision.as_object()
        draft.body = f"<p>The desk's own account, rewrite {next(self.edits)}.</p>"
        revision = draft.save_revision(user=self.editor)
        if article.live:
            revision.publish(user=self.editor)
        text.edited = True

    # What must hold after every step ----------------------------------------------------

    @invariant()
    def nothing_is_fetched_outside_a_round(self):
        if hasattr(self, "base"):
            assert len(self.requests) == self.seen_requests

    @invariant()
    def pictures_are_as_the_model_says(self):
        if not hasattr(self, "base"):
            return
        stored = {}
        for media in AgencyMedia.objects.all():
            name = media.url.rsplit("/", 1)[1].removesuffix(".png")
            assert name not in stored, f"two library records for {name}"
            assert media.attempts <= LIMIT
            stored[name] = (media.state, media.attempts, media.next_attempt_at)
        expected = {name: (m.state, m.attempts, m.next_at) for name, m in self.model.media.items()}
        assert stored == expected
        # One image per address, and only for what was fetched.
        images = AgencyMedia.objects.exclude(image=None).values_list("url", "image")
        assert len({image for _url, image in images}) == len({url for url, _image in images})
        fetched = {self.url(name) for name, m in self.model.media.items() if m.state == "fetched"}
        assert {url for url, _image in images} == fetched
        assert get_image_model().objects.count() == len(fetched)

    @invariant()
    def a_killed_picture_is_nowhere(self):
        if not hasattr(self, "base") or self.model.picture.usable:
            return
        assert not AgencyMedia.objects.filter(url=self.url("gull")).exclude(image=None).exists()
        images = set(AgencyMedia.objects.exclude(image=None).values_list("image", flat=True))
        for article in Article.objects.select_related("latest_revision"):
            shown = {article.lead_image_id, article.latest_revision.content.get("lead_image")}
            shown |= {
                r.content.get("lead_image") for r in article.revisions.exclude(approved_go_live_at=None)
            }
            assert shown <= images | {None}, "a killed picture still leads a story"
        for name in self.gull_files:
            assert not default_storage.exists(name), f"the killed picture's file {name} is still stored"

    @invariant()
    def items_wait_exactly_while_something_waits(self):
        if not hasattr(self, "base"):
            return
        for wire in WireItem.objects.all():
            if wire.kind == "text":
                text = self.model.texts[wire.guid]
                waits = any(entry["state"] == "pending" for entry in wire.pictures)
                assert [e["state"] for e in wire.pictures] == [e["state"] for e in text.entries]
                assert (wire.pictures_pending, wire.pictures_next_at) == (text.pending, text.next_at)
            else:
                own = AgencyMedia.objects.filter(wire_item=wire).first()
                waits = own is not None and own.state == "pending"
                assert (wire.pictures_pending, wire.pictures_next_at) == (
                    self.model.picture.pending,
                    self.model.picture.next_at,
                )
            assert wire.pictures_pending == waits

    @invariant()
    def each_story_leads_with_what_the_rule_gives_it(self):
        if not hasattr(self, "base"):
            return
        image_of = {
            url.rsplit("/", 1)[1].removesuffix(".png"): image
            for url, image in AgencyMedia.objects.exclude(image=None).values_list("url", "image")
        }
        for guid, text in self.model.texts.items():
            if not text.story:
                assert not Article.objects.filter(wire_item__guid=guid).exists()
                continue
            article = Article.objects.select_related("latest_revision").get(wire_item__guid=guid)
            wanted = image_of[text.lead] if text.lead else None
            assert article.latest_revision.content.get("lead_image") == wanted, (guid, text)
            if article.live:
                assert article.lead_image_id == wanted, (guid, text)
            agency_lead = WireItem.objects.get(guid=guid).agency_lead
            if text.agency_lead is None or text.agency_lead in image_of:
                assert agency_lead == (image_of[text.agency_lead] if text.agency_lead else None), (guid, text)
            else:  # the agency's lead was deleted by a kill while a person's choice stood
                assert agency_lead is not None and agency_lead not in image_of.values()


# Search indexing and Wagtail's reference index run as tasks on every save; what the pictures do
# does not depend on them. Tasks are queued and the round runs the picture fetches it queued.
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@override_settings(
    TASKS=QUEUED_ONLY, WIRE_PICTURE_ATTEMPTS=LIMIT, WIRE_FETCH_ALLOW_HOSTS=["127.0.0.1"], WIRE_FETCH_TIMEOUT=5
)
def test_agency_pictures_follow_their_rules_under_any_sequence():
    run_for(
        PictureMachine,
        settings(stateful_step_count=40, deadline=None, derandomize=False),
        round_size=10,
    )
