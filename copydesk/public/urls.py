from django.urls import path

from . import feeds, sitemaps, views

app_name = "public"

# Each scope's feed in every format: /feeds/rss.xml, /feeds/sections/<slug>/atom.xml, ...
FEED_SCOPES = [
    ("feeds/", feeds.StoryFeed),
    ("feeds/sections/<slug:slug>/", feeds.SectionFeed),
    ("feeds/authors/<slug:slug>/", feeds.AuthorFeed),
    ("feeds/tags/<str:slug>/", feeds.TagFeed),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("corrections/", views.corrections, name="corrections"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("tags/<str:slug>/", views.tag, name="tag"),
    *(
        path(prefix + filename, feed(format_name), name=f"{feed.url_name}_{format_name}")
        for prefix, feed in FEED_SCOPES
        for format_name, (filename, _) in feeds.FORMATS.items()
    ),
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemaps/news.xml", sitemaps.news, name="news_sitemap"),
    path("sitemaps/<str:section>.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots, name="robots"),
    # Three segments: never a section's or a story's address.
    path("av/<int:pk>/<str:name>", views.media_file, name="media_file"),
    path("<slug:slug>/", views.section, name="section"),
    path("<slug:section_slug>/<str:slug>/", views.article, name="article"),
]
