"""XML attacks on every XML entry: agency feeds (RSS, Atom, NewsML-G2) and the WordPress import."""

import subprocess
import time
from pathlib import Path

from copydesk.public.tests.servers import VENV_BIN

from .stack import csrf_token

FIXTURES = Path(__file__).resolve().parents[2] / "wire" / "tests" / "fixtures"
MARKER = "XXE-MARKER-5b1f"
HOSTILE = ("billion_laughs.xml", "external_entity.xml", "remote_dtd.xml")

WXR_ENTITIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY secret SYSTEM "file://{marker}">
  <!ENTITY a "quay quay quay quay quay quay quay quay quay quay">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Times</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://harbourtimes.example</wp:base_site_url>
<item><title>&secret;</title><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded>&i;</content:encoded><wp:post_id>7</wp:post_id></item>
</channel></rss>"""


def hostile(path, marker_file):
    return path.read_text().replace("file:///etc/passwd", f"file://{marker_file}")


def test_entities_in_agency_feeds_are_refused_and_read_nothing(stack, site):
    marker_file = stack.base / "marker.txt"
    marker_file.write_text(MARKER)
    admin = stack.session("administrator")
    page = admin.get("/admin/source/new/")
    for format_name in ("rss", "atom", "newsml"):
        folder = stack.drop_root / f"xml-{format_name}"
        folder.mkdir()
        for name in HOSTILE:
            if (FIXTURES / format_name / name).exists():
                (folder / name).write_text(hostile(FIXTURES / format_name / name, marker_file))
        answer = admin.post("/admin/source/new/", data={
            "csrfmiddlewaretoken": csrf_token(page.text), "name": f"XML {format_name}", "agency": site["agency"],
            "transport": "folder", "folder": str(folder), "format": format_name, "poll_interval": "300",
            "section": site["section"], "rule": "publish", "active": "on", "show_usage_terms": "required",
        })  # fmt: skip
        assert answer.status_code == 302, format_name
    started = time.monotonic()
    stack.worker_round()
    assert time.monotonic() - started < 120
    for format_name in ("rss", "atom", "newsml"):
        delivered = sorted(p.name for p in (stack.drop_root / f"xml-{format_name}" / "failed").iterdir())
        assert delivered, f"{format_name}: the hostile deliveries are refused"
    set_aside = admin.get("/admin/rejection/").text
    assert (
        MARKER not in set_aside and "quay quay quay quay quay quay quay quay quay quay quay" not in set_aside
    )
    assert MARKER not in stack.client().get("/").text
    assert marker_count(stack) == 0


# Anywhere the marker could land: a story, a wire item, a set-aside delivery's excerpt.
FIND_MARKER = (
    "SELECT (SELECT count(*) FROM newsroom_article WHERE body LIKE %(m)s OR headline LIKE %(m)s)"
    " + (SELECT count(*) FROM wire_wireitem WHERE headline LIKE %(m)s)"
    " + (SELECT count(*) FROM wire_rejection WHERE excerpt LIKE %(m)s)"
)


def marker_count(stack) -> int:
    return stack.sql(FIND_MARKER, {"m": f"%{MARKER}%"})


def test_entities_in_a_wordpress_export_are_refused(stack):
    marker_file = stack.base / "marker.txt"
    marker_file.write_text(MARKER)
    export = stack.base / "hostile-export.xml"
    export.write_text(WXR_ENTITIES.format(marker=marker_file))
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603
        [str(VENV_BIN / "copydesk"), "import-wordpress", str(export), "--no-fetch"],
        env=stack.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert time.monotonic() - started < 120  # a program start and a refusal; no expansion
    assert MARKER not in result.stdout + result.stderr
    assert marker_count(stack) == 0
