from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from copydesk.desk import admin_overrides

urlpatterns = [
    # Before Wagtail's admin: its views that answered a role more than the role names.
    path("admin/", include(admin_overrides)),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's admin links to documents through this route, whether or not a newsroom uses them.
    path("documents/", include(wagtaildocs_urls)),
]

if settings.COPYDESK_SERVE_MEDIA:
    # The embedded default serves uploads itself; production lets nginx or a bucket do it. Never
    # documents: those go through /documents/, which checks who may read them. Never agency video
    # and audio: those go through the public av/ view, which plays a clip only on a live story.
    urlpatterns += [
        re_path(
            r"^media/(?!documents/|agency-media/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

urlpatterns += [path("search/", include("copydesk.search.urls"))]
urlpatterns += [path("", include("copydesk.public.urls"))]

handler404 = "copydesk.public.errors.page_not_found"
handler500 = "copydesk.public.errors.server_error"
