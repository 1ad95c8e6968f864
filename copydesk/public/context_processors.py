from django.conf import settings
from django.utils.functional import SimpleLazyObject

from copydesk.newsroom.languages import site_language
from copydesk.newsroom.models import Section


def newsroom(request):
    """Give every reader page the paper's name and its sections for the navigation."""
    return {
        "site_name": settings.COPYDESK_SITE_NAME,
        "site_tagline": settings.COPYDESK_SITE_TAGLINE,
        "newsroom_time_zone": settings.TIME_ZONE,
        # The language of the site's own words; an article page in another language says so.
        "site_language": site_language(),
        # Evaluated once, and only by templates that show the navigation.
        "nav_sections": SimpleLazyObject(lambda: list(Section.objects.all())),
    }
