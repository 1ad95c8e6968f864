"""The page chooser's chosen-multiple view, without the tree's root.

Wagtail's view reads every id it is given, the root included, and the root has no parent: asking
for it was a 500. Copydesk publishes no pages; links to pages in a story's body are the only use.
"""

from django.urls import reverse
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Page


class ChosenPagesView(ChosenMultipleView):
    def get(self, request):
        pages = Page.objects.filter(pk__in=request.GET.getlist("id"), depth__gt=1).specific()
        return self.render_chosen_response([
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ])  # fmt: skip
