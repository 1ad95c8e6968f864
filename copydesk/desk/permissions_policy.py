"""The Permissions-Policy header: the browser features no page of Copydesk uses are switched off.

A script that slips into a page (an embed, a compromised library) then cannot ask for the camera,
the reader's location or a payment, and no page of ours joins an ad-interest cohort.
"""

from django.conf import settings


def header_value(policy):
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    """Add settings.COPYDESK_PERMISSIONS_POLICY to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.COPYDESK_PERMISSIONS_POLICY
        if policy:
            response.headers.setdefault("Permissions-Policy", header_value(policy))
        return response
