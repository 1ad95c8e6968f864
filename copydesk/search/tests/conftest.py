"""The public pages' small newsroom, for the search page in the browser."""

from copydesk.public.tests.conftest import newsroom  # noqa: F401
