import pytest
from django.core.exceptions import ValidationError

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import publish_article
from copydesk.newsroom.models import ArticleStatus
from copydesk.newsroom.models.article import PublishBlocked
from copydesk.newsroom.placeholders import find_placeholder


@pytest.mark.parametrize(
    "text",
    [
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "Your bio goes here.",
        "This is a sample post for the new theme.",
        "Hello world! Welcome to WordPress.",
        "Officials will confirm the figure TKTK.",
        "Insert text here",
    ],
)
def test_placeholder_phrases_are_recognised(text):
    assert find_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council's sample of 400 households found rents rose by 6 per cent.",
        "Officials said the stadium would be ready for the spring season.",
        "She said hello to the world's press from the steps of the court.",
    ],
)
def test_ordinary_news_prose_is_not_mistaken_for_placeholder(text):
    assert find_placeholder(text) is None


def test_publishing_a_story_with_lorem_ipsum_is_refused_with_a_clear_message(db):
    article = make_article(body="<p>Lorem ipsum dolor sit amet.</p>", publish=False)
    with pytest.raises(PublishBlocked) as refused:
        publish_article(article)
    assert "placeholder text" in str(refused.value)
    assert "lorem ipsum" in str(refused.value).lower()
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT


def test_a_draft_may_hold_placeholder_text_until_it_is_published(db):
    article = make_article(headline="Headline to come", body="<p>Lorem ipsum for now.</p>", publish=False)
    assert article.pk and article.status == ArticleStatus.DRAFT


def test_an_author_with_a_placeholder_bio_blocks_publishing_their_story(db):
    author = make_author(bio="A short bio.")
    article = make_article(authors=[author], section=make_section(), publish=False)
    author.bio = "Your bio here."
    author.save()
    with pytest.raises(PublishBlocked, match="bio contains placeholder text"):
        publish_article(article)


def test_an_author_bio_with_placeholder_text_is_refused_on_save(db):
    author = make_author(bio="Lorem ipsum dolor sit amet.")
    with pytest.raises(ValidationError, match="placeholder text"):
        author.full_clean()
