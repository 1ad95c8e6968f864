"""Whole deliveries in each format, from the fixtures, through the real parsers and ingest."""

from pathlib import Path

import pytest
from django.core.management import call_command

from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Rejection, WireItem

from .builders import make_source

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def deliver(source, path):
    return ingest_delivery(source, (FIXTURES / path).read_bytes(), path)


@pytest.mark.parametrize(
    ("fmt", "first", "update", "kill", "guid"),
    [
        ("ninjs", "ninjs/v2_delivery.json", "ninjs/v2_update.json", "ninjs/v2_kill.json",
         "urn:newsml:northwind.example:20261120:nwa-eb-0900"),
        ("newsml", "newsml/message.xml", "newsml/item_update.xml", "newsml/item_kill.xml",
         "urn:newsml:harbournews.example:20261120:hna-eb-5001"),
    ],
)  # fmt: skip
def test_a_story_lives_through_delivery_update_and_kill(client, fmt, first, update, kill, guid):
    source = make_source(format=fmt)
    assert deliver(source, first).counts.get("new", 0) >= 1
    article = WireItem.objects.get(guid=guid).article
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200
    assert deliver(source, first).counts.get("unchanged", 0) >= 1  # redelivery changes nothing
    assert deliver(source, update).counts == {"updated": 1}
    updated = Article.objects.get(pk=article.pk)
    assert updated.get_absolute_url() == url and updated.is_updated
    assert (updated.headline, updated.body) != (article.headline, article.body)
    assert deliver(source, kill).counts == {"withdrawn": 1}
    assert client.get(url).status_code == 410
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.WITHDRAWN


@pytest.mark.parametrize(
    ("fmt", "path"),
    [("ninjs", "ninjs/bad_items.json"), ("newsml", "newsml/bad_items.xml"), ("rss", "rss/bad_items.xml"),
     ("atom", "atom/bad_items.xml"), ("jsonfeed", "jsonfeed/bad_items.json")],
)  # fmt: skip
def test_bad_items_are_set_aside_with_reasons_and_the_rest_are_ingested(fmt, path):
    source = make_source(format=fmt)
    delivery = deliver(source, path)
    rejections = list(Rejection.objects.filter(delivery=delivery))
    assert rejections and all(r.reason for r in rejections)
    assert delivery.counts["rejected"] == len(rejections)
    assert WireItem.objects.filter(source=source).count() >= 1, "the good items must still be ingested"


@pytest.mark.parametrize(
    ("fmt", "path"),
    [("newsml", "newsml/billion_laughs.xml"), ("newsml", "newsml/external_entity.xml"),
     ("newsml", "newsml/remote_dtd.xml"), ("rss", "rss/billion_laughs.xml"), ("rss", "rss/external_entity.xml"),
     ("atom", "atom/remote_dtd.xml"), ("newsml", "newsml/truncated.xml"), ("ninjs", "ninjs/truncated.json")],
)  # fmt: skip
def test_a_hostile_or_broken_delivery_is_refused_and_nothing_stored_is_damaged(fmt, path):
    source = make_source(format=fmt)
    good = {"ninjs": "ninjs/v2_delivery.json", "newsml": "newsml/message.xml", "rss": "rss/wire.xml",
            "atom": "atom/wire.xml"}[fmt]  # fmt: skip
    deliver(source, good)
    before = list(WireItem.objects.values_list("guid", "version", "headline", "body_html").order_by("guid"))
    delivery = deliver(source, path)
    assert delivery.error
    rejection = Rejection.objects.get(delivery=delivery)
    assert "refused" in rejection.reason
    after = list(WireItem.objects.values_list("guid", "version", "headline", "body_html").order_by("guid"))
    assert after == before
    assert "root:x:0" not in str(after)  # no local file was read into anything


def test_the_same_story_from_two_agencies_is_clustered_and_published_once():
    from copydesk.conftest import make_agency
    from copydesk.wire import ingest

    from .builders import make_item

    nwa = make_source()
    cps = make_source(agency=make_agency("Continental Press Service", "CPS"), section=nwa.section)
    body = (
        "<p>Eastbrook City Council voted 9 to 2 on Tuesday night to spend $14 million repairing the Millbank "
        "Bridge, ending a year of argument over whether the 140-year-old crossing should be replaced.</p>"
        "<p>Work will begin in January and the bridge will stay open to pedestrians throughout.</p>"
    )
    rewrite = (
        "<p>The Millbank Bridge will be repaired rather than replaced after Eastbrook City Council voted 9-2 on "
        "Tuesday night to spend $14 million on the 140-year-old crossing, ending a year of argument.</p>"
        "<p>Pedestrians will be able to use the bridge throughout the work, which starts in January.</p>"
    )
    assert (
        ingest.ingest_item(
            nwa, make_item("urn:nwa:bridge", headline="Council backs bridge repair", body_html=body)
        )
        == "new"
    )
    assert (
        ingest.ingest_item(
            cps, make_item("cps-7781", headline="Millbank Bridge to be repaired", body_html=rewrite)
        )
        == "duplicate"
    )
    first, second = WireItem.objects.get(guid="urn:nwa:bridge"), WireItem.objects.get(guid="cps-7781")
    assert second.cluster == first and second.article is None
    assert {m.pk for m in first.members()} == {first.pk, second.pk}
    assert Article.objects.live().count() == 1


