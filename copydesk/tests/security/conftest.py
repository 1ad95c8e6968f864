"""The outside-in security suite: one production-shaped stack for the whole run (issue 11, point 9).

It runs in CI's PostgreSQL pass only (DATABASE_URL names PostgreSQL): the stack brings its own
private PostgreSQL, so a second run in the SQLite pass would only repeat it. Select it with `-m e2e`
or `copydesk/tests/security`.
"""

import os
import shutil
from pathlib import Path

import pytest

from copydesk.public.tests.servers import postgres_bin_dir

from .stack import Stack

REQUIRED = {"nginx": "nginx", "varnishd": "varnish", "redis-server": "redis-server", "openssl": "openssl"}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def missing(what):
    (pytest.fail if os.environ.get("CI") else pytest.skip)(what)


@pytest.fixture(scope="session")
def stack():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the security suite runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")
    for program, package in REQUIRED.items():
        if not (shutil.which(program) or Path("/usr/sbin", program).exists()):
            missing(f"{program} is not installed: apt-get install {package}")
    if postgres_bin_dir() is None:
        missing("PostgreSQL server binaries not found: apt-get install postgresql")
    running = Stack()
    try:
        yield running.start()
        print(f"security stack timings: {running.timings}")
    except Exception:
        print(running.logs())
        raise
    finally:
        running.stop()


@pytest.fixture(scope="session")
def site(stack):
    """The agency, section, a draft, a tagged story, agency copy and a staff-only document (seed.py)."""
    return stack.seeded["site"]


@pytest.fixture(scope="session")
def hostile_site(stack):
    """The pages that show the stored-XSS corpus (corpus.py), stored while the stack started."""
    return stack.seeded["hostile"]
