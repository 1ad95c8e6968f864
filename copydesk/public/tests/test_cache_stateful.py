"""Cached pages never lie, under any order of newsroom changes and page requests.

Random sequences of publishes, updates, corrections, withdrawals, agency kills, scheduled releases
and embargo releases, interleaved with page requests through the built-in page cache (some made
while a change commits in the middle of the rendering). After every step, every page the cache
would serve equals a fresh render of it. The only thing that may differ is the text of a relative
time ("5 minutes ago"), which each render writes for its own moment and the browser corrects.

The run is bounded by time (COPYDESK_STATEFUL_SECONDS, see copydesk/tests/stateful.py).
"""

from datetime import timedelta
from itertools import count

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.test.signals import template_rendered
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, publish_article, update_article, withdraw_article
from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.newsroom.scheduling import publish_due
from copydesk.tests.stateful import run_for
from copydesk.wire.ingest import ingest_item
from copydesk.wire.items import CANCELED
from copydesk.wire.tests.builders import make_item, make_source
from copydesk.wordpress.models import OldURL

from .pages import seen

pytestmark = pytest.mark.django_db

_serial = count(1)

FIXED_URLS = [
    "/",
    "/corrections/",
    "/search/?q=ferry",
    "/feeds/rss.xml",
    "/feeds/atom.xml",
    "/feeds/feed.json",
    "/sitemap.xml",
    "/sitemaps/news.xml",
    "/sitemaps/sections.xml",
    "/sitemaps/tags.xml",
    "/robots.txt",
    "/tags/transport/",
    "/feeds/tags/transport/rss.xml",
]


def let_time_pass(article):
    """Move a scheduled story's approved go-live time into the past, as the clock would."""
    past = timezone.now() - timedelta(seconds=1)
    for revision in article.revisions.filter(approved_go_live_at__isnull=False):
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()


