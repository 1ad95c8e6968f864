"""Every kind of item in every delivery format, dropped as an agency sends it, read by the worker,
and checked where it ends up: what is stored, and what a reader sees.

Each format has a folder in fixtures/kinds/ (ninjs three times, one per major version) holding one
delivery per kind it can express: text.* (a story with its pictures, version 1), correction.*
(version 2, corrected), kill.* (version 3), embargo.* (another story, held until 15:00 GMT on
2 March 2026), picture.*, video.*, audio.* and package.* (a package of the story, the picture
and the video). Every text is invented. Pictures point at https://pictures.example/, which the
tests serve from a loopback server.

What a format cannot express, and why (the test reads this table: each format's `expresses`
must be the matrix's kinds minus those named here, and its folder must hold a delivery for
every other one):

| format   | cannot express                            | why                                                                                              |
|----------|-------------------------------------------|--------------------------------------------------------------------------------------------------|
| rss      | picture, video, audio, package            | An RSS item has no type: every item is a story, its media:content and enclosures its pictures.   |
| rss      | kill                                      | RSS has no status and no tombstone; a story that leaves the feed is not withdrawn by that.       |
| rss      | embargo                                   | RSS has no release time; an agency simply does not put an embargoed story in its feed.           |
| atom     | picture, video, audio, package            | An Atom entry has no type either; its media are the story's pictures.                            |
| atom     | embargo                                   | Atom has no release time. (A kill is a tombstone, RFC 6721.)                                     |
| jsonfeed | picture, video, audio, package            | A JSON Feed item has no type; its image and attachments belong to the story.                     |
| jsonfeed | correction, kill, embargo                 | JSON Feed has no status, signal or release time: a later date_modified is only an update.        |
| nitf     | package                                   | One NITF document is one story; NITF has no way to refer to other items.                         |
| iptc7901 | picture, video, audio, package            | IPTC 7901 is teletype text: seven-bit characters between SOH and EOT, nothing else.              |
| anpa1312 | picture, video, audio, package            | ANPA-1312 is teletype text, like IPTC 7901.                                                      |

ninjs (1.x, 2.x, 3.x), NewsML-G2, NewsML 1.2 and AP Media API JSON express every kind.
Graphics and concepts are kinds too (formats read them); this matrix follows issue 12's list.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.newsroom.scheduling import publish_due
from copydesk.wire.formats import FORMATS
from copydesk.wire.items import AUDIO, CORRECTION, EMBARGO, KILL, PACKAGE, PICTURE, TEXT, VIDEO
from copydesk.wire.models import AgencyMedia, Delivery, Rejection, Source, WireItem
from copydesk.wire.polling import poll_source
from copydesk.wire.tasks import fetch_waiting_pictures

from .builders import make_source
from .clock import simulated_clock
from .pictures import picture_server, png

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"
KINDS = (TEXT, PICTURE, VIDEO, AUDIO, PACKAGE, CORRECTION, KILL, EMBARGO)
PICTURES_HOST = "https://pictures.example"  # served from loopback by the `pictures` fixture
BYLINE = "Mara Okafor"


def cannot_express() -> dict[tuple[str, str], str]:
    """Read the module docstring's table: (format, kind) -> why the format cannot express it."""
    found = {}
    for line in __doc__.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("format", "") or set(cells[0]) == {"-"}:
            continue
        for kind in cells[1].split(", "):
            found[(cells[0], kind)] = cells[2]
    return found


CANNOT = cannot_express()


