"""Stored XSS: hostile text through ingest, the WordPress import and the fields each role writes,
rendered in Chromium on every page that shows it, public and admin. No dialog may open."""

from copydesk.conftest import CHROMIUM, CHROMIUM_ARGS

from .corpus import PAYLOADS
from .stack import HOST


def test_no_stored_payload_opens_a_dialog_anywhere(stack, hostile_site, playwright):
    origin = f"https://{HOST}:{stack.https_port}"
    public = ["/", "/search/?q=" + PAYLOADS[1], "/feeds/rss.xml", *hostile_site["articles"]]
    public += hostile_site["sections"] + hostile_site["authors"]
    admin = ["/admin/", "/admin/snippets/newsroom/article/", "/admin/wire/queue/", "/admin/source/",
             "/admin/rejection/", "/admin/delivery/", "/admin/snippets/newsroom/article/?q=alert"]  # fmt: skip
    admin += [f"/admin/snippets/newsroom/article/edit/{pk}/" for pk in hostile_site["admin"]]
    assert len(hostile_site["articles"]) >= 3, hostile_site  # ingest, WordPress and the Reporter's story
    editor = stack.session("editor")
    dialogs, loaded = [], []
    # A browser of its own: the production host name must resolve to this machine.
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"],
    )
    try:
        context = browser.new_context(ignore_https_errors=True)
        context.add_cookies([{"name": c.name, "value": c.value, "url": origin} for c in editor.cookies.jar])
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
        for path in public + admin:
            response = page.goto(origin + path, wait_until="load")
            page.wait_for_timeout(50)  # let onload, ontoggle and onerror handlers run
            loaded.append((path, response.status if response else None))
    finally:
        browser.close()
    assert dialogs == []
    assert [(path, status) for path, status in loaded if status != 200] == []
