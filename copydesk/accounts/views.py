"""Signing out: only a POST carrying the CSRF token ends a session."""

from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect
from wagtail.admin.views.account import LogoutView


@method_decorator(csrf_protect, name="dispatch")
class PostOnlyLogoutView(LogoutView):
    # Wagtail's LogoutView answers a GET with 405 but drops the session cookie all the same, so a
    # link or an <img> on any site could sign an editor out. Refuse before anything is touched.
    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
