"""The lifecycle rule of a wire story, through `ingest_delivery` and the worker's clock.

Each test is a sequence that once broke the agency's word; they stay as plain regressions.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from copydesk.newsroom.models import Article
from copydesk.newsroom.scheduling import publish_due
from copydesk.wire import actions
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Source, WireItem

from .builders import make_source
from .clock import ninjs, simulated_clock

pytestmark = pytest.mark.django_db
GUID = "urn:nwa:2026:quay-fire"


@pytest.fixture
def clock():
    with simulated_clock() as clock:
        yield clock


def deliver(source, version, **fields):
    return ingest_delivery(source, ninjs(GUID, version, **fields), f"v{version}.json").counts


def public_headline():
    """The headline readers can see of the story, or None."""
    story = Article.objects.live().filter(wire_item__guid=GUID).first()
    return story.headline if story else None


def run_worker(clock, **delta):
    clock.advance(**delta)
    return publish_due(now=clock.now)


@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_a_story_killed_after_an_embargo_was_lifted_never_goes_public(clock, status):
    source = make_source()
    deliver(source, 1, embargo=clock.now + timedelta(hours=1))
    deliver(source, 2)
    deliver(source, 3, pubstatus=status)
    assert public_headline() is None
    assert run_worker(clock, hours=2) == []
    assert public_headline() is None
    assert WireItem.objects.get().state == WireItem.State.KILLED


def test_a_version_without_embargo_goes_out_now_and_the_older_embargoed_text_never_returns(clock):
    source = make_source()
    deliver(source, 1, embargo=clock.now + timedelta(hours=1))
    deliver(source, 2)
    assert public_headline() == f"Headline of {GUID} version 2"
    run_worker(clock, hours=2)
    assert public_headline() == f"Headline of {GUID} version 2"
    assert WireItem.objects.get().state == WireItem.State.PUBLISHED


def test_a_later_embargo_replaces_the_first_and_the_first_text_never_goes_out(clock):
    source = make_source()
    first, second = clock.now + timedelta(hours=1), clock.now + timedelta(hours=3)
    deliver(source, 1, embargo=first)
    deliver(source, 3)
    assert public_headline() == f"Headline of {GUID} version 3"
    deliver(source, 4, embargo=second)
    run_worker(clock, hours=1, minutes=30)  # past the first embargo
    assert public_headline() == f"Headline of {GUID} version 3"
    run_worker(clock, hours=1)  # just before the second
    assert public_headline() == f"Headline of {GUID} version 3"
    run_worker(clock, minutes=31)
    assert public_headline() == f"Headline of {GUID} version 4"


def test_a_story_first_embargoed_twice_goes_out_only_at_the_later_embargo(clock):
    source = make_source()
    deliver(source, 1, embargo=clock.now + timedelta(hours=1))
    deliver(source, 2, embargo=clock.now + timedelta(hours=3))
    run_worker(clock, hours=2)
    assert public_headline() is None
    run_worker(clock, hours=2)
    assert public_headline() == f"Headline of {GUID} version 2"


def test_an_update_after_a_desk_publish_is_applied_without_waiting(clock):
    source = make_source(rule=Source.Rule.HOLD)
    editor = get_user_model().objects.create_superuser("slot", "slot@example.com", "long-enough-password-1")
    deliver(source, 1)
    actions.publish_wire_item(WireItem.objects.get(), by=editor)
    assert public_headline() == f"Headline of {GUID} version 1"
    assert deliver(source, 2) == {"updated": 1}
    assert public_headline() == f"Headline of {GUID} version 2"
    assert WireItem.objects.get().pending_update is None


def test_the_item_says_published_as_soon_as_the_worker_publishes_its_embargoed_story(clock):
    # Found by the stateful test: the item followed its story only after commit, so inside the
    # worker's transaction (and for good if the hook never ran) the desk said "scheduled".
    source = make_source()
    deliver(source, 1, embargo=clock.now + timedelta(hours=1))
    assert WireItem.objects.get().state == WireItem.State.SCHEDULED
    run_worker(clock, hours=2)
    assert WireItem.objects.get().state == WireItem.State.PUBLISHED


def test_the_desk_cannot_publish_a_story_before_its_embargo_from_the_article_admin(clock):
    source = make_source(rule=Source.Rule.HOLD)
    deliver(source, 1, embargo=clock.now + timedelta(hours=1))
    article = actions.open_wire_item_as_draft(WireItem.objects.get())
    problems = article.publish_problems()
    assert any("embargoed this story until" in problem for problem in problems)
    clock.advance(hours=2)
    assert Article.objects.get().publish_problems() == []