# What each language's story says, where the test looks for it (fixtures/kinds/*).
WORDS = {
    "en": dict(
        headline="Saltmarsh tidal barrier to close for four nights of repairs",
        corrected="Saltmarsh tidal barrier to close for three nights of repairs",
        fixed="close for three nights from Monday",
        heading="What changes for river users",
        note="Corrects the number of nights to three, not four",
        kill="The river authority has postponed the repairs",
        embargoed="River authority sets aside 42 million for estuary walls",
    ),
    "de": dict(
        headline="Sturmflutsperre in Salzmarsch schließt vier Nächte für Reparaturen",
        corrected="Sturmflutsperre in Salzmarsch schließt drei Nächte für Reparaturen",
        fixed="ab Montag drei Nächte lang geschlossen",
        heading="Was sich für Bootsfahrer ändert",
        note="Korrigiert die Zahl der Nächte",
        kill="Die Flussbehörde hat die Reparatur verschoben",
        embargoed="Flussbehörde plant 42 Millionen für Deiche an der Mündung",
    ),
    "fr": dict(
        headline="Le barrage anti-marée de Salmare fermé quatre nuits pour travaux",
        corrected="Le barrage anti-marée de Salmare fermé trois nuits pour travaux",
        fixed="fermera trois nuits à partir de lundi",
        heading="Ce qui change pour les plaisanciers",
        note="Corrige le nombre de nuits",
        kill="L'autorité fluviale a reporté les travaux",
        embargoed="L'autorité fluviale prévoit 42 millions pour les digues de l'estuaire",
    ),
    "es": dict(
        headline="La barrera de mareas de Salmarsa cerrará cuatro noches por obras",
        corrected="La barrera de mareas de Salmarsa cerrará tres noches por obras",
        fixed="cerrará tres noches a partir del lunes",
        heading="Qué cambia para los navegantes",
        note="Corrige el número de noches",
        kill="La autoridad fluvial ha aplazado las obras",
        embargoed="La autoridad fluvial reserva 42 millones para los diques del estuario",
    ),
}
PICTURE_CAPTION = "Engineers inspect a worn hinge seal inside the Saltmarsh tidal barrier on Wednesday."
PICTURE_CREDIT = "Ida Brenner/NWA"
SECOND_CAPTION = "The barrier's gates stand open at low tide."


@dataclass
class Row:
    """One format's deliveries: which parser reads them and what they say."""

    format: str
    ext: str
    story: str  # the agency id of the story (text, correction, kill)
    embargoed: str  # the agency id of the embargoed story
    language: str  # as stored: "" for a format with no language
    dateline: str  # "" for a format with no dateline field
    structure: bool = True  # headings, lists and tables survive (teletype text has none)
    pictures: bool = True  # the story carries its pictures
    note: bool = True  # a correction carries the agency's note
    credit: str = PICTURE_CREDIT  # a picture's credit (JSON Feed attachments have none)
    byline: str = BYLINE
    media: dict[str, str] = field(default_factory=dict)  # picture, video, audio, package -> agency id
    members: list[str] = field(default_factory=list)  # the package's items, in order


def ninjs_row(major, language, dateline):
    base = f"urn:newsml:northwind.example:20260302:nwa-barrier-ninjs{major}"
    return Row(
        "ninjs", "json", base, f"{base}-budget", language, dateline,
        media={PICTURE: f"{base}-photo", VIDEO: f"{base}-video", AUDIO: f"{base}-audio", PACKAGE: f"{base}-package"},
        members=[base, f"{base}-photo", f"{base}-video"],
    )  # fmt: skip


