"""Image bombs: a picture with more pixels than news photography needs is refused wherever it enters."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model

from copydesk.accounts.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR, REPORTER, sync_roles
from copydesk.conftest import make_article, make_image, make_section
from copydesk.newsroom.models import Article
from copydesk.tests.bombs import png_bomb
from copydesk.wire.tests.localserver import send, serve
from copydesk.wordpress.media import ImageFailed, MediaSource, import_image

pytestmark = pytest.mark.django_db

TOO_MANY_PIXELS = "This file has too many pixels (100000000). Maximum pixels 60000000."


def signed_in(role):
    sync_roles()
    user = get_user_model().objects.create_user(role.lower(), f"{role.lower()}@example.com", "long-pw-1")
    user.groups.add(Group.objects.get(name=role))
    user.is_superuser = role == ADMINISTRATOR
    user.save()
    client = Client()
    client.force_login(user)
    return client


def bomb_upload():
    return SimpleUploadedFile("harbour-panorama.png", png_bomb(), content_type="image/png")


def test_the_limit_keeps_a_full_frame_from_a_press_camera(settings):
    assert 8256 * 5504 <= settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 10_000 * 10_000  # a 45.7 MP body


@pytest.mark.parametrize("role", [CONTRIBUTOR, REPORTER, EDITOR, ADMINISTRATOR])
def test_every_role_gets_a_clear_refusal_when_uploading_a_bomb(role):
    client = signed_in(role)

    single = client.post(reverse("wagtailimages:add"), {"title": "Panorama", "file": bomb_upload()})
    multiple = client.post(reverse("wagtailimages:add_multiple"), {"files[]": bomb_upload()})

    assert single.status_code == 200 and TOO_MANY_PIXELS in single.content.decode()
    assert multiple.json()["success"] is False and TOO_MANY_PIXELS in multiple.json()["error_message"]
    assert not get_image_model().objects.exists()


def test_the_wordpress_import_refuses_a_bomb(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "panorama.png").write_bytes(png_bomb())
    source = MediaSource(tmp_path, fetch_allowed=False)

    with pytest.raises(ImageFailed, match=TOO_MANY_PIXELS.replace("(", r"\(").replace(")", r"\)")):
        import_image("https://harbourtimes.example/wp-content/uploads/2024/panorama.png", source)
    assert not get_image_model().objects.exists()


PARTNER_PAGE = b"""<!DOCTYPE html><html><head><title>Ferry timetable changes | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette">
<meta property="og:title" content="Winter ferry timetable starts on Monday">
<meta property="og:image" content="/panorama.png">
</head><body><article><h1>Winter ferry timetable starts on Monday</h1>
<p>The first ferry to Saltmarsh Green will leave at 07:10 instead of 06:40 from Monday, the operator said.</p>
<p>Evening sailings on weekdays are unchanged, and the Sunday service keeps its two extra crossings.</p>
<p>Passengers with season tickets need do nothing, the operator said in a notice at the quay.</p>
</article></body></html>"""


def test_republishing_a_partner_story_leaves_a_bomb_lead_image_out(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    client = signed_in(EDITOR)
    routes = {
        "/story": lambda h: send(h, 200, PARTNER_PAGE, Content_Type="text/html"),
        "/panorama.png": lambda h: send(h, 200, png_bomb(), Content_Type="image/png"),
    }
    with serve(routes) as base:
        client.post(reverse("desk_republish"), {"url": f"{base}/story", "section": make_section().pk})

    article = Article.objects.get()
    assert article.headline == "Winter ferry timetable starts on Monday" and article.lead_image is None
    assert not get_image_model().objects.exists()


def test_a_pictures_sizes_are_made_once_and_never_decoded_again(client):
    story = make_article(
        lead_image=make_image("Quay at dawn"), lead_image_alt="Boats moored at the quay at dawn"
    )
    renditions = get_image_model().get_rendition_model().objects
    assert client.get(story.get_absolute_url()).status_code == 200
    made = renditions.count()
    # Without its original, any request that decoded the picture again would fail or make nothing.
    story.lead_image.file.storage.delete(story.lead_image.file.name)

    again = client.get(story.get_absolute_url())

    assert made >= 1 and renditions.count() == made
    assert again.status_code == 200 and again.content.count(b"/media/images/") >= made
