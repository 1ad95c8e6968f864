"""WordPress post content becomes a story body as WordPress would have shown it, then sanitised."""

from copydesk.wordpress.content import body_html, plain_text
from copydesk.wordpress.media import Attachment

SITE = "https://harbourtimes.example/wp-content/uploads"


def test_blank_lines_become_paragraphs_and_single_newlines_line_breaks():
    content = (
        "The ferry left at six.\n\nPassengers queued\nin the rain.\n\n"
        "<blockquote>We waited an hour.\n\nThen it came.</blockquote>\n\nNobody complained."
    )
    assert body_html(content).html == (
        "<p>The ferry left at six.</p>\n<p>Passengers queued<br>\nin the rain.</p>\n"
        "<blockquote><p>We waited an hour.</p>\n<p>Then it came.</p></blockquote>\n<p>Nobody complained.</p>"
    )


def test_block_editor_content_is_kept_as_written():
    content = (
        "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:paragraph -->\n<p>Two\nlines.</p>\n<!-- /wp:paragraph -->"
    )
    # No <br> for the newline: WordPress does not run wpautop over block content either.
    assert body_html(content).html == "<p>One.</p>\n<p>Two\nlines.</p>"


def test_preformatted_text_is_not_split_into_paragraphs():
    # The allow-list has no <pre>: its text stays, unsplit.
    assert body_html("<pre>line one\n\nline two</pre>\n\nAfter.").html == "line one\nline two\n<p>After.</p>"


def test_caption_becomes_a_figure_with_its_caption_out_of_the_paragraph():
    content = (
        'Before.\n\n[caption id="attachment_9" align="alignleft" width="300"]<a href="https://harbourtimes.example/a/">'
        f'<img src="{SITE}/boats.jpg" alt="Boats" /></a> Boats in the bay.[/caption]\n\nAfter.'
    )
    assert body_html(content).html == (
        '<p>Before.</p>\n<figure><a href="https://harbourtimes.example/a/" rel="noopener noreferrer">'
        f'<img src="{SITE}/boats.jpg" alt="Boats"></a><figcaption>Boats in the bay.</figcaption></figure>'
        "<p>After.</p>"
    )


def test_old_style_caption_attribute_is_the_caption():
    content = f'[caption caption="Gulls on the pier"]<img src="{SITE}/gulls.png" alt="Gulls">[/caption]'
    assert body_html(content).html == (
        f'<figure><img src="{SITE}/gulls.png" alt="Gulls"><figcaption>Gulls on the pier</figcaption></figure>'
    )


def test_unknown_shortcodes_are_removed_but_their_text_and_bracketed_prose_stay():
    content = 'See [sic] and [1], [[caption]], [box color="red"]kept text[/box], [divider /] and [note]inner[/note].'
    converted = body_html(content)
    assert converted.html == "<p>See [sic] and [1], [caption], kept text,  and inner.</p>"
    assert converted.removed_shortcodes == ["box", "divider", "note"]


def test_embeds_and_urls_alone_on_a_line_become_links():
    content = (
        "Watch:\n\nhttps://video.example/watch?v=abc\n\n[embed]https://video.example/v/2[/embed]\n\n"
        '[video src="https://cdn.example/clip.mp4"]'
    )
    links = [
        f'<p><a href="{url}" rel="noopener noreferrer">{url}</a></p>'
        for url in (
            "https://video.example/watch?v=abc",
            "https://video.example/v/2",
            "https://cdn.example/clip.mp4",
        )
    ]
    assert body_html(content).html == f"<p>Watch:</p>\n{links[0]}\n{links[1]}{links[2]}"


def test_gallery_shows_the_images_of_its_attachments():
    attachments = {
        "5": Attachment("5", f"{SITE}/five.png", alt="Five boats"),
        "6": Attachment("6", f"{SITE}/six.png"),
    }
    assert body_html('[gallery ids="5, 6,99"]', attachments).html == (
        f'<figure class="gallery"><img src="{SITE}/five.png" alt="Five boats"><img src="{SITE}/six.png" alt=""></figure>'
    )


def test_scripts_event_handlers_frames_and_javascript_links_are_removed():
    content = (
        '<p>Hi</p><script>alert(1)</script><img src="https://a.example/x.png" onerror="alert(2)" alt="x">'
        '<a href="javascript:alert(3)">y</a><iframe src="https://evil.example/"></iframe>'
    )
    assert body_html(content).html == (
        '<p>Hi</p>\n<p><img src="https://a.example/x.png" alt="x"><a rel="noopener noreferrer">y</a></p>'
    )


def test_plain_text_drops_tags_and_entities():
    # WordPress stores titles with HTML entities; the export writes them as they are.
    assert (
        plain_text("Ferries&#8217; <em>fares</em>\n &amp; more<script>x()</script>")
        == "Ferries’ fares & more"
    )
