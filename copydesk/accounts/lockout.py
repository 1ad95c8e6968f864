"""Login throttling: django-axes per username and address, plus a wider limit per address."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, which also stops one address guessing across many usernames.

    The username-and-address lockout (AXES_LOCKOUT_PARAMETERS) means a stranger cannot lock an
    editor out from everywhere; on its own it would let one address try five passwords on every
    username. So failures from one address, summed over usernames, meet a higher limit of their own.
    """

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return self.failures_from_address(request) >= settings.COPYDESK_LOGIN_ADDRESS_FAILURE_LIMIT

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that reaches the address's limit is answered with the lockout, as Axes does its own.
        if (
            request is not None
            and not getattr(request, "axes_locked_out", False)
            and self.failures_from_address(request) >= settings.COPYDESK_LOGIN_ADDRESS_FAILURE_LIMIT
        ):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    @staticmethod
    def failures_from_address(request) -> int:
        address = getattr(request, "axes_ip_address", None)
        if not address or not settings.AXES_COOLOFF_TIME:
            return 0
        recent = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
