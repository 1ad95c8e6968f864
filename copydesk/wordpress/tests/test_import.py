"""`copydesk import-wordpress`: what an export becomes, what is set aside, and what a second run does."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model

from copydesk.conftest import make_article
from copydesk.newsroom.actions import update_article
from copydesk.newsroom.models import Article, Author, Section
from copydesk.wordpress.models import ImportedImage, ImportedPost, OldURL, SetAside

from .conftest import FIXTURES, import_wordpress

pytestmark = pytest.mark.django_db


def story(slug):
    return Article.objects.select_related("section", "lead_image").get(slug=slug)


def test_published_posts_become_stories_with_their_dates_slugs_sections_and_bylines(imported):
    ferry = story("winter-ferry-timetable")
    assert ferry.status == "published"
    assert ferry.headline == "Winter ferry timetable cuts crossings to every forty minutes"
    assert ferry.first_published_at == datetime(2024, 3, 5, 9, 15, tzinfo=UTC)
    assert ferry.section.name == "Harbour" and ferry.section.slug == "harbour"
    assert ferry.section.description == "Ships, ferries and the quay."
    assert [a.name for a in ferry.bylined_authors()] == ["Mira Okafor"]
    assert (
        ferry.excerpt
        == ferry.summary
        == ("Crossings drop to one every forty minutes from November, the harbour authority says.")
    )
    assert sorted(ferry.tags.names()) == ["Ferries", "Night shift"]
    assert ferry.edited_in_newsroom is False
    assert ferry.owner is None
    # Paragraphs from blank lines, the caption's picture embedded from the library, the unknown
    # shortcode gone but its words kept, prose in brackets untouched.
    assert ferry.body.startswith(
        "<p>The harbour authority said on Tuesday that the winter timetable would run a crossing every "
        "forty minutes, down from every half hour.</p>\n<p>Passengers will still be able to buy tickets on "
        "board<br>\nuntil the new machines arrive in April.</p>\n<embed "
    )
    assert ferry.body.endswith(
        "<p>We kept the early boat because the night shift needs it.</p>\n"
        "<p>A spokesperson [sic] said the change would be reviewed in spring.</p>"
    )
    assert (
        "[pullquote" not in ferry.body and "Shortcodes removed (their text kept): [pullquote] ×1" in imported
    )


def test_no_category_or_uncategorized_goes_to_the_default_section_and_an_unlisted_login_is_still_bylined(
    imported,
):
    buses, market = story("night-buses"), story("fish-market-reopens")
    assert buses.section == market.section == Section.objects.get(name="News", slug="news")
    assert [(a.name, a.slug) for a in buses.bylined_authors()] == [("guest.writer", "guestwriter")]
    assert [a.name for a in market.bylined_authors()] == ["Night Desk"]  # no display name: first and last
    assert "Uncategorized" not in market.tags.names()
    assert "Author “guest.writer” is named by a post but not listed in the export" in imported


def test_a_category_named_like_a_site_path_gets_a_suffixed_section_and_other_categories_become_tags(imported):
    berth = story("new-berth-approved")
    # Yoast's primary category (Feeds) is the section; "feeds" is the site's own path.
    assert (berth.section.name, berth.section.slug) == ("Feeds", "feeds-section")
    assert list(berth.tags.names()) == ["Harbour Council"]
    assert (
        "Category “Feeds”: the address /feeds/ is taken by the site, so its section is /feeds-section/."
        in imported
    )
    assert not Section.objects.filter(slug__in=Section.RESERVED_SLUGS).exists()
    assert set(Section.objects.values_list("slug", flat=True)) == {"harbour", "feeds-section", "news"}


def test_authors_come_with_their_bios_and_a_placeholder_bio_is_set_aside(imported):
    mira = Author.objects.get(slug="miraokafor")
    assert mira.bio_paragraphs == [
        "Mira covers the port, the ferries and the people who work the night shift on the quay.",
        "She joined the paper from the county weekly.",
    ]
    tom = Author.objects.get(name="Tom Brennan")
    assert tom.bio == ""
    note = SetAside.objects.get(ref="author tbrennan")
    assert "placeholder text (“Lorem ipsum”)" in note.reason
    assert note.excerpt.startswith("Lorem ipsum dolor sit amet")
    # The story he wrote is published all the same: the bio no longer blocks it.
    assert story("harbour-master-retires").status == "published"


def test_featured_images_come_from_the_uploads_folder_or_the_web(imported, media_server):
    ferry, berth = story("winter-ferry-timetable"), story("new-berth-approved")
    assert ferry.lead_image.title == "quay-dawn"
    assert ferry.lead_image_alt == "The quay at dawn, two ferries moored"
    assert ferry.lead_image_caption == "Crews prepare the first crossing of the day."
    assert (ferry.lead_image.width, ferry.lead_image.height) == (64, 36)
    assert berth.lead_image_alt == "Drawing of the planned second berth"
    assert media_server[1] == ["/wp-content/uploads/2024/03/east-pier.png"]  # only what the folder lacked
    # The picture in the text is the same upload: stored once, embedded in the body.
    assert get_image_model().objects.count() == 2
    assert f'embedtype="image" format="captioned" id="{ferry.lead_image.pk}"' in ferry.body
    assert 'alt="The quay at dawn"' in ferry.body_html and "harbourtimes.example" not in ferry.body_html


def test_an_image_that_cannot_be_had_never_stops_its_post(db, export):
    output, status = import_wordpress(export, "--no-fetch")
    assert status == 0
    ferry, berth = story("winter-ferry-timetable"), story("new-berth-approved")
    assert ferry.status == berth.status == "published"
    assert ferry.lead_image is None and berth.lead_image is None
    assert "Images: 3 failed" in output
    reasons = list(SetAside.objects.filter(ref="post 102").values_list("reason", flat=True))
    assert reasons == [
        "The featured image was not imported: "
        f"{export.read_text().split('<wp:attachment_url><![CDATA[')[2].split(']]')[0]}: no local copy "
        "(give --media-dir), and fetching is off (--no-fetch)."
    ]
    # The picture in the text stays a link to the old site, and the editor is told.
    assert "harbourtimes.example/wp-content/uploads/2024/03/quay-dawn.png" in ferry.body
    assert SetAside.objects.get(ref="post 101", reason__startswith="An image in the text").article == ferry


def test_drafts_scheduled_posts_and_what_is_skipped(imported):
    draft, ships = story("draft-harbour-dredging-plans"), story("tall-ships-return")
    assert draft.status == "draft" and draft.first_published_at is None
    assert ships.status == "scheduled" and ships.go_live_at == datetime(2099, 6, 1, 7, tzinfo=UTC)
    assert not Article.objects.filter(
        headline__in=["About the Harbour Times", "Home", "Staff rota for March"]
    ).exists()
    assert "Skipped: 1 page items (only posts are imported)" in imported
    assert "Skipped: 1 nav_menu_item items (only posts are imported)" in imported
    assert "Skipped: 1 private posts (not public in WordPress)" in imported
    assert Article.objects.count() == 7


def test_html_is_sanitised_and_an_excerpt_that_repeats_the_headline_is_dropped(imported):
    market = story("fish-market-reopens")
    for unsafe in ("<script", "tracking", "onerror", "javascript:"):
        assert unsafe not in market.body and unsafe not in market.body_html
    assert market.body.startswith("<p>Traders were back at their stalls by six.</p>")
    assert market.excerpt == ""
    assert market.summary == "Traders were back at their stalls by six."


def test_bad_items_are_set_aside_with_their_reason_and_the_rest_imported(imported):
    reasons = dict(SetAside.objects.filter(ref__startswith="post 1").values_list("ref", "reason"))
    assert reasons["post 109"] == "It has neither a title nor any text."
    assert (
        reasons["post 110"]
        == "Its publication date (wp:post_date_gmt “2024-02-31 10:00:00”) is not a real date."
    )
    assert "Posts: 7 created, 2 set aside" in imported
    assert "Set aside: post 110 “Lifeboat crew honoured”: Its publication date" in imported
    assert not Article.objects.filter(headline="Lifeboat crew honoured").exists()


def test_the_summary_counts_every_kind(imported):
    for line in [
        "14 items read.",
        "Sections: 3 created",
        "Tags: 3 created",
        "Authors: 4 created",
        "Images: 2 imported, 1 reused",
    ]:
        assert line in imported
    assert f"Redirects: {OldURL.objects.count()} created" in imported


def test_running_again_creates_nothing_new(imported, export, uploads, media_server):
    counts = [m.objects.count() for m in (Article, Section, Tag, Author, OldURL, ImportedImage, SetAside)]
    output, status = import_wordpress(export, "--media-dir", uploads)
    assert status == 0
    assert "Posts: 7 unchanged, 2 set aside" in output
    for kind in ("Sections", "Tags", "Authors", "Images", "Redirects"):
        assert f"{kind}: none" in output
    assert [
        m.objects.count() for m in (Article, Section, Tag, Author, OldURL, ImportedImage, SetAside)
    ] == counts
    assert len(media_server[1]) == 1


def test_a_post_changed_in_wordpress_is_updated_on_the_next_run(imported, export, uploads):
    ferry = story("winter-ferry-timetable")
    revisions = ferry.revisions.count()
    text = export.read_text()
    export.write_text(
        text.replace("down from every half hour.", "down from every twenty minutes.").replace(
            "<wp:post_modified_gmt><![CDATA[2024-03-05 09:15:00]]>",
            "<wp:post_modified_gmt><![CDATA[2024-03-06 08:00:00]]>",
        )
    )
    output, status = import_wordpress(export, "--media-dir", uploads)
    assert "Posts: 1 updated, 6 unchanged, 2 set aside" in output
    ferry.refresh_from_db()
    assert "every twenty minutes" in ferry.body_html and "half hour" not in ferry.body_html
    assert ferry.updated_at == datetime(2024, 3, 6, 8, tzinfo=UTC)
    assert ferry.first_published_at == datetime(2024, 3, 5, 9, 15, tzinfo=UTC)
    assert ferry.revisions.count() > revisions  # the WordPress text it had is kept as a revision
    assert [a.name for a in ferry.bylined_authors()] == ["Mira Okafor"]
    assert ImportedPost.objects.get(wp_id=101).article == ferry
    assert Article.objects.count() == 7


def test_a_draft_published_in_wordpress_since_is_published_on_the_next_run(imported, export, uploads):
    text = export.read_text().replace(
        "<wp:status><![CDATA[draft]]></wp:status>", "<wp:status><![CDATA[publish]]></wp:status>"
    )
    export.write_text(text.replace("<![CDATA[0000-00-00 00:00:00]]>", "<![CDATA[2024-03-07 08:00:00]]>"))
    output, _ = import_wordpress(export, "--media-dir", uploads)
    assert "Posts: 1 updated" in output
    dredging = story("draft-harbour-dredging-plans")
    assert dredging.status == "published"
    assert dredging.first_published_at == datetime(2024, 3, 7, 8, tzinfo=UTC)
    assert dredging.body_html == "<p>Notes for the dredging story, to be finished after the meeting.</p>"


def test_a_story_edited_in_the_newsroom_keeps_the_newsroom_text(imported, export, uploads, django_user_model):
    ferry = story("winter-ferry-timetable")
    editor = django_user_model.objects.create_user("editor")
    update_article(ferry, by=editor, headline="Ferries every forty minutes this winter")
    export.write_text(
        export.read_text().replace("down from every half hour.", "down from every twenty minutes.")
    )
    output, _ = import_wordpress(export, "--media-dir", uploads)
    ferry.refresh_from_db()
    assert ferry.headline == "Ferries every forty minutes this winter"
    assert "half hour" in ferry.body_html
    assert "Posts: 6 unchanged, 1 kept, 2 set aside" in output
    assert "its story has been edited in the newsroom since; kept the newsroom's text" in output


def test_a_story_deleted_in_the_newsroom_is_not_imported_again(imported, export, uploads):
    story("night-buses").delete()
    output, _ = import_wordpress(export, "--media-dir", uploads)
    assert not Article.objects.filter(slug="night-buses").exists()
    assert "its story was deleted in the newsroom, so it is not imported again" in output


def test_slugs_taken_by_other_stories_get_a_suffix(db, export, uploads):
    existing = make_article("An older story about something else", slug="night-buses")
    output, _ = import_wordpress(export, "--media-dir", uploads)
    assert story("night-buses") == existing
    assert story("night-buses-2").headline == "Night buses to meet the late ferry"
    assert "another story has the slug “night-buses”; this one is “night-buses-2”" in output


def test_a_broken_export_keeps_what_came_before_the_break_and_fails(db):
    existing = make_article("Harbour story from before the import")
    output, status = import_wordpress(FIXTURES / "broken.xml")
    assert status == 1
    assert "CommandError: The export stops before its end" in output and "looks truncated" in output
    assert "Posts: 2 created" in output
    assert set(Article.objects.values_list("slug", flat=True)) == {
        existing.slug,
        "pilot-boat-engine",
        "quay-lights",
    }
    assert story("quay-lights").first_published_at == datetime(2023, 11, 3, 10, tzinfo=UTC)
    note = SetAside.objects.get(ref="export")
    assert (note.title, note.site) == ("broken.xml", "harbourtimes.example")
    assert "looks truncated" in note.reason


def test_a_file_that_is_not_an_export_or_not_there_fails_clearly_and_stores_nothing(db):
    output, status = import_wordpress(FIXTURES / "not-wxr.xml")
    assert status == 1 and "not-wxr.xml is not a WordPress export (WXR)" in output
    output, status = import_wordpress(FIXTURES / "missing.xml")
    assert status == 1 and "No such file:" in output
    assert not Article.objects.exists() and not SetAside.objects.exists()


def test_a_dry_run_reports_and_stores_nothing(db, export, uploads, media_server):
    output, status = import_wordpress(export, "--media-dir", uploads, "--dry-run")
    assert status == 0
    assert "Dry run: nothing was stored." in output and "Posts: 7 created, 2 set aside" in output
    assert "Images: 2 not loaded (dry run)" in output
    for model in (Article, Section, Author, OldURL, SetAside, ImportedPost, get_image_model()):
        assert not model.objects.exists(), model
    assert media_server[1] == []


def test_a_future_post_whose_time_has_come_is_published(db, export, uploads):
    export.write_text(export.read_text().replace("2099-06-01 07:00:00", "2024-03-12 07:00:00"))
    import_wordpress(export, "--media-dir", uploads)
    ships = story("tall-ships-return")
    assert ships.status == "published" and ships.first_published_at == datetime(2024, 3, 12, 7, tzinfo=UTC)
    assert ships.first_published_at < timezone.now()


def test_images_that_failed_are_tried_again_by_the_next_run(db, export, uploads):
    import_wordpress(export, "--no-fetch")
    ferry = story("winter-ferry-timetable")
    assert ferry.lead_image is None
    output, _ = import_wordpress(export, "--media-dir", uploads)
    assert "Posts: 2 updated, 5 unchanged" in output and "Images: 2 imported, 1 reused" in output
    ferry.refresh_from_db()
    assert ferry.lead_image.title == "quay-dawn" and "harbourtimes.example" not in ferry.body_html
    assert ferry.updated_at is None  # nothing changed for readers but the pictures
    assert not SetAside.objects.filter(reason__contains="image").exists()


def test_without_a_gmt_date_the_feed_date_then_the_local_date_is_used(db, export, uploads):
    text = export.read_text()
    text = text.replace("<wp:post_date_gmt><![CDATA[2024-03-06 14:30:00]]></wp:post_date_gmt>", "")
    text = text.replace("<wp:post_date_gmt><![CDATA[2024-03-05 09:15:00]]></wp:post_date_gmt>", "")
    text = text.replace("<pubDate>Tue, 05 Mar 2024 09:15:00 +0000</pubDate>", "")
    export.write_text(text)
    output, _ = import_wordpress(export, "--media-dir", uploads)
    assert story("new-berth-approved").first_published_at == datetime(2024, 3, 6, 14, 30, tzinfo=UTC)
    # Only WordPress's local time: taken in the newsroom's time zone (Pacific/Chatham in tests).
    assert story("winter-ferry-timetable").first_published_at == datetime(2024, 3, 4, 19, 30, tzinfo=UTC)
    assert "post 101: WordPress gave only its local time; taken as Pacific/Chatham." in output


def test_an_author_named_like_a_byline_is_shown_with_one_by(db, export, uploads, client):
    export.write_text(export.read_text().replace("[CDATA[Mira Okafor]]", "[CDATA[By Mira Okafor]]"))
    output, status = import_wordpress(export, "--media-dir", uploads)
    assert status == 0, output
    ferry = story("winter-ferry-timetable")
    assert [a.name for a in ferry.bylined_authors()] == ["Mira Okafor"]
    page = client.get(ferry.get_absolute_url()).content.decode()
    assert "By By" not in page and ">Mira Okafor</a>" in page
