"""The newsroom's content: sections, people, agencies and articles."""

from .article import Article, ArticleAuthor, ArticleStatus, ArticleTag
from .people import Agency, Author, AuthorLink
from .taxonomy import Section

__all__ = [
    "Agency",
    "Article",
    "ArticleAuthor",
    "ArticleStatus",
    "ArticleTag",
    "Author",
    "AuthorLink",
    "Section",
]
