"""Every setting and command a newsroom can use is documented."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_variable_read_by_settings_is_documented():
    source = (ROOT / "copydesk" / "settings.py").read_text()
    read = set(re.findall(r'env(?:_bool)?\("([A-Z_]+)"', source))
    documented = (ROOT / "docs" / "reference" / "settings.md").read_text()
    assert read, "found no settings; has settings.py stopped using env()?"
    missing = sorted(name for name in read if f"`{name}`" not in documented)
    assert not missing, f"document these in docs/reference/settings.md: {missing}"


def test_every_copydesk_command_is_documented():
    ours = sorted(name for name, app in get_commands().items() if app.startswith("copydesk."))
    documented = (ROOT / "docs" / "reference" / "commands.md").read_text()
    assert ours, "found no Copydesk management commands"
    missing = [name for name in ours if f"`copydesk {name}" not in documented]
    assert not missing, f"document these in docs/reference/commands.md: {missing}"


def test_readme_first_screen_gives_exactly_the_two_commands():
    first_screen = (ROOT / "README.md").read_text().split("---")[0]
    commands = re.findall(r"^    (\S.*)$", first_screen, flags=re.MULTILINE)
    assert commands == ["make demo", "make test"]
    assert "![" in first_screen and (ROOT / "docs" / "screenshot-article.png").exists()
