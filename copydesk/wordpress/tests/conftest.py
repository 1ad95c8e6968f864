"""An invented WordPress site's export, its uploads folder and a web server for its other images."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from copydesk.wire.tests.localserver import send, serve

FIXTURES = Path(__file__).parent / "fixtures"
# The export names this host for one image; the tests serve it from 127.0.0.1 instead.
MEDIA_HOST = "http://media.harbourtimes.example"


def png(colour=(10, 80, 160)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), colour).save(buffer, "PNG")
    return buffer.getvalue()


def import_wordpress(*args) -> tuple[str, int]:
    """Run `copydesk import-wordpress`; return what it printed and its exit status."""
    out = io.StringIO()
    try:
        call_command("import-wordpress", *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return out.getvalue() + f"CommandError: {error}", 1
    return out.getvalue(), 0


@pytest.fixture
def uploads(tmp_path):
    """A copy of the site's wp-content/uploads with the one picture the export finds there."""
    folder = tmp_path / "uploads"
    (folder / "2024" / "03").mkdir(parents=True)
    (folder / "2024" / "03" / "quay-dawn.png").write_bytes(png())
    return folder


@pytest.fixture
def media_server(settings):
    """Serve the export's image at a URL, as the old site's media host would; count the requests."""
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    requests = []

    def east_pier(handler):
        requests.append(handler.path)
        send(handler, 200, png((160, 80, 10)), Content_Type="image/png")

    with serve({"/wp-content/uploads/2024/03/east-pier.png": east_pier}) as base:
        yield base, requests


@pytest.fixture
def export(tmp_path, media_server):
    """The Harbour Times export, its media host pointed at the test server."""
    path = tmp_path / "harbour.xml"
    path.write_text((FIXTURES / "harbour.xml").read_text().replace(MEDIA_HOST, media_server[0]))
    return path


@pytest.fixture
def imported(db, export, uploads):
    """The export imported once, with its uploads folder; the command's output."""
    output, status = import_wordpress(export, "--media-dir", uploads)
    assert status == 0, output
    return output
