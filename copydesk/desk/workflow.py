"""The editorial review workflow and the dashboard's list of late stories."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Revision, Workflow, WorkflowContentType, WorkflowTask

REVIEW = "Editorial review"


def ensure_review_workflow():
    """Reporters submit stories for review; an Editor approves (publishing or scheduling) or sends back."""
    from django.contrib.auth.models import Group

    editors = Group.objects.filter(name="Editor").first()
    if editors is None:
        return None
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name="Editor approval")
        task.groups.set([editors])
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=0
        )  # a ParentalKey: save directly
    content_type = ContentType.objects.get(app_label="newsroom", model="article")
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow


def late_revisions(now=None, grace=timedelta(minutes=1)):
    """Scheduled stories whose time has passed by more than the grace: the worker should have run."""
    now = now or timezone.now()
    return (
        Revision.objects.filter(approved_go_live_at__lt=now - grace, base_content_type__app_label="newsroom")
        .select_related("user")
        .order_by("approved_go_live_at")
    )


class LateStoriesPanel(Component):
    """A dashboard panel that lists late scheduled stories (which should never happen)."""

    name = "late_stories"
    order = 50
    template_name = "desk/late_stories_panel.html"

    def get_context_data(self, parent_context=None):
        return {"late": list(late_revisions()[:20])}
