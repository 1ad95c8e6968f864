"""Editors find what an import set aside, and the old addresses, in the admin; other roles do not."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from copydesk.accounts.roles import sync_roles
from copydesk.wordpress.models import OldURL, SetAside

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, django_user_model):
    sync_roles()

    def as_role(role):
        user, _ = django_user_model.objects.get_or_create(username=role.lower())
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role


def rows(response):
    listing = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    return [" ".join(row.get_text(" ", strip=True).split()) for row in listing]


def test_an_editor_sees_each_item_set_aside_with_its_reason(imported, signed_in):
    response = signed_in("Editor").get("/admin/wordpress/set-aside/")
    assert response.status_code == 200
    listing = rows(response)
    assert any(
        "post 110" in row and "Lifeboat crew honoured" in row and "is not a real date" in row
        for row in listing
    )
    assert any("post 109" in row and "neither a title nor any text" in row for row in listing)
    assert any("author tbrennan" in row and "placeholder text" in row for row in listing)
    assert len(listing) == SetAside.objects.count() == 3
    item = SetAside.objects.get(ref="author tbrennan")
    detail = signed_in("Editor").get(f"/admin/wordpress/set-aside/inspect/{item.pk}/")
    assert detail.status_code == 200 and b"Lorem ipsum dolor sit amet" in detail.content


def test_an_editor_sees_where_each_old_address_leads(imported, signed_in):
    response = signed_in("Editor").get("/admin/wordpress/redirects/?q=winter-ferry")
    assert (
        rows(response)[0]
        == "/2024/03/05/winter-ferry-timetable Inspect /harbour/winter-ferry-timetable/ harbourtimes.example"
    )
    assert OldURL.objects.filter(path__contains="winter-ferry").count() == len(rows(response))


@pytest.mark.parametrize("role", ["Reporter", "Contributor"])
def test_other_roles_cannot_open_them(imported, signed_in, role):
    client = signed_in(role)
    for path in ("/admin/wordpress/set-aside/", "/admin/wordpress/redirects/"):
        response = client.get(path)
        assert response.status_code in (302, 403) and b"Lifeboat" not in response.content
        if response.status_code == 302:
            assert response["Location"] == "/admin/"