G2 = "urn:newsml:northwind.example:20260302:nwa-g2-barrier"
NML1 = "urn:newsml:northwind.example:20260302:NWA-BARRAGE"
ROWS = {
    "rss": Row("rss", "xml", "tag:northwind.example,2026-03-02:barrier-repairs", "", "en-GB", "", note=False),
    "atom": Row("atom", "xml", "tag:northwind.example,2026-03-02:barrage-travaux", "", "fr", "", note=False),
    "jsonfeed": Row("jsonfeed", "json", "nwa-es-20260302-barrera", "", "es", "", credit=""),
    "ninjs1": ninjs_row(1, "en", "SALTMARSH GREEN, March 2"),
    "ninjs2": ninjs_row(2, "de", "SALZMARSCH, 2. März"),
    "ninjs3": ninjs_row(3, "fr", "SALMARE, 2 mars"),
    "newsml": Row(
        "newsml", "xml", G2, f"{G2}-budget", "de", "SALZMARSCH, 2. März",
        media={PICTURE: f"{G2}-photo", VIDEO: f"{G2}-video", AUDIO: f"{G2}-audio", PACKAGE: f"{G2}-package"},
        members=[G2, f"{G2}-photo", f"{G2}-video"],
    ),
    "nitf": Row(
        "nitf", "xml", "nwa:20260302:barrera-mareas", "nwa:20260302:barrera-mareas-presupuesto", "es",
        "SALMARSA, 2 de marzo",
        media={PICTURE: "nwa:20260302:barrera-mareas-foto", VIDEO: "nwa:20260302:barrera-mareas-video",
               AUDIO: "nwa:20260302:barrera-mareas-audio"},
    ),
    "newsml1": Row(
        "newsml1", "xml", NML1, "urn:newsml:northwind.example:20260302:NWA-BUDGET", "fr", "SALMARE, 2 mars",
        media={PICTURE: f"{NML1}-PHOTO", VIDEO: f"{NML1}-VIDEO", AUDIO: f"{NML1}-AUDIO", PACKAGE: f"{NML1}-DOSSIER"},
        members=[NML1, f"{NML1}-PHOTO", f"{NML1}-VIDEO"],
    ),
    "iptc7901": Row(
        "iptc7901", "txt", "NWA:A:20260302:0412", "NWA:A:20260302:0460", "", "SALTMARSH GREEN, March 2",
        structure=False, pictures=False,
    ),
    "anpa1312": Row(
        "anpa1312", "dat", "anpa:20260302:barrier-repairs", "anpa:20260302:estuary-walls", "", "SALTMARSH GREEN, March 2",
        structure=False, pictures=False, byline="MARA OKAFOR, Northwind Wire Writer",
    ),
    "apjson": Row(
        "apjson", "json", "9f3b2c1d0e4a5b6c", "5d6e7f8091a2b3c4", "es", "SALMARSA, 2 de marzo",
        byline="Mara Okafor, Northwind Wire",
        media={PICTURE: "0b1c2d3e4f5a6b7c", VIDEO: "1c2d3e4f5a6b7c8d", AUDIO: "2d3e4f5a6b7c8d9e", PACKAGE: "3e4f5a6b7c8d9e0f"},
        members=["9f3b2c1d0e4a5b6c", "0b1c2d3e4f5a6b7c", "1c2d3e4f5a6b7c8d"],
    ),
}  # fmt: skip
CASES = [(row, kind) for row, spec in ROWS.items() for kind in KINDS if (spec.format, kind) not in CANNOT]


def words(row: str) -> dict:
    return WORDS[ROWS[row].language[:2] or "en"]


# Delivering, as the worker does -------------------------------------------------------------


