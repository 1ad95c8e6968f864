"""Sources cannot reach the server's secrets or files, from the form or through the worker (issue 11)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from copydesk.accounts.roles import ADMINISTRATOR, EDITOR, sync_roles
from copydesk.conftest import make_agency, make_section
from copydesk.wire.models import Rejection, Source
from copydesk.wire.polling import poll_due_sources
from copydesk.wire.tests.builders import make_source
from copydesk.wire.tests.localserver import send, serve

pytestmark = pytest.mark.django_db

SERVER_SECRETS = ("SECRET_KEY", "DATABASE_URL")


@pytest.fixture
def secrets_in_environment(monkeypatch):
    """Known values in the variables an attacker would name, so a leak is recognised byte for byte."""
    values = {
        "SECRET_KEY": "server-signing-key-" + "k" * 30,
        "DATABASE_URL": "postgres://copydesk:pw-9f3@db/x",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("WIRE_SECRET_NORTHWIND", "agency-token-123")
    return values


@pytest.fixture
def listener(settings):
    """An outside server on loopback, which the fetcher is allowed to reach: the worst case."""
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    received = []

    def feed(handler):
        received.append(dict(handler.headers))
        send(handler, 200, b'{"items": []}', Content_Type="application/json")

    with serve({"/feed": feed}) as base:
        yield base + "/feed", received


@pytest.fixture
def drop_root(tmp_path, settings):
    root = tmp_path / "dropbox"
    root.mkdir()
    settings.WIRE_DROP_ROOT = root
    return root


def signed_in(role):
    sync_roles()
    user = get_user_model().objects.create_user(role.lower(), f"{role.lower()}@example.com", "long-pw-1")
    user.groups.add(Group.objects.get(name=role))
    if role == ADMINISTRATOR:
        user.is_superuser = user.is_staff = True
        user.save()
    client = Client()
    client.force_login(user)
    return client


def source_form(**fields):
    data = {
        "name": "Hostile source", "agency": make_agency().pk, "transport": "http", "url": "",
        "folder": "", "format": "ninjs", "poll_interval": "300", "auth_header": "", "auth_secret_env": "",
        "section": make_section().pk, "default_tags": "", "rule": "hold", "active": "on",
        "show_usage_terms": "required",
    }  # fmt: skip
    data.update(fields)
    return data


def errors_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True) for e in page.select(".error-message, .help-critical, .w-field__errors")
    )


def run_worker_round():
    Source.objects.update(next_poll_at=None)
    poll_due_sources()


@pytest.mark.parametrize("variable", SERVER_SECRETS)
def test_an_editor_naming_a_server_secret_sends_nothing_of_it(variable, secrets_in_environment, listener):
    url, received = listener
    client = signed_in(EDITOR)
    form = source_form(url=url, auth_header="Authorization", auth_secret_env=variable)

    client.post(reverse("source:add"), form)
    run_worker_round()

    source = Source.objects.get()
    assert (source.auth_header, source.auth_secret_env) == ("", ""), "Editors cannot name credentials"
    sent = repr(received)
    assert not any(value in sent for value in secrets_in_environment.values())


@pytest.mark.parametrize("variable", [*SERVER_SECRETS, "NO_SUCH_VARIABLE_ANYWHERE", "wire_secret_lower"])
def test_an_administrator_may_name_only_wire_secret_variables(variable, secrets_in_environment):
    client = signed_in(ADMINISTRATOR)
    form = source_form(url="https://wire.example/feed", auth_header="Authorization", auth_secret_env=variable)

    response = client.post(reverse("source:add"), form)

    assert response.status_code == 200 and not Source.objects.exists()
    # The same words whether the variable exists or not: the form tells nothing about the environment.
    assert "Name an environment variable starting with WIRE_SECRET_" in errors_of(response)
    assert "is not set" not in response.content.decode()


def test_an_administrator_names_an_agency_secret_and_the_feed_receives_it(secrets_in_environment, listener):
    url, received = listener
    client = signed_in(ADMINISTRATOR)
    form = source_form(url=url, auth_header="X-Api-Key", auth_secret_env="WIRE_SECRET_NORTHWIND")

    assert client.post(reverse("source:add"), form).status_code == 302
    edit = client.get(reverse("source:edit", args=[Source.objects.get().pk])).content.decode()
    run_worker_round()

    assert [headers.get("X-Api-Key") for headers in received] == ["agency-token-123"]
    assert "agency-token-123" not in edit, "the form shows the variable's name, never its value"


def test_an_editor_cannot_move_an_authenticated_source_to_another_host(secrets_in_environment, listener):
    url, received = listener
    source = make_source(url="https://wire.example/feed", auth_header="X-Api-Key",
                         auth_secret_env="WIRE_SECRET_NORTHWIND")  # fmt: skip
    client = signed_in(EDITOR)
    form = source_form(name=source.name, url=url, agency=source.agency_id, section=source.section_id)

    response = client.post(reverse("source:edit", args=[source.pk]), form)
    run_worker_round()

    assert "only an Administrator may move it to another host" in errors_of(response)
    source.refresh_from_db()
    assert source.url == "https://wire.example/feed" and received == []


@pytest.mark.parametrize("variable", SERVER_SECRETS)
def test_a_stored_source_naming_a_server_secret_is_refused_before_anything_is_read(
    variable, secrets_in_environment, listener
):
    url, received = listener
    # As a row saved before the prefix existed would be.
    source = make_source(url=url, auth_header="Authorization", auth_secret_env=variable)

    run_worker_round()

    source.refresh_from_db()
    assert received == [], "no connection at all"
    assert "WIRE_SECRET_" in source.last_error
    assert not any(value in source.last_error for value in secrets_in_environment.values())


def test_a_drop_folder_on_the_data_folder_is_refused_in_the_form(drop_root, tmp_path, settings):
    data = tmp_path / "var"
    data.mkdir()
    (data / "copydesk.sqlite3").write_bytes(b"SQLite format 3\0")
    client = signed_in(EDITOR)

    response = client.post(reverse("source:add"), source_form(transport="folder", folder=str(data)))

    assert not Source.objects.exists()
    assert "Drop folders must be inside" in errors_of(response)
    assert (data / "copydesk.sqlite3").exists()


def test_a_drop_folder_inside_the_root_is_accepted(drop_root):
    client = signed_in(EDITOR)
    form = source_form(transport="folder", folder=str(drop_root / "northwind"))

    assert client.post(reverse("source:add"), form).status_code == 302
    assert Source.objects.get().folder == str(drop_root / "northwind")


def test_a_symbolic_link_out_of_the_drop_root_is_refused_in_the_form(drop_root, tmp_path):
    secrets = tmp_path / "etc"
    secrets.mkdir()
    (drop_root / "innocent").symlink_to(secrets)
    client = signed_in(EDITOR)

    response = client.post(
        reverse("source:add"), source_form(transport="folder", folder=str(drop_root / "innocent"))
    )

    assert not Source.objects.exists() and "Drop folders must be inside" in errors_of(response)
    response = client.post(
        reverse("source:add"), source_form(transport="folder", folder=str(drop_root / ".." / "etc"))
    )
    assert not Source.objects.exists() and "Drop folders must be inside" in errors_of(response)


def test_the_worker_refuses_a_folder_outside_the_root_and_moves_nothing(drop_root, tmp_path):
    data = tmp_path / "var"
    data.mkdir()
    env_file = data / "copydesk.env"
    env_file.write_text("SECRET_KEY=server-signing-key\nDATABASE_URL=postgres://copydesk:pw@db/x\n")
    # Saved before the root existed, or the root was changed since: the worker checks again.
    source = make_source(transport=Source.Transport.FOLDER, folder=str(data), url="")

    run_worker_round()

    source.refresh_from_db()
    assert sorted(p.name for p in data.iterdir()) == ["copydesk.env"], "nothing moved, no folders made"
    assert "Drop folders must be inside" in source.last_error
    assert not Rejection.objects.filter(excerpt__contains="SECRET_KEY").exists()


def test_a_link_swapped_in_after_the_form_is_refused_at_read_time(drop_root, tmp_path):
    folder = drop_root / "northwind"
    folder.mkdir()
    source = make_source(transport=Source.Transport.FOLDER, folder=str(folder), url="")
    outside = tmp_path / "var"
    outside.mkdir()
    (outside / "copydesk.env").write_text("SECRET_KEY=server-signing-key\n")
    folder.rmdir()
    folder.symlink_to(outside)

    run_worker_round()

    source.refresh_from_db()
    assert sorted(p.name for p in outside.iterdir()) == ["copydesk.env"]
    assert "Drop folders must be inside" in source.last_error


def test_a_linked_file_in_a_drop_folder_is_never_read(drop_root, tmp_path):
    folder = drop_root / "northwind"
    folder.mkdir()
    make_source(transport=Source.Transport.FOLDER, folder=str(folder), url="")
    secret = tmp_path / "copydesk.env"
    secret.write_text("SECRET_KEY=server-signing-key\n")
    (folder / "delivery.json").symlink_to(secret)

    run_worker_round()

    assert not Rejection.objects.filter(excerpt__contains="SECRET_KEY").exists()
    assert secret.read_text().startswith("SECRET_KEY") and (folder / "delivery.json").is_symlink()


def test_the_rejection_inspector_shows_the_bytes_of_a_delivery(drop_root):
    folder = drop_root / "northwind"
    folder.mkdir()
    make_source(transport=Source.Transport.FOLDER, folder=str(folder), url="")
    (folder / "broken.json").write_bytes(b'{"this is": "not ninjs"')
    run_worker_round()
    rejection = Rejection.objects.get()

    page = signed_in(EDITOR).get(reverse("rejection:inspect", args=[rejection.pk])).content.decode()

    assert "not ninjs" in page