def test_ingest_command_prints_a_summary_with_reasons(tmp_path, capsys):
    source = make_source(format="ninjs", name="Northwind test feed")
    call_command("ingest", str(FIXTURES / "ninjs" / "bad_items.json"), "--source", "Northwind test feed")
    out = capsys.readouterr().out
    assert "new: " in out and "rejected: " in out and "rejected " in out
    assert WireItem.objects.filter(source=source).exists()


@pytest.mark.parametrize(
    ("fmt", "files", "guid", "counts"),
    [
        ("iptc7901", ["iptc7901/story.txt", "iptc7901/correction.txt", "iptc7901/kill.txt"], "NWA:A:20260303:0412",
         ["new", "corrected", "withdrawn"]),
        ("anpa1312", ["anpa1312/story.dat", "anpa1312/writethru.dat", "anpa1312/correction.dat", "anpa1312/kill.dat"],
         "anpa:20260303:bridge-vote", ["new", "updated", "corrected", "withdrawn"]),
        ("apjson", ["apjson/story.json", "apjson/correction.json", "apjson/kill.json"], "5c1e9a0f7d2b4e8a",
         ["new", "corrected", "withdrawn"]),
    ],
)  # fmt: skip
def test_agency_text_formats_follow_a_story_through_correction_and_kill(client, fmt, files, guid, counts):
    source = make_source(format=fmt)
    first, *later = files
    assert deliver(source, first).counts == {counts[0]: 1}
    wire = WireItem.objects.get(source=source, guid=guid)
    assert wire.byline and "By " not in wire.byline
    assert wire.body_html.startswith("<p>") and wire.article.body
    url = wire.article.get_absolute_url()
    assert client.get(url).status_code == 200
    assert deliver(source, first).counts == {"unchanged": 1}  # redelivery changes nothing
    for path, outcome in zip(later, counts[1:], strict=True):
        assert deliver(source, path).counts == {outcome: 1}, path
    wire.refresh_from_db()
    assert (wire.pubstatus, WireItem.objects.filter(source=source).count()) == ("canceled", 1)
    assert wire.editorial_note
    assert client.get(url).status_code == 410


@pytest.mark.parametrize(
    ("fmt", "path", "stored", "rejected"),
    [
        ("iptc7901", "iptc7901/two_messages.txt", {"NWA:A:20260303:0413", "NWA:B:20260303:0414"}, 0),
        ("iptc7901", "iptc7901/truncated.txt", {"NWA:A:20260305:0600"}, 1),
        ("anpa1312", "anpa1312/takes.dat", {"anpa:20260304:gale-warning", "anpa:20260304:chess-final"}, 0),
        ("anpa1312", "anpa1312/truncated.dat", {"anpa:20260305:tide-tables"}, 1),
        ("apjson", "apjson/feed.json", {"e7f6a5b4c3d2e1f0", "1f2e3d4c5b6a7980"}, 1),
    ],
)
def test_agency_text_deliveries_store_each_message_and_set_aside_broken_ones(fmt, path, stored, rejected):
    source = make_source(format=fmt)
    delivery = deliver(source, path)
    assert set(WireItem.objects.filter(source=source).values_list("guid", flat=True)) == stored
    assert (
        Rejection.objects.filter(delivery=delivery).count() == delivery.counts.get("rejected", 0) == rejected
    )
    assert all(r.reason for r in Rejection.objects.filter(delivery=delivery))


def test_an_embargoed_text_story_is_stored_with_its_release_time_and_an_unreadable_one_is_held():
    source = make_source(format="iptc7901")
    deliver(source, "iptc7901/embargo.txt")
    plan = WireItem.objects.get(source=source, guid="NWA:A:20260304:0501")
    chair = WireItem.objects.get(source=source, guid="NWA:A:20260304:0502")
    assert plan.embargoed_until.isoformat() == "2026-03-05T15:00:00+00:00"
    assert (
        chair.pubstatus == "withheld" and not Article.objects.live().filter(headline=chair.headline).exists()
    )
