"""The newsroom's content: sections, people, agencies and articles."""

from .article import Article, ArticleAuthor, ArticleStatus, ArticleTag
from .corrections import Correction
from .people import Agency, Author, AuthorLink
from .taxonomy import Section

__all__ = [
    "Agency",
    "Article",
    "ArticleAuthor",
    "ArticleStatus",
    "ArticleTag",
    "Correction",
    "Author",
    "AuthorLink",
    "Section",
]
