"""What one role must not learn about another's work: stories, documents, the session, the accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from copydesk.accounts.roles import sync_roles
from copydesk.conftest import make_article

pytestmark = pytest.mark.django_db


def signed_in(role, username=None):
    sync_roles()
    username = username or role
    user_model = get_user_model()
    if role == "administrator":
        user = user_model.objects.create_superuser(username, f"{username}@example.com", password=None)
    else:
        user = user_model.objects.create_user(username, f"{username}@example.com")
    user.groups.add(Group.objects.get(name=role.capitalize()))
    client = Client()
    client.force_login(user)
    return user, client


# The story chooser ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["contributor", "reporter"])
def test_the_story_chooser_gives_a_writer_only_their_own_stories(role):
    user, client = signed_in(role)
    colleague, _ = signed_in("reporter", "colleague")
    own = make_article("Own draft about the lock gates", owner=user, publish=False)
    other = make_article("Colleague's secret draft on the pier sale", owner=colleague, publish=False)
    chooser = "/admin/snippets/choose/newsroom/article/"

    assert client.get(f"{chooser}chosen/{other.pk}/").status_code == 404
    assert client.get(f"{chooser}chosen/{own.pk}/").status_code == 200
    both = client.get(f"{chooser}chosen-multiple/", {"id": [own.pk, other.pk]}).content.decode()
    assert "lock gates" in both and "pier sale" not in both
    listing = client.get(chooser, {"q": "draft"}).content.decode() + client.get(chooser).content.decode()
    assert "pier sale" not in listing


def test_an_editor_may_choose_any_story():
    _, client = signed_in("editor")
    colleague, _ = signed_in("reporter", "colleague")
    other = make_article("Colleague's draft on the pier sale", owner=colleague, publish=False)
    chooser = "/admin/snippets/choose/newsroom/article/"

    assert client.get(f"{chooser}chosen/{other.pk}/").status_code == 200
    assert "pier sale" in client.get(f"{chooser}chosen-multiple/", {"id": [other.pk]}).content.decode()


# Documents -----------------------------------------------------------------------------------


@pytest.fixture
def document():
    document = get_document_model()(title="Board minutes, not for publication")
    document.file.save("minutes.txt", ContentFile(b"The board voted to sell the pier."), save=False)
    document.save()
    return document


def test_a_document_is_refused_to_anyone_without_the_document_permission(document):
    url = document.url
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    for role in ("contributor", "reporter", "editor"):
        _, client = signed_in(role)
        response = client.get(url)
        assert response.status_code == 403, role
        assert b"pier" not in b"".join(getattr(response, "streaming_content", [response.content]))
    _, administrator = signed_in("administrator")
    served = administrator.get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"The board voted to sell the pier."


def test_the_admin_api_lists_documents_only_to_those_who_may_choose_them(document):
    for role in ("contributor", "reporter", "editor"):
        _, client = signed_in(role)
        assert client.get("/admin/api/main/documents/").json()["meta"]["total_count"] == 0, role
        assert client.get(f"/admin/api/main/documents/{document.pk}/").status_code == 404, role
    _, administrator = signed_in("administrator")
    assert administrator.get("/admin/api/main/documents/").json()["meta"]["total_count"] == 1


def test_uploaded_documents_are_not_served_as_plain_media(document, settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    _, administrator = signed_in("administrator")
    assert administrator.get(f"/media/{document.file.name}").status_code == 404


# Signing out ---------------------------------------------------------------------------------


def test_a_cross_site_get_of_the_logout_address_keeps_the_editor_signed_in():
    _, client = signed_in("editor")
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert "sessionid" not in response.cookies or response.cookies["sessionid"].value
    assert client.get("/admin/").status_code == 200


def test_logging_out_takes_a_post_with_the_csrf_token():
    user, _ = signed_in("editor")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")
    assert client.post("/admin/logout/").status_code == 403  # no token: refused, still signed in
    assert client.get("/admin/").status_code == 200
    token = client.cookies["csrftoken"].value
    assert client.post("/admin/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


# Password reset ------------------------------------------------------------------------------


def reset_work(address):
    """The queries and templates a password-reset request for this address costs the server."""
    from django.test.signals import template_rendered

    templates = []

    def rendered(sender, template, **kwargs):
        templates.append(template.name)

    template_rendered.connect(rendered)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = Client().post("/admin/password_reset/", {"email": address})
    finally:
        template_rendered.disconnect(rendered)
    assert response.status_code == 302
    return [q["sql"].replace(address, "<address>") for q in queries.captured_queries], templates


def test_password_reset_does_the_same_work_for_known_and_unknown_addresses(mailoutbox):
    get_user_model().objects.create_user("maria", "maria@example.com", password="a long harbour password")
    known = reset_work("maria@example.com")
    assert len(mailoutbox) == 1 and "maria@example.com" in mailoutbox[0].to
    unknown = reset_work("nobody@example.com")
    assert len(mailoutbox) == 1
    # Same queries, same templates rendered (the mail is built for a stand-in and not sent): the
    # time an answer takes no longer tells whether the address has an account.
    assert known == unknown
    assert any("email" in name for name in known[1])
