"""The public pages' browser fixtures (Chromium, the live server, a small newsroom), for the search page."""

from copydesk.public.tests.conftest import (  # noqa: F401
    axe_script,
    browser,
    newsroom,
    open_page,
    screenshot_dir,
)
