"""No lost edits: many people saving one story at once are each either recorded or told why not."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from copydesk.conftest import make_article, make_section
from copydesk.newsroom.models import Article

from .test_article_admin import form

SAVES = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_saves_lose_nothing():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is being proved; SQLite serialises every write instead")
    section = make_section("Local", slug="local")
    article = make_article("Harbour wall inspection finds cracks", section=section)
    user = get_user_model().objects.create_superuser("racer", "racer@example.com", "long-test-password-1")
    url = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    results = [None] * SAVES
    start = threading.Barrier(SAVES)

    def save(n):
        try:
            client = Client()
            client.force_login(user)
            loaded = Article.objects.values_list("latest_revision_id", flat=True).get(pk=article.pk)
            data = form(
                section,
                headline=f"Headline from editor {n}",
                slug=article.slug,
                loaded_revision_id=str(loaded),
            )
            start.wait(timeout=60)
            response = client.post(url, data)
            results[n] = (loaded, response.status_code, response.content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(SAVES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    revisions = list(Article.objects.get(pk=article.pk).revisions.order_by("created_at", "pk"))
    saved = {r.as_object().headline: r for r in revisions}
    accepted = [n for n, (_, status, _) in enumerate(results) if status == 302]
    refused = [n for n, (_, status, _) in enumerate(results) if status == 409]
    assert len(accepted) + len(refused) == SAVES, [status for _, status, _ in results]
    assert accepted, "at least one save must win"
    for n in accepted:  # every accepted save is in the history, built on the revision its editor saw
        revision = saved[f"Headline from editor {n}"]
        previous = revisions[revisions.index(revision) - 1]
        assert previous.pk == results[n][0], f"save {n} overwrote revision {previous.pk} it never saw"
    for n in refused:  # every refused save was told which newer revision stood in its way
        assert "saved a newer version (revision" in results[n][2]
        assert f"Headline from editor {n}" not in saved
    print(f"{len(accepted)} accepted, {len(refused)} refused, 0 lost")
