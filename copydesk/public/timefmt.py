"""How reader pages say when something happened.

The same rules run in the browser (static/public/reltime.js), so a page served from a cache
corrects its relative times as soon as it is shown.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as date_format


def relative_time(when: datetime, now: datetime | None = None) -> str:
    """Return "just now", "5 minutes ago", "1 hour ago", "yesterday" or a date."""
    now = now or timezone.now()
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        minutes = int(seconds // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if seconds < 86400:
        hours = int(seconds // 3600)
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    local_when, local_now = timezone.localtime(when), timezone.localtime(now)
    if local_now.date() - local_when.date() == timedelta(days=1):
        return "yesterday"
    return date_format(local_when, "j M Y")


def absolute_time(when: datetime) -> str:
    """Return the full date and time in the newsroom's time zone, e.g. "25 November 2026, 14:05 GMT"."""
    return date_format(timezone.localtime(when), "j F Y, H:i T")


def age_notice(when: datetime, now: datetime | None = None) -> str:
    """Return "This article is more than N years old" once a story passes the configured age."""
    now = now or timezone.now()
    age = now - when
    if age < timedelta(days=settings.COPYDESK_OLD_STORY_DAYS):
        return ""
    years = age.days // 365
    if years >= 1:
        return f"This article is more than {years} year{'s' if years != 1 else ''} old"
    months = max(1, age.days // 30)
    return f"This article is more than {months} month{'s' if months != 1 else ''} old"