@pytest.fixture
def drop_root(tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path  # drop folders must lie inside it
    return tmp_path


@pytest.fixture
def pictures(settings):
    """A loopback server for the agency's pictures: the story's two and the picture item's own."""
    colours = {"lead": (180, 60, 40), "second": (40, 90, 160), "photo": (20, 140, 80)}
    with picture_server(settings, **{name: png(colour) for name, colour in colours.items()}) as (
        base,
        requests,
    ):
        yield base, requests


def folder_source(drop_root, row: str) -> Source:
    return make_source(
        format=ROWS[row].format, transport=Source.Transport.FOLDER, folder=str(drop_root / row), url=""
    )


def deliver(source: Source, row: str, kind: str, pictures_at: str = "https://pictures.invalid") -> Delivery:
    """Drop the fixture into the source's folder and let the worker read it; return its delivery."""
    folder = Path(source.folder)
    folder.mkdir(exist_ok=True)
    name = f"{kind}.{ROWS[row].ext}"
    data = (FIXTURES / row / name).read_bytes().replace(PICTURES_HOST.encode(), pictures_at.encode())
    (folder / name).write_bytes(data)
    before = Delivery.objects.filter(source=source).count()
    poll_source(source)
    delivery = Delivery.objects.filter(source=source).latest("pk")
    assert Delivery.objects.filter(source=source).count() == before + 1
    assert (folder / "done" / name).exists(), f"{name} was not filed as done: {delivery.error}"
    reasons = list(Rejection.objects.filter(delivery=delivery).values_list("reason", flat=True))
    assert not delivery.error and not reasons, reasons or delivery.error
    return delivery


def page(client, article):
    response = client.get(article.get_absolute_url())
    return response, BeautifulSoup(response.content, "html.parser")


def text(element) -> str:
    return element.get_text(" ", strip=True) if element is not None else ""


def in_feed(client, headline) -> bool:
    return headline in client.get(reverse("public:site_feed_rss")).content.decode()


def listed(client, url) -> set[int]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {int(card["data-article-id"]) for card in soup.select("[data-article-id]")}


# The matrix ------------------------------------------------------------------------------------


def test_each_format_expresses_exactly_what_its_fixtures_deliver():
    assert {fmt for fmt, _ in CANNOT} <= set(FORMATS), "the table names a format Copydesk does not have"
    assert {kind for _, kind in CANNOT} <= set(KINDS)
    for row, spec in ROWS.items():
        can = {kind for kind in KINDS if (spec.format, kind) not in CANNOT}
        assert FORMATS[spec.format].expresses == can, spec.format
        # The text story carries version 1 of every lifecycle case.
        files = {path.stem for path in (FIXTURES / row).iterdir()}
        assert files == can, row
    assert set(FORMATS) == {spec.format for spec in ROWS.values()}, "every format has a row"


# One test per (format, kind) -------------------------------------------------------------------


@pytest.mark.parametrize(("row", "kind"), CASES, ids=[f"{row}-{kind}" for row, kind in CASES])
def test_item_kind(row, kind, drop_root, client, request):
    source = folder_source(drop_root, row)
    {
        TEXT: check_text,
        PICTURE: check_picture,
        VIDEO: check_media,
        AUDIO: check_media,
        PACKAGE: check_package,
        CORRECTION: check_correction,
        KILL: check_kill,
        EMBARGO: check_embargo,
    }[kind](source, row, kind, client, request)


def check_text(source, row, kind, client, request):
    spec, said = ROWS[row], words(row)
    base, _requests = request.getfixturevalue("pictures")
    delivery = deliver(source, row, TEXT, base)
    assert delivery.counts.get("new") == 1, delivery.counts
    wire = WireItem.objects.get(agency=source.agency, guid=spec.story)
    assert (wire.kind, wire.state, wire.version_created is not None) == (TEXT, WireItem.State.PUBLISHED, True)
    assert (wire.language, wire.dateline, wire.byline) == (spec.language, spec.dateline, spec.byline)
    assert wire.headline == said["headline"]
    assert wire.subjects and all(s["name"] for s in wire.subjects)
    if spec.format not in ("jsonfeed", "iptc7901", "anpa1312"):  # the formats whose subjects name a scheme
        assert any(s["scheme"] not in ("", "keyword") for s in wire.subjects), wire.subjects
    # Only the story becomes a story: pictures sent alongside it go to the library.
    assert Article.objects.count() == 1
    article = wire.article
    if spec.pictures:
        assert [p["url"].rsplit("/", 1)[-1] for p in wire.pictures] == ["lead.png", "second.png"]
        assert wire.pictures[0]["caption"] == PICTURE_CAPTION
        fetch_waiting_pictures()
        article.refresh_from_db()
        assert article.lead_image is not None
        assert (article.lead_image_caption, article.lead_image_credit) == (PICTURE_CAPTION, spec.credit)
        # The second picture waits in the library for the desk, with its own caption.
        second = AgencyMedia.objects.get(pk=WireItem.objects.get(pk=wire.pk).pictures[1]["media"])
        assert (second.state, second.caption) == (AgencyMedia.State.FETCHED, SECOND_CAPTION)
    response, soup = page(client, article)
    assert response.status_code == 200
    assert soup.html["lang"] == (spec.language or "en-GB")
    assert text(soup.select_one(".story__headline")) == said["headline"]
    assert text(soup.select_one(".story__byline")) == f"By {spec.byline}"
    body = soup.select_one(".story__body")
    assert len(body.find_all("p")) >= 3
    if spec.dateline:
        # Shown once, before the body, also when the agency repeats it as the body's first words.
        assert text(soup.select_one(".story__filed-place")) == spec.dateline
        assert spec.dateline.casefold() not in text(body).casefold()
        assert text(body.find("p"))[:1].isalpha(), "no dash is left where the dateline was"
    if spec.structure:
        assert text(body.find("h2")) == said["heading"]
        assert len(body.select("ul > li")) == 3
        assert len(body.select("table tr")) == 3 and body.select("table th")
    figure = soup.select_one("figure.story__lead-image")
    if spec.pictures:
        assert figure is not None and PICTURE_CAPTION in text(figure.find("figcaption"))
        assert spec.credit in text(figure.find("figcaption"))
    else:
        assert figure is None


def check_picture(source, row, kind, client, request):
    base, requests = request.getfixturevalue("pictures")
    spec = ROWS[row]
    delivery = deliver(source, row, PICTURE, base)
    assert delivery.counts == {"media": 1}
    wire = WireItem.objects.get(agency=source.agency, guid=spec.media[PICTURE])
    assert (wire.kind, wire.state, wire.article) == (PICTURE, WireItem.State.MEDIA, None)
    media = AgencyMedia.objects.get(wire_item=wire)
    assert media.kind == PICTURE and media.caption == PICTURE_CAPTION and media.credit == PICTURE_CREDIT
    assert media.url == f"{base}/photo.png", "the largest rendition, not the thumbnail"
    assert [r["url"].rsplit("/", 1)[-1] for r in media.renditions] == ["photo-thumb.png", "photo.png"]
    fetch_waiting_pictures()
    media.refresh_from_db()
    assert (media.state, media.image is not None) == (AgencyMedia.State.FETCHED, True)
    assert requests == ["/photo.png"]
    assert not Article.objects.exists(), "a picture never becomes a story"


MEDIA_FILES = {VIDEO: ("video/mp4", ".mp4"), AUDIO: ("audio/mpeg", ".mp3")}


def check_media(source, row, kind, client, request):
    spec = ROWS[row]
    delivery = deliver(source, row, kind)
    assert delivery.counts == {"media": 1}
    wire = WireItem.objects.get(agency=source.agency, guid=spec.media[kind])
    assert (wire.kind, wire.state, wire.article) == (kind, WireItem.State.MEDIA, None)
    media = AgencyMedia.objects.get(wire_item=wire)
    mime, suffix = MEDIA_FILES[kind]
    # The worker fetches the playable file later (wire/av.py; test_av.py follows it to the page).
    assert (media.kind, media.state, media.image) == (kind, AgencyMedia.State.PENDING, None)
    assert wire.pictures_pending
    assert media.caption and media.credit
    assert media.url.endswith(suffix) and media.url.startswith("https://")
    assert any(r["mime"] == mime for r in media.renditions), media.renditions
    assert not Article.objects.exists(), f"a {kind} item never becomes a story"


def check_package(source, row, kind, client, request):
    spec = ROWS[row]
    delivery = deliver(source, row, PACKAGE)
    assert delivery.counts == {"reported": 1}
    wire = WireItem.objects.get(agency=source.agency, guid=spec.media[PACKAGE])
    assert (wire.kind, wire.state, wire.article) == (PACKAGE, WireItem.State.REPORTED, None)
    assert wire.package_members == spec.members
    assert not Article.objects.exists() and not AgencyMedia.objects.exists()


def check_correction(source, row, kind, client, request):
    spec, said = ROWS[row], words(row)
    deliver(source, row, TEXT)
    article = WireItem.objects.get(agency=source.agency, guid=spec.story).article
    url = article.get_absolute_url()
    counts = deliver(source, row, CORRECTION).counts
    # A NewsML-G2 message sends the story's pictures again with it: unchanged, they change nothing.
    assert counts.get("corrected") == 1 and set(counts) <= {"corrected", "unchanged"}, counts
    wire = WireItem.objects.get(agency=source.agency, guid=spec.story)
    assert wire.article == article and WireItem.objects.filter(source=source, kind=TEXT).count() == 1
    assert CORRECTION in wire.versions.latest("pk").kind
    article.refresh_from_db()
    assert article.get_absolute_url() == url and article.headline == said["corrected"]
    response, soup = page(client, article)
    assert response.status_code == 200
    assert said["fixed"] in text(soup.select_one(".story__body"))
    # Readers are told who corrected the story; the agency's note to editors stays on the desk.
    corrections = text(soup.select_one(".story__corrections")).casefold()
    assert f"corrected by {source.agency.name}".casefold() in corrections
    if spec.note:
        assert said["note"].casefold() not in text(soup).casefold()
        assert said["note"].casefold() in wire.editorial_note.casefold()
    assert text(soup.select_one(".story__headline")) == said["corrected"]


def check_kill(source, row, kind, client, request):
    spec, said = ROWS[row], words(row)
    deliver(source, row, TEXT)
    if (spec.format, CORRECTION) not in CANNOT:
        deliver(source, row, CORRECTION)
    article = WireItem.objects.get(agency=source.agency, guid=spec.story).article
    assert article.pk in listed(client, "/") and in_feed(client, article.headline)
    assert deliver(source, row, KILL).counts == {"withdrawn": 1}
    wire = WireItem.objects.get(agency=source.agency, guid=spec.story)
    assert (wire.pubstatus, wire.state) == ("canceled", WireItem.State.KILLED)
    article.refresh_from_db()
    assert article.status == ArticleStatus.WITHDRAWN and not article.live
    response, soup = page(client, article)
    assert response.status_code == 410
    assert f"{source.agency.name} withdrew this story" in text(soup)
    assert said["kill"] not in text(soup), "the agency's note to editors is not shown to readers"
    assert said["fixed"] not in text(soup), "none of the story's text is left"
    assert article.pk not in listed(client, "/")
    assert article.pk not in listed(client, article.section.get_absolute_url())
    assert not in_feed(client, article.headline)


def check_embargo(source, row, kind, client, request):
    spec, said = ROWS[row], words(row)
    with simulated_clock() as clock:  # 09:00 GMT on 2 March 2026; the embargo ends at 15:00
        assert deliver(source, row, EMBARGO).counts == {"new": 1}
        wire = WireItem.objects.get(agency=source.agency, guid=spec.embargoed)
        assert wire.embargoed_until == clock.now + timedelta(hours=6)
        assert wire.state == WireItem.State.SCHEDULED
        article = wire.article
        assert article.headline == said["embargoed"] and not article.live
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.pk not in listed(client, "/") and not in_feed(client, said["embargoed"])
        clock.advance(hours=5, minutes=59)
        assert publish_due(now=clock.now) == []
        assert client.get(article.get_absolute_url()).status_code == 404
        clock.advance(minutes=1)
        assert [a.pk for a in publish_due(now=clock.now)] == [article.pk]
        response, soup = page(client, article)
        assert response.status_code == 200
        assert text(soup.select_one(".story__headline")) == said["embargoed"]
        assert article.pk in listed(client, "/") and in_feed(client, said["embargoed"])
        assert WireItem.objects.get(pk=wire.pk).state == WireItem.State.PUBLISHED
