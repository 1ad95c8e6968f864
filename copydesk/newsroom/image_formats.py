"""How images placed inside a story's body are shown: a figure with the image's title as caption."""

from django.utils.html import format_html
from wagtail.images.formats import Format, register_image_format


class CaptionedFormat(Format):
    def image_to_html(self, image, alt_text, extra_attributes=None):
        img = super().image_to_html(image, alt_text, {"loading": "lazy", **(extra_attributes or {})})
        if not image.title:
            return img
        return format_html(
            '<figure class="inline-figure">{}<figcaption>{}</figcaption></figure>', img, image.title
        )


register_image_format(
    CaptionedFormat("captioned", "Full width with caption", "richtext-image full-width", "width-1200")
)
