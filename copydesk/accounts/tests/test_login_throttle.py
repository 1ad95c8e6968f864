"""Signing in to the admin: password guessing is locked out, and no answer says whether an account exists."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
FAILED = "Your username and password didn't match"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("maya", "maya@example.com", PASSWORD)


def sign_in(username, password, address="127.0.0.1"):
    """POST the admin's sign-in form from a fresh browser at that address; return the response."""
    return Client(REMOTE_ADDR=address).post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


def visible_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def is_signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_the_right_password_signs_in(editor):
    assert is_signed_in(sign_in("maya", PASSWORD))


def test_five_wrong_passwords_lock_out_even_the_right_one(editor):
    answers = [sign_in("maya", f"guess-{n}").status_code for n in range(5)]

    assert answers == [200, 200, 200, 200, 429]
    refused = sign_in("maya", PASSWORD)
    assert refused.status_code == 429
    assert visible_text(refused) == "Too many failed sign-in attempts. Please try again in 15 minutes."
    assert "sessionid" not in refused.cookies


def test_a_wrong_password_and_an_unknown_username_get_the_same_answers(editor):
    for attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        real = sign_in("maya", f"guess-{attempt}")
        unknown = sign_in("nobody-by-this-name", f"guess-{attempt}")
        assert (real.status_code, visible_text(real)) == (unknown.status_code, visible_text(unknown)), attempt
        if attempt < settings.AXES_FAILURE_LIMIT - 1:
            assert FAILED in visible_text(real)
        else:
            assert real.status_code == 429


def test_the_lockout_holds_one_username_from_one_address(editor):
    other = get_user_model().objects.create_superuser("jonah", "jonah@example.com", PASSWORD)
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("maya", f"guess-{n}")

    assert sign_in("maya", PASSWORD).status_code == 429
    assert is_signed_in(sign_in(other.username, PASSWORD))  # another username, same address
    assert is_signed_in(sign_in("maya", PASSWORD, address="203.0.113.9"))  # same username, elsewhere


def test_the_lockout_ends_after_the_cool_off(editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("maya", f"guess-{n}")

    def last_failure_ago(delta):
        AccessAttempt.objects.update(attempt_time=timezone.now() - delta)

    last_failure_ago(settings.AXES_COOLOFF_TIME - timedelta(minutes=1))
    assert sign_in("maya", PASSWORD).status_code == 429
    last_failure_ago(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
    assert is_signed_in(sign_in("maya", PASSWORD))


# Behind nginx and Varnish every request reaches gunicorn from 127.0.0.1; the client is in X-Forwarded-For.
def sign_in_through_proxies(username, password, client, forged=""):
    """As nginx and Varnish pass a client's POST on: each appends the address it was reached from."""
    chain = ", ".join(filter(None, [forged, client, "127.0.0.1"]))
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=chain).post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


def test_wrong_passwords_from_one_address_do_not_lock_the_editor_out_from_another(editor):
    answers = [sign_in_through_proxies("maya", f"guess-{n}", "198.51.100.7").status_code for n in range(5)]

    assert answers[-1] == 429, "the guessing address is locked out"
    assert sign_in_through_proxies("maya", "guess-6", "203.0.113.20").status_code == 200
    assert is_signed_in(sign_in_through_proxies("maya", PASSWORD, "203.0.113.20"))


def test_guessing_across_many_usernames_from_one_address_is_throttled(editor, settings):
    settings.COPYDESK_LOGIN_ADDRESS_FAILURE_LIMIT = 12
    answers = [sign_in_through_proxies(f"user-{n}", "guess", "198.51.100.7").status_code for n in range(12)]

    assert answers == [200] * 11 + [429], "no username was tried five times, yet the address is stopped"
    assert sign_in_through_proxies("maya", PASSWORD, "198.51.100.7").status_code == 429
    assert is_signed_in(sign_in_through_proxies("maya", PASSWORD, "203.0.113.20"))


def test_a_forged_forwarded_for_is_ignored(editor):
    for n in range(5):
        # The client claims to be someone else each time; nginx appends its real address after the claim.
        sign_in_through_proxies("maya", f"guess-{n}", "198.51.100.7", forged=f"192.0.2.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    assert sign_in_through_proxies("maya", PASSWORD, "198.51.100.7", forged="192.0.2.99").status_code == 429


def test_forwarded_for_from_a_client_that_is_not_a_trusted_proxy_is_ignored(editor):
    for n in range(5):
        Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").post(
            reverse("wagtailadmin_login"), {"username": "maya", "password": f"guess-{n}"}
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    assert is_signed_in(sign_in_through_proxies("maya", PASSWORD, "192.0.2.1"))
