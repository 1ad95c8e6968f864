"""The Content-Security-Policy: settings.CONTENT_SECURITY_POLICY everywhere, relaxed for Wagtail's admin."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware

# copydesk/urls.py mounts Wagtail's admin here.
ADMIN_PREFIX = "/admin/"

# What Wagtail 8's admin needs on top of the reader site's policy, found by loading its pages in
# Chromium (editing a story, the image chooser, the preview panel, Draftail, image upload, the
# listings) and collecting the violations. Reader pages never get these.
ADMIN_ADDITIONS = {
    # Panels and widgets start themselves with inline <script> blocks in Wagtail's own templates
    # (`new SnippetChooser(...)`, `new InlinePanel(...)`, `initDateTimeChooser(...)`, the user and
    # history listings), and the image focal-point cropper (Jcrop) sets inline event handlers.
    "script-src": [UNSAFE_INLINE],
    # A library in Wagtail's vendor.js inserts a <style> element on the editing pages.
    "style-src": [UNSAFE_INLINE],
    # Uploading images shows a preview of each chosen file from a blob: URL before it is sent.
    "img-src": ["blob:"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send the site's policy, with ADMIN_ADDITIONS on the admin's pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp_update wins; the admin relaxation only fills the gap.
        if not report_only and parts.update is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = ADMIN_ADDITIONS
        return parts
