"""The search page in a real browser: it fits a phone, works from the masthead, and passes axe-core."""

import pytest

from copydesk.public.tests.test_browser import AXE_RUN, OVERFLOWING

pytestmark = [pytest.mark.browser, pytest.mark.once]

RESULTS = "/search/?q=harbour&section=&author=&from=&to=2099-01-01"


@pytest.mark.parametrize("width", [1280, 375])
def test_a_search_from_the_masthead_shows_marked_results_that_fit_the_page(
    open_page, newsroom, screenshot_dir, width
):
    page = open_page("/", width=width)
    page.fill("#masthead-q", "harbour")
    page.press("#masthead-q", "Enter")
    page.wait_for_url("**/search/?q=harbour")
    assert page.locator(".search-result").count() >= 2
    assert page.locator(".search-result mark").first.text_content().lower() == "harbour"
    page.screenshot(path=screenshot_dir / f"search-{width}.png", full_page=True)
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, f"too wide at {width}px: {page.evaluate(OVERFLOWING)}"
    assert page.locator("h1").count() == 1
    assert page.errors == []


def test_the_search_page_has_no_serious_accessibility_violations(open_page, newsroom, axe_script):
    page = open_page(RESULTS, width=1280)
    page.evaluate(axe_script.read_text())
    serious = [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]
    assert not serious, serious
