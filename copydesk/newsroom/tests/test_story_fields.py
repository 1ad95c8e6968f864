"""A story's language, byline and dateline, whoever writes them: the newsroom, an import, a script."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction
from copydesk.newsroom.languages import direction, language_tag
from copydesk.newsroom.models import Article
from copydesk.newsroom.sanitise import sanitise_html


@pytest.mark.parametrize(
    "raw, tag",
    [
        ("de", "de"),
        ("DE", "de"),
        ("de_de", "de-DE"),
        ("ger", "de"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("es-419", "es-419"),
        ("", ""),
        ("deutsch!", ""),
        ("en-", ""),
        ("x" * 40, ""),
    ],
)
def test_language_tags_are_read_the_ways_agencies_write_them(raw, tag):
    assert language_tag(raw) == tag


@pytest.mark.parametrize(
    "tag, way",
    [
        ("ar", "rtl"),
        ("he-IL", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("az-Arab", "rtl"),
        ("de", "ltr"),
        ("ku-Latn", "ltr"),
        ("", "ltr"),
    ],
)
def test_direction_follows_the_language_and_its_script(tag, way):
    assert direction(tag) == way


@pytest.mark.django_db
def test_a_story_is_in_the_site_language_unless_told_and_refuses_a_tag_that_is_none():
    article = make_article(publish=False)
    assert article.language == "en-GB"
    article.language = "Deutsch"
    with pytest.raises(ValidationError) as refused:
        article.full_clean(exclude=["tags"])
    assert "language" in refused.value.message_dict
    article.language = "fr_ch"
    article.full_clean(exclude=["tags"])
    assert article.language == "fr-CH"
    article.language = ""  # an empty field in the admin: the site's language
    article.full_clean(exclude=["tags"])
    assert article.language == "en-GB"


@pytest.mark.django_db
def test_a_staff_byline_typed_with_by_is_shown_with_one(client):
    article = make_article(byline="By Sam Reed, Harbour Desk", section=make_section())
    assert article.byline == "Sam Reed, Harbour Desk"
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    assert page.select_one(".story__byline").get_text(" ", strip=True) == "By Sam Reed, Harbour Desk"


@pytest.mark.django_db
def test_a_byline_stored_before_the_rule_still_shows_one_by(client):
    article = make_article(section=make_section())
    Article.objects.filter(pk=article.pk).update(byline="By Old Row")  # as stored by earlier versions
    page = client.get(article.get_absolute_url()).content.decode()
    assert "By Old Row" in page and "By By" not in page


@pytest.mark.django_db
def test_editors_set_language_dateline_and_copyright_in_the_admin(client):
    user = get_user_model().objects.create_superuser("langdesk", "lang@example.com", "a-long-test-password")
    client.force_login(user)
    article = make_article(publish=False)
    form = client.get(reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])).content.decode()
    page = BeautifulSoup(form, "html.parser")
    language = page.select_one('input[name="language"]')
    assert language["value"] == "en-GB" and page.select_one(f"datalist#{language['list']} option[value=de]")
    assert page.select_one('input[name="dateline"]') and page.select_one('input[name="copyright"]')


def test_the_sanitiser_keeps_structure_and_turns_odd_headings_into_ours():
    html = (
        "<h1>Eins</h1><h2>Zwei</h2><h4>Vier</h4><h5>Fünf</h5><ul><li>a</li></ul><ol><li>b</li></ol>"
        '<blockquote cite="https://example.org/q"><p>c</p></blockquote>'
        '<table><caption>d</caption><thead><tr><th scope="col" onclick="x()">e</th></tr></thead>'
        '<tbody><tr><td colspan="2" style="color:red">f</td></tr></tbody><tfoot><tr><td>g</td></tr></tfoot></table>'
    )
    assert sanitise_html(html) == (
        "<h2>Eins</h2><h2>Zwei</h2><h4>Vier</h4><h4>Fünf</h4><ul><li>a</li></ul><ol><li>b</li></ol>"
        '<blockquote cite="https://example.org/q"><p>c</p></blockquote>'
        '<table><caption>d</caption><thead><tr><th scope="col">e</th></tr></thead>'
        '<tbody><tr><td colspan="2">f</td></tr></tbody><tfoot><tr><td>g</td></tr></tfoot></table>'
    )


def nearest_language(element):
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang") if element is not None else None


@pytest.mark.django_db
def test_the_site_s_own_words_on_a_story_in_another_language_are_marked_as_the_site_s(client):
    """An Italian story's page is lang="it", but "Published", "Corrections" and the author box are the
    English site's words: each carries lang="en-GB", so a screen reader speaks it as English."""
    author = make_author("Rosa Ferri")
    article = make_article(
        "Il traghetto riprende le corse",
        section=make_section("Mondo"),
        authors=[author],
        language="it",
        minutes_ago=60 * 24 * 800,  # old enough for the "more than 2 years old" notice
    )
    add_correction(article, text="Il nome del porto era sbagliato.")
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    assert page.html["lang"] == "it"
    assert nearest_language(page.select_one(".story__headline")) == "it"
    assert nearest_language(page.select_one(".story__body p")) == "it"
    site_words = [
        page.select_one(".story__section"),
        page.select_one(".story__published"),
        page.select_one(".story__old-notice"),
        page.select_one("#corrections-heading"),
        page.select_one(".story__correction-date"),
        page.select_one(".author-box__more"),
    ]
    assert all(element is not None for element in site_words), page.select_one("article")
    assert {nearest_language(element) for element in site_words} == {"en-GB"}


@pytest.mark.django_db
def test_a_story_in_the_site_s_language_repeats_no_lang_attribute(client):
    article = make_article(section=make_section(), authors=[make_author()])
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count(' lang="') == 1  # on <html> only
