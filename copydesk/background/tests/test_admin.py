"""Administrators see the tasks that gave up, with their reason, and retry or dismiss them; nobody else."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from copydesk.accounts.roles import sync_roles
from copydesk.background.actions import record_failed_task
from copydesk.background.models import FailedTask
from copydesk.conftest import client_for, user_with_role

from .tasks import runs

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(tmp_path):
    now = timezone.now()
    return record_failed_task(
        "copydesk.background.tests.tasks.flaky", [str(tmp_path / "runs"), 0], {},
        "RuntimeError: the agency's server said 503", 5, now, now,
    )  # fmt: skip


@pytest.fixture
def administrator():
    sync_roles()
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "long-test-password-1")


def csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")
    return client, client.cookies["csrftoken"].value


def test_administrators_see_each_failure_with_its_reason(failed, administrator):
    page = BeautifulSoup(client_for(administrator).get("/admin/tasks/failed/").content, "html.parser")
    assert [cell.get_text() for cell in page.select(".failed-reason")] == [
        "RuntimeError: the agency's server said 503"
    ]
    assert page.find(string=lambda text: "copydesk.background.tests.tasks.flaky" in text)
    assert "/admin/tasks/failed/" in client_for(administrator).get("/admin/").content.decode()


def test_retry_runs_the_task_again_and_forgets_the_failure(
    failed, administrator, tmp_path, django_capture_on_commit_callbacks
):
    client, token = csrf_client(administrator)
    with django_capture_on_commit_callbacks(execute=True):  # enqueued once the deletion is committed
        response = client.post(f"/admin/tasks/failed/{failed.pk}/retry/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == "/admin/tasks/failed/"
    assert runs(tmp_path / "runs") == 1, "the task ran again (immediate backend)"
    assert not FailedTask.objects.exists(), "it succeeded this time"


def test_dismiss_forgets_the_failure_without_running_the_task(failed, administrator, tmp_path):
    client, token = csrf_client(administrator)
    client.post(f"/admin/tasks/failed/{failed.pk}/dismiss/", {"csrfmiddlewaretoken": token})
    assert not FailedTask.objects.exists() and runs(tmp_path / "runs") == 0


def test_retry_needs_the_csrf_token(failed, administrator, tmp_path):
    client, _ = csrf_client(administrator)
    assert client.post(f"/admin/tasks/failed/{failed.pk}/retry/").status_code == 403
    assert FailedTask.objects.exists() and runs(tmp_path / "runs") == 0


@pytest.mark.parametrize("role", ["Editor", "Reporter", "Contributor"])
def test_other_roles_can_neither_see_nor_retry_failed_tasks(failed, role, tmp_path):
    sync_roles()
    user = user_with_role(role)
    client, token = csrf_client(user)
    assert client.get("/admin/tasks/failed/").status_code in (302, 403)
    for action in ("retry", "dismiss"):
        client.post(f"/admin/tasks/failed/{failed.pk}/{action}/", {"csrfmiddlewaretoken": token})
    assert FailedTask.objects.filter(pk=failed.pk).exists() and runs(tmp_path / "runs") == 0
    assert "/admin/tasks/failed/" not in client.get("/admin/").content.decode()
