"""A tag made only of symbols ("★★★") gets a slug, and every page that links it answers.

It arrives the two ways outside text becomes a tag: an agency's feed category and a WordPress
export's post tag.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from taggit.models import Tag

from copydesk.accounts.roles import sync_roles
from copydesk.newsroom.models import Article
from copydesk.public import feeds
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.tests.builders import make_source
from copydesk.wordpress.tests.conftest import import_wordpress

pytestmark = pytest.mark.django_db

STARS = "★★★"
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Northwind Wire</title><link>https://wire.northwind.example/</link>
<description>Regional copy.</description>
<item><title>Eastbrook observatory opens its dome to the public</title>
<guid isPermaLink="false">nwa:eastbrook:stars-1</guid>
<pubDate>Fri, 20 Nov 2026 09:15:00 +0000</pubDate>
<category>{STARS}</category><category>Science</category>
<description>The dome on Beacon Hill opens on clear Friday nights from December.</description>
</item></channel></rss>""".encode()

EXPORT = f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>The Harbour Times</title><link>https://harbourtimes.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://harbourtimes.example</wp:base_site_url>
<wp:base_blog_url>https://harbourtimes.example</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login>mira</wp:author_login>
<wp:author_display_name>Mira Okafor</wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>harbour</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Harbour</wp:cat_name></wp:category>
<wp:tag><wp:term_id>8</wp:term_id><wp:tag_slug>%e2%98%85%e2%98%85%e2%98%85</wp:tag_slug><wp:tag_name>{STARS}</wp:tag_name></wp:tag>
<item><title>Star-gazers fill the quay for the meteor shower</title>
<link>https://harbourtimes.example/2024/03/05/meteor-shower/</link>
<pubDate>Tue, 05 Mar 2024 21:00:00 +0000</pubDate><dc:creator>mira</dc:creator>
<guid isPermaLink="false">https://harbourtimes.example/?p=101</guid>
<content:encoded><![CDATA[<p>Hundreds of people lay on the quay's warm stones to watch the Perseids.</p>]]></content:encoded>
<excerpt:encoded></excerpt:encoded>
<wp:post_id>101</wp:post_id><wp:post_date>2024-03-05 21:00:00</wp:post_date>
<wp:post_date_gmt>2024-03-05 21:00:00</wp:post_date_gmt><wp:post_modified_gmt>2024-03-05 21:00:00</wp:post_modified_gmt>
<wp:post_name>meteor-shower</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="harbour"><![CDATA[Harbour]]></category>
<category domain="post_tag" nicename="%e2%98%85%e2%98%85%e2%98%85"><![CDATA[{STARS}]]></category>
</item></channel></rss>"""


def every_page_linking(client, tag, article):
    """Fetch each reader page that links the tag; return the status of each."""
    pages = [
        article.get_absolute_url(),
        reverse("public:tag", args=[tag.slug]),
        reverse("public:sitemap", args=["tags"]),
        reverse("public:sitemap_index"),
        *(reverse(f"public:{feeds.TagFeed.url_name}_{name}", args=[tag.slug]) for name in feeds.FORMATS),
        *(reverse(f"public:{feeds.StoryFeed.url_name}_{name}") for name in feeds.FORMATS),
    ]
    return {page: client.get(page).status_code for page in pages}


def test_a_symbol_tag_from_an_agency_feed_gets_a_slug_and_its_pages_answer(client):
    delivery = ingest_delivery(make_source(format="rss"), FEED, "stars.xml")
    assert delivery.counts.get("new") == 1, delivery.counts
    tag = Tag.objects.get(name=STARS)
    assert tag.slug.startswith("tag-")
    article = Article.objects.get()
    assert article.live
    statuses = every_page_linking(client, tag, article)
    assert statuses == dict.fromkeys(statuses, 200)
    page = client.get(reverse("public:tag", args=[tag.slug])).content.decode()
    assert article.headline in page
    assert (
        reverse("public:tag", args=[tag.slug])
        in client.get(reverse("public:sitemap", args=["tags"])).content.decode()
    )


def test_a_symbol_tag_from_a_wordpress_export_keeps_its_old_address_and_the_redirects_page(
    client, tmp_path, django_user_model
):
    export = tmp_path / "stars.xml"
    export.write_text(EXPORT)
    output, status = import_wordpress(export)
    assert status == 0, output
    tag = Tag.objects.get(name=STARS)
    assert tag.slug
    article = Article.objects.get()
    statuses = every_page_linking(client, tag, article)
    assert statuses == dict.fromkeys(statuses, 200)
    old = client.get("/tag/%e2%98%85%e2%98%85%e2%98%85/")
    assert old.status_code == 301 and old["Location"].endswith(reverse("public:tag", args=[tag.slug]))
    sync_roles()
    editor = django_user_model.objects.create(username="editor")
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    redirects = client.get("/admin/wordpress/redirects/")
    assert redirects.status_code == 200
    assert reverse("public:tag", args=[tag.slug]) in redirects.content.decode()


def test_tags_of_symbols_or_taken_words_get_distinct_stable_slugs():
    stars, other = Tag.objects.create(name=STARS), Tag.objects.create(name="☆☆")
    fire = Tag.objects.create(name="fire")
    emoji = Tag.objects.create(name="🔥")
    assert len({stars.slug, other.slug, fire.slug, emoji.slug}) == 4
    assert emoji.slug.startswith("fire-")
    stars.delete()
    assert Tag.objects.create(name=STARS).slug == stars.slug


def test_the_migration_slugs_tags_left_without_one():
    tag = Tag.objects.create(name=STARS)
    Tag.objects.filter(pk=tag.pk).update(slug="")
    migration = importlib.import_module("copydesk.newsroom.migrations.0005_slug_tags_named_only_in_symbols")
    migration.slug_tags(apps, None)
    tag.refresh_from_db()
    assert tag.slug.startswith("tag-")
