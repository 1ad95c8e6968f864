"""A picture server on 127.0.0.1 for the picture tests: invented PNGs, a 404, a page that is no image,
and pictures that answer errors for a while (an agency's upload still under way, a server's bad minute)."""

import io
from contextlib import contextmanager

from PIL import Image as PILImage

from .localserver import send, serve


def png(colour=(30, 110, 150), size=(240, 160)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


@contextmanager
def picture_server(settings, statuses=None, **pictures):
    """Serve each named picture at /<name>.png; /missing.png answers 404, /page.png is HTML.

    `statuses` maps a name to the HTTP statuses its requests answer in turn, the last one for
    every request after (`{"late": [404, 200]}`: a 404, then the picture). The list is the
    caller's, so a test may change what the next requests get.
    """
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    requests = []
    statuses = statuses if statuses is not None else {}

    def route(body, content_type="image/png", status=200, name=""):
        def answer(handler):
            requests.append(handler.path)
            turns = statuses.get(name) or [status]
            code = turns.pop(0) if len(turns) > 1 else turns[0]
            if code == 200:
                send(handler, code, body, Content_Type=content_type)
            else:
                send(handler, code, b"<html><body>Not now</body></html>", Content_Type="text/html")

        return answer

    routes = {f"/{name}.png": route(body, name=name) for name, body in pictures.items()}
    routes["/page.png"] = route(b"<html><body>Not a picture</body></html>", "text/html")
    with serve(routes) as base:
        yield base, requests


def lead_figure(client, article):
    """The lead image's (src, alt, caption text) as a reader's page shows it, or None."""
    from bs4 import BeautifulSoup

    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    figure = BeautifulSoup(response.content, "html.parser").select_one("figure.story__lead-image")
    if figure is None:
        return None
    img, caption = figure.find("img"), figure.find("figcaption")
    return img["src"], img.get("alt", ""), caption.get_text(" ", strip=True) if caption else ""
