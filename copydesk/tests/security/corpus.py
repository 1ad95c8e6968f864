"""The stored-XSS corpus and the code that stores it through ingest, the WordPress import and the
fields each role writes (run once, in the seed process: seed.py)."""

import json

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

HALVES = (" ".join(PAYLOADS[:4]), " ".join(PAYLOADS[4:]))


def ninjs_item(n, half):
    # The headline and byline carry half the corpus each: a story's headline holds 255 characters and
    # a byline 255, and an item over either is set aside as unstorable instead of reaching a page.
    return {
        "uri": f"urn:xss:{n}", "type": "text", "version": "1", "pubstatus": "usable", "language": "en",
        "versioncreated": "2026-11-20T09:00:00Z", "firstcreated": "2026-11-20T09:00:00Z",
        "headlines": [{"role": "main", "value": f"Wire story {n} {half}"}],
        "descriptions": [{"role": "summary", "value": "Summary " + CORPUS}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Body " + CORPUS + "</p>"}],
        "by": "Agency writer " + half, "subjects": [{"name": "Tag " + PAYLOADS[1]}],
    }  # fmt: skip


NINJS = {"items": [ninjs_item(n, half) for n, half in enumerate(HALVES, 1)]}

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
hostile = {**diagnostics, "articles": [a.get_absolute_url() for a in stories], "admin": [a.pk for a in stories],
           "sections": [s.get_absolute_url() for s in Section.objects.filter(name__startswith="Section ")],
           "authors": [a.get_absolute_url() for a in Author.objects.filter(Q(name__startswith="Author ") | Q(name__startswith="Mira"))]}
"""


INGEST_AND_IMPORT = r"""
import io
from pathlib import Path
from django.core.management import call_command
from copydesk.newsroom.models import Agency, Section
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Source
wire = Source.objects.create(name="XSS wire", agency=Agency.objects.first(), transport="http",
                             url="https://wire.example/xss", format="ninjs", section=Section.objects.first(),
                             rule="publish", active=False)  # stored once here; no worker polls it
delivery = ingest_delivery(wire, Path(%r).read_bytes(), "xss.json")
out = io.StringIO()
try:
    call_command("import-wordpress", %r, "--no-fetch", stdout=out, stderr=out)
except BaseException as error:
    out.write(repr(error))
diagnostics = {"delivery": delivery.counts, "rejections": list(delivery.rejections.values_list("reason", flat=True)),
               "import": out.getvalue()[-800:]}
"""


def store_code(base) -> str:
    """Python for the seed process: writes the delivery and the export under base, stores them and the
    role fields, and leaves the pages to visit in `hostile`."""
    export, delivery = base / "xss-export.xml", base / "xss-delivery.json"
    export.write_text(WXR.replace("{c}", CORPUS))
    delivery.write_text(json.dumps(NINJS))
    return INGEST_AND_IMPORT % (str(delivery), str(export)) + ROLE_FIELDS % json.dumps(CORPUS)
