"""Images come from the uploads folder or the safe fetcher, pass Wagtail's upload checks, and are stored once."""

import pytest
from wagtail.images import get_image_model

from copydesk.wordpress.media import ImageFailed, MediaSource, embed_images, import_image

from .conftest import png

pytestmark = pytest.mark.django_db
UPLOADS = "https://harbourtimes.example/wp-content/uploads"


def test_an_upload_address_maps_into_the_folder_and_never_out_of_it(uploads):
    source = MediaSource(uploads, fetch_allowed=False)
    assert source.local_path(f"{UPLOADS}/2024/03/quay-dawn.png") == uploads / "2024" / "03" / "quay-dawn.png"
    assert (
        source.local_path(f"{UPLOADS}/2024/03/quay%20dawn.png") == uploads / "2024" / "03" / "quay dawn.png"
    )
    assert source.local_path(f"{UPLOADS}/2024/../2023/old.png") == uploads / "2023" / "old.png"
    assert source.local_path(f"{UPLOADS}/../../../etc/passwd") is None
    assert source.local_path(f"{UPLOADS}/2024/%2e%2e/%2e%2e/%2e%2e/secret.png") is None
    assert source.local_path("https://harbourtimes.example/elsewhere/a.png") is None


def test_the_fetcher_refuses_private_addresses(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = []
    with pytest.raises(
        ImageFailed, match="Refused to fetch http://127.0.0.1:9/a.png: 127.0.0.1 is a loopback address"
    ):
        MediaSource().load("http://127.0.0.1:9/a.png")


def test_a_file_that_is_not_the_image_it_claims_is_refused(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "fake.png").write_bytes(b"<?php echo 'not an image'; ?>")
    (tmp_path / "2024" / "really-png.jpg").write_bytes(png())
    source = MediaSource(tmp_path, fetch_allowed=False)
    with pytest.raises(ImageFailed, match="Upload a valid image"):
        import_image(f"{UPLOADS}/2024/fake.png", source)
    with pytest.raises(
        ImageFailed, match="Not a valid .jpeg image. The extension does not match the file format .png."
    ):
        import_image(f"{UPLOADS}/2024/really-png.jpg", source)
    assert not get_image_model().objects.exists()


def test_an_image_is_stored_once_per_address(uploads):
    source = MediaSource(uploads, fetch_allowed=False)
    first, new = import_image(f"{UPLOADS}/2024/03/quay-dawn.png", source, title="Quay", alt="The quay")
    again, new_again = import_image(f"{UPLOADS}/2024/03/quay-dawn.png", source, title="Other")
    assert (new, new_again) == (True, False) and first == again
    assert (first.title, first.description) == ("Quay", "The quay")
    assert get_image_model().objects.count() == 1


def test_images_in_the_text_become_embeds_and_others_stay(uploads):
    image = import_image(f"{UPLOADS}/2024/03/quay-dawn.png", MediaSource(uploads))[0]

    def load(url, title, alt):
        if "quay-dawn" in url:
            return image
        if "missing" in url:
            raise ImageFailed(f"{url}: gone")
        return None

    body = (
        f'<p>Before.</p>\n<figure><a href="{UPLOADS}/big.png"><img src="{UPLOADS}/2024/03/quay-dawn.png" alt="Quay">'
        f'</a><figcaption>At dawn</figcaption></figure><p>Text <img src="{UPLOADS}/2024/03/quay-dawn.png" alt=""> '
        f'and <img src="https://elsewhere.example/a.png" alt="A"> <img src="{UPLOADS}/missing.png" alt="M"></p>'
    )
    converted, failures = embed_images(body, load)
    assert converted == (
        "<p>Before.</p>\n"
        f'<embed alt="Quay" embedtype="image" format="captioned" id="{image.pk}"/>'
        f'<p>Text  and <img src="https://elsewhere.example/a.png" alt="A"> <img src="{UPLOADS}/missing.png" alt="M"></p>'
        f'<embed alt="" embedtype="image" format="fullwidth" id="{image.pk}"/>'
    )
    assert failures == [f"{UPLOADS}/missing.png: gone"]
