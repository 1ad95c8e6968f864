"""Bring WordPress images into the image library, from a copy of wp-content/uploads or fetched safely.

Each image is stored once per address (`ImportedImage`), so running the import again, or using the
same picture in two posts, never stores it twice. Images in a post's text become Wagtail image
embeds, so they keep working once the old site is switched off and editors can change them.
"""

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from lxml import html as lxml_html

from copydesk.newsroom.library_images import ImageRefused, file_name, store_image, url_hash
from copydesk.wire.fetch import FetchError, fetch

from .models import ImportedImage

UPLOADS = "/wp-content/uploads/"


class ImageFailed(Exception):
    """The image could not be imported; the message says why, for the editor."""


@dataclass
class Attachment:
    """An attachment item of the export: an uploaded file and what WordPress knows about it."""

    wp_id: str
    url: str
    title: str = ""
    alt: str = ""
    caption: str = ""


def max_bytes() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


class MediaSource:
    """Where image files come from: a local folder first (`--media-dir`), then the web unless told not to."""

    def __init__(self, media_dir: Path | None = None, fetch_allowed: bool = True):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.fetch_allowed = fetch_allowed

    def load(self, url: str) -> bytes:
        local = self.local_path(url)
        if local is not None and local.is_file():
            if local.stat().st_size > max_bytes():
                raise ImageFailed(f"{local} is larger than {max_bytes()} bytes.")
            return local.read_bytes()
        if not self.fetch_allowed:
            where = f"no copy at {local}" if local else "no local copy (give --media-dir)"
            raise ImageFailed(f"{url}: {where}, and fetching is off (--no-fetch).")
        try:
            return fetch(url, max_bytes=max_bytes()).content
        except FetchError as error:
            raise ImageFailed(str(error)) from None

    def local_path(self, url: str) -> Path | None:
        """Map …/wp-content/uploads/2024/03/a.jpg to <media dir>/2024/03/a.jpg, never outside it."""
        path = unquote(urlsplit(url).path)
        if self.media_dir is None or UPLOADS not in path:
            return None
        relative = posixpath.normpath(path.split(UPLOADS, 1)[1]).lstrip("/")
        candidate = (self.media_dir / relative).resolve()
        return candidate if candidate.is_relative_to(self.media_dir) else None


def import_image(url: str, source: MediaSource, *, title: str = "", alt: str = "") -> tuple[object, bool]:
    """Return the library image for a WordPress address, storing it the first time; and whether it is new."""
    known = ImportedImage.objects.select_related("image").filter(url_hash=url_hash(url)).first()
    if known:
        return known.image, False
    data = source.load(url)
    name = file_name(url)
    with transaction.atomic():
        try:
            image = store_image(name, data, title=title or name, description=alt)
        except ImageRefused as error:
            raise ImageFailed(f"{url}: {error}") from None
        ImportedImage.objects.create(url_hash=url_hash(url), url=url, image=image)
    return image, True


def is_upload(url: str, site: str) -> bool:
    """Tell whether an image address is the WordPress site's own upload (not a picture hotlinked from elsewhere)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and (
        UPLOADS in parts.path or parts.netloc.lower() == site.split("/")[0]
    )


def embed_images(body: str, load: Callable[[str, str, str], object | None]) -> tuple[str, list[str]]:
    """Replace the site's images in sanitised body HTML with Wagtail image embeds.

    `load(url, title, alt)` returns the library image, None for an image to leave as it is (not
    the site's), or raises ImageFailed: that image stays as it was and its reason is returned. An
    embed is a block: a paragraph or figure left with nothing but its images is replaced by them,
    otherwise the embeds follow it.
    """
    if "<img" not in body:
        return body, []
    failures, parts = [], []
    for block in lxml_html.fragments_fromstring(body):
        if isinstance(block, str):
            parts.append(escape(block))
            continue
        caption = block.find(".//figcaption")
        caption_text = caption.text_content().strip() if caption is not None else ""
        embeds = []
        for img in [block] if block.tag == "img" else list(block.iter("img")):
            alt = img.get("alt", "")
            try:
                image = load(img.get("src", ""), caption_text or alt, alt)
            except ImageFailed as error:
                failures.append(str(error))
                continue
            if image is not None:
                format_name = "captioned" if caption_text else "fullwidth"
                embeds.append(
                    f'<embed alt="{escape(alt)}" embedtype="image" format="{format_name}" id="{image.pk}"/>'
                )
                if img is not block:
                    _drop(img)
        if embeds and caption is not None:
            _drop(caption)
        tail = escape(block.tail or "")
        block.tail = None
        if embeds and (block.tag == "img" or not (block.text_content().strip() or block.findall(".//img"))):
            parts += [*embeds, tail]
        else:
            parts += [lxml_html.tostring(block, encoding="unicode"), *embeds, tail]
    return "".join(parts), failures


def _drop(element):
    """Remove an element, keeping the text after it; a link around nothing but it goes too."""
    parent = element.getparent()
    if (
        parent.getparent() is not None
        and parent.tag == "a"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (element.tail or "").strip()
    ):
        element = parent
    element.drop_tree()
