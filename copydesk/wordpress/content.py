"""Turn WordPress post content into a story body: shortcodes, WordPress's paragraphs, then the allow-list.

WordPress stores classic-editor posts without `<p>`: blank lines are paragraphs, turned into HTML
when the page is shown (`wpautop`), and `[shortcodes]` are expanded by plugins at the same time.
Block-editor posts (those with `<!-- wp:` comments) are stored as finished HTML.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags

from copydesk.newsroom.sanitise import sanitise_html

# Shortcodes with a meaning we can keep; any other shortcode is removed and named in the summary.
_OPEN = re.compile(r"\[(\[?)([A-Za-z][\w-]*)((?:\s[^\[\]]*?)?)(/?)\](\]?)")
_ATTRS = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)"""
)
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"'\[\]]+)[ \t]*$", re.MULTILINE)
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br>)*</p>\n?")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass
class Converted:
    html: str
    removed_shortcodes: list[str] = field(default_factory=list)


def shortcode_attrs(text: str) -> dict[str, str]:
    """Parse `id="a" width=300 "positional"` as WordPress's shortcode_parse_atts does."""
    attrs, position = {}, 0
    for m in _ATTRS.finditer(text or ""):
        if m.group(1):
            attrs[m.group(1).lower()] = m.group(2)
        elif m.group(3):
            attrs[m.group(3).lower()] = m.group(4)
        elif m.group(5):
            attrs[m.group(5).lower()] = m.group(6)
        else:
            attrs[str(position)] = m.group(7) if m.group(7) is not None else m.group(8)
            position += 1
    return attrs


def _link(url: str) -> str:
    url = html.unescape(url.strip())
    return (
        f'<p><a href="{escape(url)}">{escape(url)}</a></p>' if url.startswith(("http://", "https://")) else ""
    )


def _caption(attrs, inner):
    # The caption is the text after the image, or (WordPress before 3.4) the caption attribute.
    match = re.match(
        r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", inner, re.DOTALL | re.IGNORECASE
    )
    image, text = (match.group(1), match.group(2)) if match else (inner, "")
    text = text.strip() or attrs.get("caption", "")
    caption = f"<figcaption>{text}</figcaption>" if text else ""
    return f"<figure>{image}{caption}</figure>"


def _gallery(attrs, attachments):
    images = []
    for wp_id in re.split(r"\s*,\s*", attrs.get("ids", "").strip()):
        attachment = attachments.get(wp_id)
        if attachment and attachment.url:
            images.append(f'<img src="{escape(attachment.url)}" alt="{escape(attachment.alt)}">')
    return f'<figure class="gallery">{"".join(images)}</figure>' if images else ""


def expand_shortcodes(text: str, attachments=None) -> Converted:
    """Replace the shortcodes WordPress would have expanded; remove unknown ones, keeping their text.

    A bracketed word without attributes or closing tag (“[sic]”, “[1]”) is ordinary text.
    """
    attachments = attachments or {}
    out, removed, position = [], [], 0
    while match := _OPEN.search(text, position):
        out.append(text[position : match.start()])
        escaped, name, raw_attrs, self_closing, _ = match.groups()
        closing = f"[/{name}]"
        end = -1 if self_closing else text.find(closing, match.end())
        if escaped and match.group(5):  # [[name]]: WordPress shows the shortcode itself
            out.append(match.group(0)[1:-1])
            position = match.end()
            continue
        inner = text[match.end() : end] if end >= 0 else ""
        after = end + len(closing) if end >= 0 else match.end()
        attrs = shortcode_attrs(raw_attrs)
        lower = name.lower()
        if lower in ("caption", "wp_caption") and end >= 0:
            out.append(_caption(attrs, expand_shortcodes(inner, attachments).html))
        elif lower == "gallery":
            out.append(_gallery(attrs, attachments))
        elif lower == "embed":
            out.append(_link(inner or attrs.get("src", "")))
        elif lower in ("video", "audio"):
            sources = [attrs.get(k, "") for k in ("src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav")]
            out.append(_link(next((s for s in sources if s), "")))
        elif raw_attrs.strip() or self_closing or end >= 0:
            removed.append(lower)
            if end >= 0:
                nested = expand_shortcodes(inner, attachments)
                out.append(nested.html)
                removed += nested.removed_shortcodes
        else:
            out.append(match.group(0))  # plain text in brackets
            after = match.end()
        position = after
    out.append(text[position:])
    return Converted("".join(out), removed)


# wpautop, after WordPress's wp-includes/formatting.php ---------------------------------------

_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    r"blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|"
    r"nav|figure|figcaption|details|menu|summary)"
)


def autop(text: str) -> str:
    """Make paragraphs of blank-line-separated text and line breaks of single newlines, like wpautop."""
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
    pres = []

    def keep_pre(match):
        pres.append(match.group(0))
        return f"<pre wp-pre-tag-{len(pres) - 1}></pre>"

    text = re.sub(r"<pre\b.*?</pre>", keep_pre, text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{_BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{_BLOCKS}>)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    # Newlines inside a tag's attributes are not paragraph breaks.
    text = re.sub(r"<[^>]*>", lambda m: m.group(0).replace("\n", " <!-- wpnl --> "), text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
    text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for i, pre in enumerate(pres):
        text = text.replace(f"<pre wp-pre-tag-{i}></pre>", pre)
    return text.replace(" <!-- wpnl --> ", "\n").replace("<!-- wpnl -->", "\n")


# The whole conversion -----------------------------------------------------------------------


def body_html(content: str, attachments=None) -> Converted:
    """Return the post's content as sanitised story HTML, naming the shortcodes that were dropped.

    The steps run in WordPress's order: a URL alone on its line becomes a link (its embeds), then
    paragraphs (wpautop, which block-editor content skips), then shortcodes. A figure a shortcode
    puts inside a paragraph is lifted out of it by the sanitiser's HTML parser.
    """
    text = _BARE_URL_LINE.sub(
        lambda m: f'<a href="{escape(m.group(1))}">{escape(m.group(1))}</a>', content or ""
    )
    if "<!-- wp:" not in text:
        text = autop(text)
    converted = expand_shortcodes(text, attachments)
    html_ = _BLANK_LINES.sub("\n", _EMPTY_PARAGRAPH.sub("", sanitise_html(converted.html)))
    return Converted(html_.strip(), converted.removed_shortcodes)


def has_content(body: str) -> bool:
    """Tell whether sanitised HTML still holds something a reader would see."""
    return bool(plain_text(body)) or "<img" in body


def plain_text(value: str) -> str:
    """Return text without tags or entities, its whitespace collapsed (titles, excerpts, bios)."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(sanitise_html(value or "")))).strip()
