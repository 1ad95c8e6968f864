"""A clean install works: a fresh virtualenv, with the pip that `python3.11 -m venv` ships or a newer one.

Each test makes a real virtualenv and installs Copydesk into it from PyPI (pip's cache makes the
second run quick), then runs the `copydesk` command, whose settings import every app, partner-page
extraction included (jusText needs lxml's html_clean, which lxml no longer carries).
Installing does not depend on the database, so these run once, in the SQLite pass.
"""

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.install, pytest.mark.once]


def run(*command, cwd=ROOT, env=None):
    finished = subprocess.run(  # noqa: S603
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert finished.returncode == 0, (
        f"{command} failed:\n{finished.stdout[-3000:]}\n{finished.stderr[-3000:]}"
    )
    return finished


def fresh_venv(path, *, upgrade_pip):
    venv.EnvBuilder(with_pip=True).create(path)
    python = path / "bin" / "python"
    if upgrade_pip:
        run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
    return python


def works(python, tmp_path):
    """Run the installed `copydesk` command from outside the source tree, as a user would."""
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "install-test-" + "x" * 40,
        "COPYDESK_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'install.sqlite3'}",
    }
    run(python.parent / "copydesk", "check", cwd=tmp_path, env=env)
    probe = "import copydesk.wire.partner, justext, lxml_html_clean; print('ok')"
    run(python, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='copydesk.settings'; django.setup(); {probe}",
        cwd=tmp_path, env=env)  # fmt: skip


def test_editable_install_with_the_pip_venv_ships(tmp_path):
    python = fresh_venv(tmp_path / "venv", upgrade_pip=False)
    run(python, "-m", "pip", "install", "-q", "-e", ROOT)
    works(python, tmp_path)


@pytest.mark.parametrize("upgrade_pip", [False, True], ids=["pip-venv-ships", "upgraded-pip"])
def test_locked_install(tmp_path, upgrade_pip):
    """The route `make demo` and `make test` take: every package pinned and hashed by the lock file."""
    python = fresh_venv(tmp_path / "venv", upgrade_pip=upgrade_pip)
    run(
        python,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--require-hashes",
        "-r",
        ROOT / "requirements" / "base.txt",
    )
    run(python, "-m", "pip", "install", "-q", "--no-deps", "-e", ROOT)
    run(python, "-m", "pip", "check")
    works(python, tmp_path)


def test_lock_files_pin_what_pyproject_asks_for():
    """Every dependency named in pyproject.toml is in both lock files at the same version."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    locks = {name: (ROOT / "requirements" / f"{name}.txt").read_text().lower() for name in ("base", "test")}
    wanted = {
        "base": project["dependencies"],
        "test": project["dependencies"] + project["optional-dependencies"]["test"],
    }
    for lock, requirements in wanted.items():
        for requirement in requirements:
            assert "==" in requirement, f"{requirement} in pyproject.toml is not pinned"
            name, version = (part.strip() for part in requirement.split(";")[0].split("=="))
            name = name.split("[")[0].lower().replace("_", "-")
            assert f"\n{name}=={version} " in locks[lock].replace("_", "-"), (
                f"{name}=={version} is missing from requirements/{lock}.txt: run `make lock`"
            )
    assert sys.version_info[:2] == (3, 11)
