"""What a reader's browser sees: layout at phone and desktop widths, live relative times, accessibility.

Runs Debian's Chromium through Playwright against pytest-django's live server; the data comes
from the `newsroom` fixture in this folder's conftest.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup

from copydesk.public.timefmt import relative_time

pytestmark = [pytest.mark.browser, pytest.mark.once]

WIDTHS = [1280, 375]

# Elements reaching past the right edge of the viewport, so an overflow failure names its cause.
OVERFLOWING = """() => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 8)
  .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`)"""

LOAD_EVERY_IMAGE = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  window.scrollTo(0, 0);
  await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
}"""

AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(node => node.target.join(" ")),
  }));
}"""


def reader_paths(newsroom):
    return {
        "home": "/",
        "section": newsroom.sections["news"].get_absolute_url(),
        "article": newsroom.lead.get_absolute_url(),
        "author": newsroom.authors["maya"].get_absolute_url(),
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["home", "article"])
def test_page_fits_the_viewport_with_alt_text_and_one_h1(open_page, newsroom, screenshot_dir, name, width):
    page = open_page(reader_paths(newsroom)[name], width=width)
    page.evaluate(LOAD_EVERY_IMAGE)
    page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)

    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"{name} scrolls sideways at {width}px ({scroll_width} > {inner_width}); "
        f"too wide: {page.evaluate(OVERFLOWING)}"
    )
    images = page.eval_on_selector_all(
        "img",
        "imgs => imgs.map(img => ({src: img.getAttribute('src'), alt: img.getAttribute('alt'),"
        " loaded: img.complete && img.naturalWidth > 0}))",
    )
    assert images, f"{name} shows no images; the newsroom fixture gives every story one"
    assert [img["src"] for img in images if not (img["alt"] or "").strip()] == [], "images without alt text"
    assert [img["src"] for img in images if not img["loaded"]] == [], "images that did not load"
    assert page.locator("h1").count() == 1
    assert page.errors == []


def relative_times(page):
    """Return the text of every <time data-relative> in the page as the browser shows it now."""
    return page.eval_on_selector_all("time[data-relative]", "nodes => nodes.map(n => n.textContent)")


def test_relative_times_in_the_browser_match_the_server_wording(open_page, newsroom):
    page = open_page(newsroom.lead.get_absolute_url())
    served = BeautifulSoup(page.response.text(), "html.parser").select("time[data-relative]")
    server_wording = [node.get_text() for node in served]

    # reltime.js has already rewritten every relative time on load; nothing may have changed.
    assert len(server_wording) >= 5  # the dateline and the recent-posts rail
    assert relative_times(page) == server_wording
    rail = BeautifulSoup(page.response.text(), "html.parser").select_one(".recent time[data-relative]")
    assert [server_wording[0], rail.get_text()] == ["7 minutes ago", "1 hour ago"]  # dateline, Recent posts


def test_browser_and_server_word_every_age_alike(open_page):
    now = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)  # 23:15 in Chatham, so "yesterday" is not 24 hours
    ages = [timedelta(seconds=s) for s in (0, 59, 60, 3599, 3600, 86399, 86400, 125000, 200000)]
    instants = [now - age for age in ages] + [
        datetime(2025, month, 10, 12, tzinfo=UTC) for month in range(1, 13)
    ]
    page = open_page("/")

    in_browser = page.evaluate(
        "([whens, now]) => whens.map(when => copydeskRelativeTime(new Date(when), new Date(now)))",
        [[when.isoformat() for when in instants], now.isoformat()],
    )
    assert in_browser == [relative_time(when, now) for when in instants]


def test_relative_times_keep_counting_on_an_open_page(open_page, newsroom):
    def install_clock(page):
        page.clock.install()  # starts at the real time and keeps running, under the test's control

    page = open_page(newsroom.lead.get_absolute_url(), before=install_clock)
    dateline = page.locator(".story__dateline time[data-relative]")
    rail_first = page.locator(".recent time[data-relative]").first
    assert dateline.text_content() == "7 minutes ago"
    assert rail_first.text_content() == "1 hour ago"

    page.clock.fast_forward("02:00:00")  # the reader comes back to the tab two hours later

    assert dateline.text_content() == "2 hours ago"
    assert rail_first.text_content() == "3 hours ago"
    absolute = page.locator(".story__published time:not([data-relative])").text_content()
    assert re.match(r"\d{1,2} \w+ \d{4}, \d\d:\d\d", absolute), "the absolute time never changes"
    assert page.errors == []


@pytest.mark.parametrize("name", ["home", "section", "article", "author"])
def test_page_has_no_serious_accessibility_violations(open_page, newsroom, axe_script, name):
    page = open_page(reader_paths(newsroom)[name], width=1280)
    # Evaluated, not added as a <script>: the reader pages' policy rightly blocks inline scripts.
    page.evaluate(axe_script.read_text())
    violations = page.evaluate(AXE_RUN)

    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}; first targets: {', '.join(v['targets'])}" for v in serious
    )
    assert not serious, f"axe-core found {len(serious)} serious or critical violations on {name}:\n{report}"
