from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from copydesk.newsroom.bylines import without_by
from copydesk.newsroom.languages import direction, site_language
from copydesk.newsroom.models import Article

from ..absolute import absolute as absolute_url
from ..caching import add_keys, story_keys
from ..timefmt import absolute_time, age_notice, relative_time

register = template.Library()


@register.filter
def absolute(path):
    """A path (or URL) on the canonical origin: `{{ article.get_absolute_url|absolute }}`."""
    return absolute_url(str(path)) if path else ""


FEED_LINKS = (
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
)


@register.simple_tag
def feed_links(scope="site", slug=None, name=""):
    """`<link rel="alternate">` to a scope's feeds in every format: `{% feed_links "section" s.slug s.name %}`."""
    title = f"{settings.COPYDESK_SITE_NAME} — {name}" if name else settings.COPYDESK_SITE_NAME
    args = [slug] if slug else []
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{} ({})" href="{}">',
        (
            (mime, title, label, absolute_url(reverse(f"public:{scope}_feed_{fmt}", args=args)))
            for fmt, mime, label in FEED_LINKS
        ),
    )


@register.simple_tag
def lang_attrs(language, within=None):
    """` lang="de" dir="ltr"` for an element in `language`; nothing when it is that of its surroundings.

    `within` is the enclosing element's language (the site's when empty); without it, the
    attributes are always written (the <html> element).
    """
    language = language or site_language()
    if within is not None and language == (within or site_language()):
        return ""
    return format_html(' lang="{}" dir="{}"', language, direction(language))


@register.simple_tag
def timestamp(when, absolute=False):
    """Render a <time> whose text the browser keeps current; absolute text when asked."""
    if not when:
        return ""
    if absolute:
        return format_html('<time datetime="{}">{}</time>', when.isoformat(), absolute_time(when))
    return format_html(
        '<time datetime="{}" data-relative title="{}">{}</time>',
        when.isoformat(),
        absolute_time(when),
        relative_time(when),
    )


@register.simple_tag
def old_story_notice(article):
    return age_notice(article.first_published_at) if article.first_published_at else ""


@register.simple_tag
def byline(article):
    """Render "By A, B and C" with each profiled author linked to their page."""
    parts = [
        format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name)
        for author in article.bylined_authors()
    ]
    if name := without_by(article.byline):
        parts.append(format_html("{}", name))
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else format_html_join(", ", "{}", ((p,) for p in parts[:-1]))
    if len(parts) > 1:
        joined = format_html("{} and {}", joined, parts[-1])
    return format_html("By {}", joined)


@register.inclusion_tag("public/includes/recent_posts.html", takes_context=True)
def recent_posts(context, article=None):
    """The newest other live stories, each with its own headline, excerpt and time."""
    stories = (
        Article.objects.live()
        .select_related("section")
        .only("headline", "slug", "summary", "language", "first_published_at", "section__slug")
    )
    if article is not None and article.pk:
        stories = stories.exclude(pk=article.pk)
    stories = list(stories[: settings.COPYDESK_RECENT_POSTS])
    if request := context.get("request"):
        # Any new story changes this rail; any change to a listed story changes this page.
        add_keys(request, "recent", *story_keys(stories))
    return {
        "stories": stories,
        "within": article.language if article is not None else None,
        "site_language": site_language(),
    }
