"""A page cached while a story changes under it: the copy must never be kept as fresh without the change."""

import pytest
from django.test.signals import template_rendered

from copydesk.conftest import make_article
from copydesk.newsroom.actions import publish_article

pytestmark = pytest.mark.django_db


def test_a_page_rendered_while_a_story_is_published_is_not_kept_without_it(
    cached, client, section, django_capture_on_commit_callbacks
):
    make_article("An older story on the harbour", section=section, minutes_ago=90)
    new = make_article("Breaking: the ferry is back", section=section, publish=False)

    def publish_meanwhile(sender, template, **kwargs):
        # The home view has read its stories; the template starts rendering. Now the desk publishes.
        if template.name == "public/home.html":
            template_rendered.disconnect(publish_meanwhile)
            with django_capture_on_commit_callbacks(execute=True):
                publish_article(new)

    template_rendered.connect(publish_meanwhile)
    try:
        first = client.get("/")
    finally:
        template_rendered.disconnect(publish_meanwhile)
    assert "Breaking: the ferry is back" not in first.content.decode()  # rendered before the publish
    assert first["Cache-Control"] == "no-cache"  # nor may an HTTP cache keep it
    second = client.get("/")
    assert second["X-Copydesk-Cache"] == "miss"
    assert "Breaking: the ferry is back" in second.content.decode()
