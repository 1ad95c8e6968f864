"""The WXR reader: every version's namespaces, hostile and broken files, and a stream that stays small."""

import subprocess
import sys
import textwrap

import pytest

from copydesk.wordpress.wxr import Export, ExportError

from .conftest import FIXTURES


def test_reads_the_channel_and_every_item_with_its_parts():
    export = Export(FIXTURES / "harbour.xml")
    entries = {entry.wp_id: entry for entry in export.entries()}
    channel = export.channel
    assert channel.site == "harbourtimes.example"
    assert channel.wxr_version == "1.2"
    assert set(channel.authors) == {"mira.okafor", "tbrennan", "desk"}
    assert channel.authors["mira.okafor"].display_name == "Mira Okafor"
    assert channel.authors["mira.okafor"].description.startswith("Mira covers the port")
    assert channel.categories["council"].parent == "harbour"
    assert channel.tags["night-shift"].name == "Night shift"
    assert list(entries) == [
        "101", "102", "103", "104", "105", "106", "201", "202", "107", "108", "109", "110", "111", "112",
    ]  # fmt: skip
    post = entries["101"]
    assert (post.post_type, post.status, post.post_name, post.date_gmt, post.creator) == (
        "post", "publish", "winter-ferry-timetable", "2024-03-05 09:15:00", "mira.okafor",
    )  # fmt: skip
    assert post.content.startswith("The harbour authority said") and "\n\nPassengers" in post.content
    assert post.excerpt.startswith("Crossings drop")
    assert [(t.taxonomy, t.nicename, t.name) for t in post.terms] == [
        ("category", "harbour", "Harbour"), ("post_tag", "ferries", "Ferries"), ("post_tag", "night-shift", "Night shift"),
    ]  # fmt: skip
    assert post.meta == {"_thumbnail_id": "201"}
    assert entries["201"].attachment_url.endswith("/2024/03/quay-dawn.png")
    assert entries["201"].meta["_wp_attachment_image_alt"] == "The quay at dawn, two ferries moored"


def test_older_export_versions_are_read_alike(tmp_path):
    path = tmp_path / "old.xml"
    path.write_text((FIXTURES / "harbour.xml").read_text().replace("export/1.2/", "export/1.0/"))
    export = Export(path)
    post = next(export.entries())
    assert (post.wp_id, post.post_name, post.excerpt[:9]) == ("101", "winter-ferry-timetable", "Crossings")
    assert export.channel.wxr_version == "1.2"  # the element's text, whatever its namespace says


def test_a_truncated_export_yields_the_items_before_the_break_then_says_where():
    export = Export(FIXTURES / "broken.xml")
    seen = []
    with pytest.raises(ExportError) as error:
        for entry in export.entries():
            seen.append(entry.wp_id)
    assert seen == ["301", "302"]
    last_line = len((FIXTURES / "broken.xml").read_text().splitlines())
    assert str(error.value).startswith(
        f"The export stops before its end, at line {last_line}: the file looks truncated (CData section not "
        "finished). The 2 items before that point were read; nothing after it was."
    )


def test_broken_xml_in_the_middle_is_located(tmp_path):
    path = tmp_path / "export.xml"
    text = (FIXTURES / "harbour.xml").read_text()
    path.write_text(text.replace("<wp:post_id>103</wp:post_id>", "<wp:post_id>103</wp:post>"))
    line = text[: text.index("<wp:post_id>103")].count("\n") + 1
    with pytest.raises(ExportError, match=f"The export is not well-formed XML at line {line}, column"):
        list(Export(path).entries())


def test_a_feed_that_is_not_a_wordpress_export_is_refused_by_name():
    with pytest.raises(
        ExportError, match="not-wxr.xml is not a WordPress export .WXR.: it does not use the WordPress"
    ):
        list(Export(FIXTURES / "not-wxr.xml").entries())


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is not XML"),
        (b"<html><body>Not found</body></html>", "its root element is <html>"),
        (b"PK\x03\x04 a zip file", "is not XML"),
    ],
)
def test_other_files_are_refused_as_not_an_export(tmp_path, content, words):
    path = tmp_path / "export.xml"
    path.write_bytes(content)
    with pytest.raises(ExportError, match=words):
        list(Export(path).entries())


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
        b'<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">',
        b'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entities_and_outside_dtds_are_refused_before_anything_is_read(tmp_path, doctype):
    path = tmp_path / "hostile.xml"
    path.write_bytes(
        b'<?xml version="1.0"?>\n' + doctype + b"\n"
        b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>'
        b"<item><title>&lol2;</title><wp:post_id>1</wp:post_id></item></channel></rss>"
    )
    with pytest.raises(ExportError, match="declares XML entities or names a DTD"):
        next(Export(path).entries())


def test_a_missing_file_is_named():
    with pytest.raises(ExportError, match="No such file: .*nowhere.xml"):
        list(Export(FIXTURES / "nowhere.xml").entries())


def test_a_large_export_is_read_without_holding_it_in_memory(tmp_path):
    """60 MB of posts: a reader that kept the tree would need several times that; this one stays flat."""
    path = tmp_path / "large.xml"
    body = "Crossings every forty minutes. " * 200  # about 6 KB a post
    with path.open("w") as out:
        out.write(
            '<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        )
        out.write("<channel><link>https://big.example</link><wp:wxr_version>1.2</wp:wxr_version>")
        for n in range(10_000):
            out.write(
                f"<item><title>Post {n}</title><content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<wp:post_id>{n}</wp:post_id><wp:post_type>post</wp:post_type></item>"
            )
        out.write("</channel></rss>")
    script = textwrap.dedent(
        f"""
        import resource
        from copydesk.wordpress.wxr import Export
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        count = sum(1 for entry in Export({str(path)!r}).entries() if len(entry.content) > 6000)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(count, grown // 1024)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    count, grown_mb = map(int, result.stdout.split())
    assert path.stat().st_size > 60_000_000
    assert count == 10_000
    assert grown_mb < 20, f"reading a {path.stat().st_size // 2**20} MB export grew memory by {grown_mb} MB"
