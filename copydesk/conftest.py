"""Builders shared by every app's tests: real actions on a real database, no mocks."""

import io
import os
import shutil
from datetime import timedelta
from itertools import count
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from copydesk.newsroom.actions import create_article, publish_article
from copydesk.newsroom.models import Agency, Author, Section

_serial = count(1)


def make_image(title="A test picture", colour=(40, 90, 140), description=""):
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), colour).save(buffer, "PNG")
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(buffer, name=f"test-{next(_serial)}.png")
    image.save()
    return image


def make_section(name=None, **fields):
    n = next(_serial)
    name = name or f"Section {n}"
    return Section.objects.create(name=name, slug=fields.pop("slug", f"section-{n}"), order=n, **fields)


def make_author(name=None, bio="Covers the harbour and the courts for the paper.", photo=True, **fields):
    n = next(_serial)
    author = Author(
        name=name or f"Reporter {n}",
        slug=fields.pop("slug", f"reporter-{n}"),
        job_title=fields.pop("job_title", "Reporter"),
        bio=bio,
        photo=make_image(f"Portrait {n}") if photo else None,
        **fields,
    )
    author.save()
    return author


def make_agency(name="Northwind Wire", credit="NWA"):
    return Agency.objects.get_or_create(name=name, defaults={"credit": credit})[0]


def make_article(
    headline=None,
    *,
    section=None,
    authors=(),
    body=None,
    minutes_ago=60,
    publish=True,
    image=False,
    **fields,
):
    n = next(_serial)
    headline = headline or f"Ferry timetable changes announced for winter number {n}"
    body = body or (
        f"<p>Story {n}: the harbour authority said on Tuesday that crossings would run every forty minutes.</p>"
        "<p>Passengers will be able to buy tickets on board until the new machines arrive.</p>"
    )
    if image:
        fields.setdefault("lead_image", make_image(f"Lead {n}"))
        fields.setdefault("lead_image_alt", f"The quay at dusk, picture {n}")
    article = create_article(
        headline=headline,
        slug=fields.pop("slug", f"story-{n}"),
        body=body,
        section=section or make_section(),
        authors=authors,
        **fields,
    )
    if publish:
        article = publish_article(article, published_at=timezone.now() - timedelta(minutes=minutes_ago))
    return article


def user_with_role(role, name=None, email=None):
    """A user in one of the role groups ("Contributor", "Reporter", "Editor"), as createuser makes one.

    The address is name@example.com unless given ("" for a user without one)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    name = name or role.lower()
    address = f"{name}@example.com" if email is None else email
    user = get_user_model().objects.create_user(name, address, "long-test-password-1")
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(user):
    """A test client signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def section(db):
    return make_section("Local", slug="local")


# The browser: Debian's Chromium driven by Playwright, one per test run for every app's page tests.

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def playwright():
    """Playwright, started once per run: its sync API keeps an event loop in this thread, so a second
    instance cannot start beside it. Tests that need a browser of their own launch it from here."""
    if not CHROMIUM.exists():
        reason = "Browser tests need Debian's Chromium: apt-get install chromium fonts-liberation"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so a missing browser is an error, not a skip).")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Django refuses ORM calls under a running loop; the builders and the live server need them,
    # so allow it while Playwright runs only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as started:
        yield started
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(playwright):
    """Launch the system Chromium once per run; Playwright's own browser downloads are never used."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def open_page(browser, live_server):
    """Return open(path, width=1280, before=None): a fresh page at that width, loaded from the live server.

    `before(page)` runs before navigation (to install a fake clock, for instance). Uncaught
    script errors are collected on `page.errors`.
    """
    contexts = []

    def open_(path, width=1280, before=None):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        if before:
            before(page)
        page.response = page.goto(live_server.url + path, wait_until="load")
        assert page.response.status == 200, f"{path} answered {page.response.status}"
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir(pytestconfig):
    path = pytestconfig.rootpath / "test-artifacts" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def axe_script(pytestconfig):
    path = pytestconfig.rootpath / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        message = f"{path} is missing: run `npm ci` in {pytestconfig.rootpath}"
        if os.environ.get("CI") or shutil.which("npm") is None:
            pytest.fail(message)
        pytest.skip(message)
    return path


def pytest_runtest_setup(item):
    """CI runs `make test` twice, on SQLite and on PostgreSQL (.ci/run). Suites whose outcome does not
    depend on the engine, and that cost minutes, run once, where they belong:

    - `e2e` suites start their own PostgreSQL, Redis and servers whatever the pass: the PostgreSQL
      pass, the production stack they test;
    - `postgresql` tests need what only PostgreSQL gives (concurrent requests on one test database);
    - `once` suites (browsers, Varnish, nginx, fresh installs) test pages, caches and packaging, not
      the database: the SQLite pass.
    """
    on_postgresql = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if item.get_closest_marker("e2e") and not on_postgresql:
        pytest.skip("end to end on its own PostgreSQL stack: run once, in the PostgreSQL pass")
    if item.get_closest_marker("postgresql") and not on_postgresql:
        pytest.skip("needs PostgreSQL (concurrent requests on one database): runs in the PostgreSQL pass")
    if item.get_closest_marker("once") and on_postgresql and not item.get_closest_marker("postgresql"):
        pytest.skip("does not depend on the database engine: runs once, in the SQLite pass")
