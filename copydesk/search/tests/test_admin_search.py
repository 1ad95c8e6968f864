"""The admin's story listing searches the same index, drafts included, as the editor types."""

import pytest

from copydesk.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("Zanzibar ferry draft", publish=False)
        make_article("Zanzibar ferry sails", minutes_ago=30)
        make_article("Harbour dredging starts", body="<p>The dredger Kestrel arrived at dawn.</p>")


@pytest.mark.parametrize(
    "query, found",
    [
        ("zanzibar", {"Zanzibar ferry draft", "Zanzibar ferry sails"}),
        ("zanzi", {"Zanzibar ferry draft", "Zanzibar ferry sails"}),  # the last word is a prefix
        ("kestrel", {"Harbour dredging starts"}),  # a word of the body
    ],
)
def test_the_story_listing_finds_drafts_and_published_stories(admin_client, stories, query, found):
    response = admin_client.get("/admin/snippets/newsroom/article/", {"q": query})
    assert response.status_code == 200
    text = response.content.decode()
    headlines = {"Zanzibar ferry draft", "Zanzibar ferry sails", "Harbour dredging starts"}
    assert {h for h in headlines if h in text} == found
