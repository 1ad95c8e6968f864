"""Store pictures from outside (an agency, a WordPress site, a partner) in the image library.

Every path that brings a picture in goes through `store_image`, so each meets the checks an
editor's upload meets: a real image, in an allowed format, within WAGTAILIMAGES_MAX_UPLOAD_SIZE
and COPYDESK_MAX_IMAGE_PIXELS. `url_hash` names a picture by its address, so whoever keeps a
record of what they imported stores each address once.
"""

import hashlib
import posixpath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import get_valid_filename
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField


class ImageRefused(Exception):
    """The bytes are not an image the library accepts; the message says why, for the editor."""


def url_hash(url: str) -> str:
    """Name an address in 64 characters: addresses can be longer than an index allows."""
    return hashlib.sha256(url.encode()).hexdigest()


def file_name(url: str, default: str = "image") -> str:
    """The file name an address ends in, safe to store, or `default`."""
    return (get_valid_filename(posixpath.basename(unquote(urlsplit(url).path))) or default)[:80]


def store_image(name: str, data: bytes, *, title: str, description: str = ""):
    """Check the bytes as an editor's upload is checked and store them as a library image."""
    try:
        # Wagtail's own upload checks: a real image, in an allowed format matching its name, not too big.
        WagtailImageField().clean(SimpleUploadedFile(name, data))
    except ValidationError as error:
        raise ImageRefused(" ".join(error.messages)) from None
    image = get_image_model()(title=(title or name)[:255], description=description[:255])
    image.file = ImageFile(SimpleUploadedFile(name, data), name=name)
    image.save()
    return image
