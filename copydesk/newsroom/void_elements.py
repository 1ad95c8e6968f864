"""Write HTML's void elements (<br>, <img>, <hr>) self-closed, the form the story editor reads.

Wagtail's rich-text converter (Draftail's contentstate) reads `<br>` as an element still open and
fails on the next closing tag, so a story whose body held `<br>` or `<figure><img>` (agency and
WordPress copy) could not be opened in the editor at all. `<br/>` means the same to every browser.
The converter fails the same way on any unbalanced tag (a stray `</title>` after an `<svg>` left open,
as hostile agency text leaves them), so tags are balanced too: a closing tag with nothing open to
match is dropped, and what is left open is closed, as a browser would.
"""

from html import escape
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _SelfClosing(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out, self.open = [], []

    def _tag(self, tag, attrs, close):
        attributes = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
        self.out.append(f"<{tag}{attributes}{'/' if close else ''}>")

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, tag in VOID)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.open:  # a stray </br> or </title> closes nothing
            return
        while (inner := self.open.pop()) != tag:  # what this tag encloses closes first
            self.out.append(f"</{inner}>")
        self.out.append(f"</{tag}>")

    def close(self):
        super().close()
        self.out.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open = []

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        pass  # the sanitiser keeps none; a comment in an old row is not story text


def self_close_void_elements(html: str) -> str:
    """The same HTML with every void element written `<br/>` and every tag balanced; text unchanged."""
    if not html or "<" not in html:
        return html or ""
    parser = _SelfClosing()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
