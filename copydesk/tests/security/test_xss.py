"""Stored XSS: hostile text through ingest, the WordPress import and the fields each role writes,
rendered in Chromium on every page that shows it, public and admin. No dialog may open."""

import json
import shutil

import pytest

from copydesk.conftest import CHROMIUM, CHROMIUM_ARGS

from .stack import HOST

PAYLOADS = [
    '<script>alert("x1")</script>',
    '"><img src=x onerror=alert("x2")>',
    "'><svg onload=alert('x3')>",
    '</title><script>alert("x4")</script>',
    "<a href=\"javascript:alert('x5')\">tap</a>",
    '<iframe srcdoc="<script>alert(6)</script>"></iframe>',
    '<details open ontoggle=alert("x7")>',
    "</script><script>alert('x8')</script>",
]
CORPUS = " ".join(PAYLOADS)

NINJS = {
    "items": [{
        "uri": "urn:xss:1", "type": "text", "version": "1", "pubstatus": "usable", "language": "en",
        "versioncreated": "2026-11-20T09:00:00Z", "firstcreated": "2026-11-20T09:00:00Z",
        "headlines": [{"role": "main", "value": "Wire story " + CORPUS}],
        "descriptions": [{"role": "summary", "value": "Summary " + CORPUS}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Body " + CORPUS + "</p>"}],
        "by": "Agency writer " + CORPUS, "subjects": [{"name": "Tag " + PAYLOADS[1]}],
    }]
}  # fmt: skip

WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel><title>Harbour Times</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://harbourtimes.example</wp:base_site_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mira]]></wp:author_login>
<wp:author_display_name><![CDATA[Mira {c}]]></wp:author_display_name>
<wp:author_description><![CDATA[Bio {c}]]></wp:author_description></wp:author>
<item><title><![CDATA[Imported story {c}]]></title><dc:creator><![CDATA[mira]]></dc:creator>
<link>https://harbourtimes.example/2024/03/05/imported/</link><pubDate>Tue, 05 Mar 2024 09:15:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Imported body {c}</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Excerpt {c}]]></excerpt:encoded>
<wp:post_id>41</wp:post_id><wp:post_date_gmt>2024-03-05 09:15:00</wp:post_date_gmt><wp:post_name>imported</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="xss"><![CDATA[Section {c}]]></category>
<category domain="post_tag" nicename="xss-tag"><![CDATA[Tag {c}]]></category></item>
</channel></rss>"""

# A Reporter's story, an Editor's section and author: each field they control, through the actions.
ROLE_FIELDS = r"""
import json
from django.contrib.auth import get_user_model
from copydesk.newsroom.actions import create_article, publish_article
from copydesk.newsroom.models import Article, Author, Section
C = json.loads(%r)
users = {u.username: u for u in get_user_model().objects.all()}
section = Section.objects.create(name=("Section " + C)[:80], slug="xss-section", description="About " + C, order=99)
author = Author.objects.create(name=("Author " + C)[:120], slug="xss-author", job_title=("Job " + C)[:100],
                               bio="Bio " + C)
story = create_article(headline=("Reporter story " + C)[:255], slug="reporter-xss", body="<p>" + C + "</p>",
                       section=section, authors=[author], tags=["tag " + C[:60]], dek="Dek " + C,
                       byline="By " + C[:200], by=users["reporter"], owner=users["reporter"])
publish_article(story, by=users["editor"])
from django.db.models import Q
stories = Article.objects.live().filter(Q(headline__startswith="Wire story") | Q(headline__startswith="Imported story")
                                        | Q(headline__startswith="Reporter story"))
print(json.dumps({**diagnostics, "articles": [a.get_absolute_url() for a in stories], "admin": [a.pk for a in stories],
                  "sections": [s.get_absolute_url() for s in Section.objects.filter(name__startswith="Section ")],
                  "authors": [a.get_absolute_url() for a in Author.objects.filter(Q(name__startswith="Author ") | Q(name__startswith="Mira"))]}))
"""


@pytest.fixture(scope="module")
def hostile_site(stack, site):
    export = stack.base / "xss-export.xml"
    export.write_text(WXR.replace("{c}", CORPUS))
    (stack.base / "xss-delivery.json").write_text(json.dumps(NINJS))
    # One process: the delivery goes through the same ingest the worker runs, then the import command.
    code = INGEST_AND_IMPORT % (
        str(stack.base / "xss-delivery.json"),
        str(export),
    ) + ROLE_FIELDS % json.dumps(CORPUS)
    return json.loads(stack.shell(code).strip().splitlines()[-1])


INGEST_AND_IMPORT = r"""
import io
from pathlib import Path
from django.core.management import call_command
from copydesk.newsroom.models import Agency, Section
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Source
wire = Source.objects.create(name="XSS wire", agency=Agency.objects.first(), transport="http",
                             url="https://wire.example/xss", format="ninjs", section=Section.objects.first(),
                             rule="publish")
delivery = ingest_delivery(wire, Path(%r).read_bytes(), "xss.json")
out = io.StringIO()
try:
    call_command("import-wordpress", %r, "--no-fetch", stdout=out, stderr=out)
except BaseException as error:
    out.write(repr(error))
diagnostics = {"delivery": delivery.counts, "rejections": list(delivery.rejections.values_list("reason", flat=True)),
               "import": out.getvalue()[-800:]}
"""


def test_no_stored_payload_opens_a_dialog_anywhere(stack, hostile_site):
    if not CHROMIUM.exists():
        (pytest.fail if shutil.which("apt-get") is None else pytest.skip)("Debian's chromium is needed")
    from playwright.sync_api import sync_playwright

    origin = f"https://{HOST}:{stack.https_port}"
    public = ["/", "/search/?q=" + PAYLOADS[1], "/feeds/rss.xml", *hostile_site["articles"]]
    public += hostile_site["sections"] + hostile_site["authors"]
    admin = ["/admin/", "/admin/snippets/newsroom/article/", "/admin/wire/queue/", "/admin/source/",
             "/admin/rejection/", "/admin/delivery/", "/admin/snippets/newsroom/article/?q=alert"]  # fmt: skip
    admin += [f"/admin/snippets/newsroom/article/edit/{pk}/" for pk in hostile_site["admin"]]
    assert len(hostile_site["articles"]) >= 3, hostile_site  # ingest, WordPress and the Reporter's story
    editor = stack.signed_in("editor")
    dialogs, loaded = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"],
        )
        context = browser.new_context(ignore_https_errors=True)
        context.add_cookies([{"name": c.name, "value": c.value, "url": origin} for c in editor.cookies.jar])
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
        for path in public + admin:
            response = page.goto(origin + path, wait_until="load")
            page.wait_for_timeout(50)  # let onload, ontoggle and onerror handlers run
            loaded.append((path, response.status if response else None))
        browser.close()
    assert dialogs == []
    assert all(status == 200 for _, status in loaded), loaded
