"""A source's fidelity report: what became of its items, why some were refused, what they lack (issue 12, point 5)."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from copydesk.accounts.roles import EDITOR, REPORTER, sync_roles
from copydesk.conftest import make_agency
from copydesk.wire.deliveries import ingest_delivery, record_rejection
from copydesk.wire.fidelity import reason_group, source_fidelity
from copydesk.wire.models import Delivery, Rejection, Source, WireItem, WireVersion
from copydesk.wire.tests.builders import make_source
from copydesk.wire.tests.dedupe_stories import BRIEFS

pytestmark = pytest.mark.django_db


def story(uri, n, *, byline="Mara Lindqvist", picture=True, version=1, pubstatus="usable"):
    """A ninjs item telling the n-th of the invented local stories (each a different story)."""
    headline, text = BRIEFS[n]
    item = {
        "uri": uri, "version": str(version), "versioncreated": f"2026-11-20T09:{version:02d}:00Z",
        "pubstatus": pubstatus, "language": "en", "headlines": [{"value": headline}],
        "bodies": [{"value": f"<p>{text}</p>"}],
        "subjects": [{"name": "Eastbrook"}],
    }  # fmt: skip
    if byline:
        item["by"] = byline
    if picture:
        item["associations"] = [{
            "name": "featureimage", "type": "picture", "uri": f"{uri}-pic",
            "renditions": [{"name": "web", "href": f"https://img.northwind.example/{uri[-4:]}.jpg",
                            "contenttype": "image/jpeg", "width": 1200}],
        }]  # fmt: skip
    return item


def deliver(source, items):
    return ingest_delivery(source, json.dumps({"items": items}).encode(), "delivery.json")


def move_back(source, days):
    """Make everything the source has delivered so far look received `days` days ago."""
    then = timezone.now() - timedelta(days=days)
    WireItem.objects.filter(source=source).update(received_at=then)
    WireVersion.objects.filter(item__source=source).update(received_at=then)
    Rejection.objects.filter(source=source).update(received_at=then)
    Delivery.objects.filter(source=source).update(received_at=then)


@pytest.fixture
def northwind():
    """A week before: ten stories, all with bylines. This week: ten, four without, one killed, refusals."""
    source = make_source(rule=Source.Rule.PUBLISH, name="Northwind ninjs")
    deliver(source, [story(f"urn:nwa:old-{n:04d}", n) for n in range(10)])
    move_back(source, 10)
    deliver(source, [
        *(story(f"urn:nwa:new-{n:04d}", 10 + n, byline="" if n < 4 else "Mara Lindqvist")
          for n in range(10)),
        {"version": "1", "headlines": [{"value": "No identity"}], "bodies": [{"value": "<p>Text.</p>"}]},
        {"uri": "urn:nwa:bad-date-1", "version": "1", "versioncreated": "2026-02-31T10:00",
         "headlines": [{"value": "Impossible date"}]},
        {"uri": "urn:nwa:bad-date-2", "version": "1", "versioncreated": "2026-04-31T08:00",
         "headlines": [{"value": "Another impossible date"}]},
    ])  # fmt: skip
    deliver(source, [story("urn:nwa:new-0009", 19, version=2, pubstatus="canceled")])
    return source


@pytest.fixture
def harbour():
    source = make_source(
        rule=Source.Rule.HOLD, agency=make_agency("Harbour News Agency", "HNA"), name="Harbour"
    )
    deliver(source, [story(f"urn:hna:{n:04d}", 20 + n, picture=False) for n in range(3)])
    return source


def test_counts_outcomes_and_refusals_over_the_window(northwind, harbour):
    report = source_fidelity(northwind)
    assert report.received == 10
    assert report.outcomes["published"] == 9 and report.outcomes["killed"] == 1
    refused = dict(report.refusals)
    assert sum(refused.values()) == report.refused == 3
    # The two impossible dates are one reason, whatever date each item gave.
    assert len(refused) == 2 and sorted(refused.values()) == [1, 2]

    other = source_fidelity(harbour)
    assert other.received == 3 and other.outcomes["desk"] == 3 and other.refused == 0


def test_shares_of_missing_fields_and_the_change_since_the_window_before(northwind, harbour):
    report = source_fidelity(northwind)
    shares = {f.label: f for f in report.fields}
    assert report.sampled == 10 and report.sampled_before == 10  # the kill carries no text: not counted
    assert shares["byline"].missing == 0.4 and shares["byline"].before == 0.0
    assert [f.label for f in report.changed_fields] == ["byline"]
    assert shares["byline"].sentence == "Byline missing in 40% of items, was 0%"
    assert shares["pictures"].missing == 0.0 and shares["headline"].missing == 0.0
    assert "link" not in shares  # ninjs has no field for it: not the agency's omission

    assert {f.label: f.missing for f in source_fidelity(harbour).fields}["pictures"] == 1.0


def test_thirty_days_take_in_the_older_deliveries(northwind):
    report = source_fidelity(northwind, days=30)
    assert report.received == 20 and report.changed_fields == []


def test_reasons_lose_what_belongs_to_one_item():
    assert reason_group("date '2026-02-31T10:00' is impossible") == reason_group(
        "date “31 Feb” is impossible"
    )
    assert (
        reason_group("Could not fetch https://a.example/1 after 3 tries") == "Could not fetch … after N tries"
    )
    assert reason_group("") == "(no reason given)"


def signed_in(role):
    sync_roles()
    user = get_user_model().objects.create_user(role.lower(), f"{role.lower()}@example.com", "long-pw-1")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def report_page(client, source, follow=False, **params):
    return client.get(reverse("source:fidelity", args=[source.pk]), params, follow=follow)


def test_editor_reads_the_report_linked_from_the_source_list_and_edit_page(northwind):
    editor = signed_in(EDITOR)
    url = reverse("source:fidelity", args=[northwind.pk])
    assert url in editor.get(reverse("source:index")).content.decode()
    assert url in editor.get(reverse("source:edit", args=[northwind.pk])).content.decode()

    page = report_page(editor, northwind)
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    assert html.title.get_text(strip=True).startswith("Fidelity report: Northwind ninjs")
    outcomes = {
        row.th.get_text(strip=True): row.td.get_text(strip=True) for row in html.select("#outcomes tbody tr")
    }
    assert outcomes["Received"] == "10" and outcomes["Published"] == "9" and outcomes["Refused"] == "3"
    assert html.select_one('[data-field="byline"]').get_text() == "Byline missing in 40% of items, was 0%"
    assert report_page(editor, northwind, days="30").context["report"].days == 30
    assert report_page(editor, northwind, days="9999").context["report"].days == 7


def test_a_role_that_may_not_see_sources_is_refused(northwind):
    # Wagtail's admin answers a refused permission by sending the user to the dashboard with a message.
    reporter = signed_in(REPORTER)
    refused = report_page(reporter, northwind)
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    followed = report_page(reporter, northwind, follow=True).content.decode()
    assert "permission" in followed and "Northwind ninjs" not in followed
    anonymous = report_page(Client(), northwind)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_source_with_nothing_delivered_has_a_report():
    quiet = make_source(name="Quiet feed")
    page = report_page(signed_in(EDITOR), quiet)
    assert page.status_code == 200
    assert "No items arrived from this source" in page.content.decode()


def test_a_hostile_reason_is_shown_as_text(harbour):
    delivery = Delivery.objects.create(source=harbour, name="x.json")
    record_rejection(delivery, reason='<script>alert("reason")</script><img src=x onerror=alert(1)>')
    page = report_page(signed_in(EDITOR), harbour).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