class CachedPages(RuleBasedStateMachine):
    """The newsroom as its actions change it; the cache as readers fill it."""

    capture = None  # django_capture_on_commit_callbacks, set by the test

    @initialize()
    def newsroom(self):
        cache.clear()
        self.client = Client()
        n = next(_serial)
        self.sections = [make_section(f"Harbour {n}"), make_section(f"Courts {n}")]
        self.authors = [
            make_author(f"Ines Varga {n}", photo=False),
            make_author(f"Jonah Reed {n}", photo=False),
        ]
        self.source = make_source(section=self.sections[0])
        self.agency_ids = [f"urn:nwa:{n}:a", f"urn:nwa:{n}:b"]
        self.versions = {}
        self.stories, self.scheduled, self.visited = [], [], set()
        self.fresh, self.changes = {}, 0
        urls = [s.get_absolute_url() for s in self.sections]
        urls += [f"/feeds/sections/{s.slug}/atom.xml" for s in self.sections]
        urls += [a.get_absolute_url() for a in self.authors] + [
            f"/feeds/authors/{self.authors[0].slug}/feed.json"
        ]
        self.urls = FIXED_URLS + urls

    # Changes -----------------------------------------------------------------------------------

    def change(self, action):
        with self.capture(execute=True):  # the purges run as they would after the commit
            action()
        self.changes += 1

    def publish(self, section, author, tagged, minutes_ago):
        n = next(_serial)
        story = make_article(
            f"Ferry story number {n}",
            section=self.sections[section],
            authors=[self.authors[author]],
            tags=["Transport"] if tagged else [],
            minutes_ago=minutes_ago,
        )
        self.stories.append(story.pk)
        if n % 3 == 0:  # some stories also have an old WordPress address
            OldURL.objects.create(path=f"/2019/05/ferry-{n}", site="old.example", article=story)
            self.urls.append(f"/2019/05/ferry-{n}/")

    @rule(
        section=st.integers(0, 1),
        author=st.integers(0, 1),
        tagged=st.booleans(),
        minutes_ago=st.integers(0, 600),
    )
    def publish_a_story(self, section, author, tagged, minutes_ago):
        self.change(lambda: self.publish(section, author, tagged, minutes_ago))

    def live(self, data):
        live = list(Article.objects.filter(pk__in=self.stories, status=ArticleStatus.PUBLISHED))
        return data.draw(st.sampled_from(live)) if live else None

    @precondition(lambda self: self.stories)
    @rule(data=st.data(), material=st.booleans())
    def update_a_story(self, data, material):
        if story := self.live(data):
            headline = f"{story.headline} (updated {next(_serial)})"
            self.change(lambda: update_article(story, material=material, headline=headline))

    @precondition(lambda self: self.stories)
    @rule(data=st.data())
    def correct_a_story(self, data):
        if story := self.live(data):
            self.change(
                lambda: add_correction(story, text=f"An earlier version misspelt a name ({next(_serial)}).")
            )

    @precondition(lambda self: self.stories)
    @rule(data=st.data())
    def withdraw_a_story(self, data):
        if story := self.live(data):
            self.change(lambda: withdraw_article(story, reason="Withdrawn on legal advice."))

    @rule(section=st.integers(0, 1))
    def schedule_a_story(self, section):
        def schedule():
            story = make_article(
                f"Scheduled ferry story {next(_serial)}",
                section=self.sections[section],
                publish=False,
                go_live_at=timezone.now() + timedelta(hours=2),
            )
            self.scheduled.append(publish_article(story).pk)
            self.stories.append(story.pk)

        self.change(schedule)

    @rule(which=st.integers(0, 1), embargoed=st.booleans(), kill=st.booleans())
    def the_agency_sends_a_version(self, which, embargoed, kill):
        """A new story, an update, an embargoed version or a kill, through the wire's ingest."""
        agency_id = self.agency_ids[which]
        version = self.versions.get(agency_id, 0) + 1
        self.versions[agency_id] = version
        fields = {"headline": f"Agency ferry story {agency_id[-1]}, version {version}"}
        if kill and version > 1:
            fields["pubstatus"] = CANCELED
        elif embargoed:
            fields["embargoed_until"] = timezone.now() + timedelta(hours=2)
        self.change(lambda: ingest_item(self.source, make_item(agency_id, version=version, **fields)))
        self.stories = list(dict.fromkeys([*self.stories, *self.wire_stories()]))

    def wire_stories(self):
        return Article.objects.filter(wire_item__guid__in=self.agency_ids).values_list("pk", flat=True)

    @rule()
    def the_clock_passes_every_embargo_and_schedule(self):
        def release():
            for article in Article.objects.filter(pk__in=self.stories):
                let_time_pass(article)
            publish_due()

        self.change(release)

    # Requests ----------------------------------------------------------------------------------

    def article_urls(self):
        return [
            a.get_absolute_url()
            for a in Article.objects.filter(pk__in=self.stories).select_related("section")
        ]

    @rule(data=st.data())
    def a_reader_asks(self, data):
        url = data.draw(st.sampled_from(self.urls + self.article_urls()))
        self.client.get(url)
        self.visited.add(url)

    @rule(data=st.data(), section=st.integers(0, 1))
    def a_reader_asks_while_a_story_is_published(self, data, section):
        """The change commits while the page renders: the copy must not be kept as fresh."""
        url = data.draw(st.sampled_from(self.urls + self.article_urls()))
        done = []

        def meanwhile(**kwargs):
            if not done:
                done.append(True)
                self.change(lambda: self.publish(section, 0, True, 0))

        template_rendered.connect(meanwhile)
        try:
            self.client.get(url)
        finally:
            template_rendered.disconnect(meanwhile)
        if not done:  # a feed or sitemap renders without a template: publish after it instead
            self.change(lambda: self.publish(section, 0, True, 0))
        self.visited.add(url)

    # The promise --------------------------------------------------------------------------------

    def fresh_render(self, url):
        if self.fresh.get(url, (None,))[0] != self.changes:
            with override_settings(COPYDESK_PAGE_CACHE=False):
                self.fresh[url] = (self.changes, seen(self.client.get(url)))
        return self.fresh[url][1]

    @invariant()
    def every_cached_page_equals_a_fresh_render(self):
        for url in sorted(getattr(self, "visited", ())):
            response = self.client.get(url)
            if response.get("X-Copydesk-Cache") in ("hit", "stale"):
                assert seen(response) == self.fresh_render(url), f"{url} served from the cache differs"


@pytest.fixture
def page_cache(settings):
    settings.COPYDESK_PAGE_CACHE = True
    yield settings
    cache.clear()


def test_cached_pages_always_equal_a_fresh_render(page_cache, django_capture_on_commit_callbacks):
    CachedPages.capture = staticmethod(django_capture_on_commit_callbacks)
    run_for(
        CachedPages,
        settings(
            stateful_step_count=25,
            deadline=None,
            derandomize=False,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
        round_size=2,
    )
