"""The README promises commands and JSON keys; check them against the code."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def _commands() -> set[str]:
    group = typer.main.get_group(app)
    names = set(group.commands)
    for name, cmd in group.commands.items():
        for sub in getattr(cmd, "commands", {}):
            names.add(f"{name} {sub}")
    return names


def test_every_command_in_the_readme_table_exists():
    listed = set(re.findall(r"^\| `([a-z-]+(?: [a-z-]+)?)", README, re.M))
    listed = {x for x in listed if not x.startswith("-")}
    assert listed, "the README lists no commands"
    missing = {c for c in listed if c not in _commands() and c.split()[0] not in _commands()}
    assert not missing, f"README lists commands the CLI lacks: {missing}"


def test_every_cli_command_is_documented():
    undocumented = {c for c in _commands() if f"`{c}" not in README and c not in {"version"}}
    assert not undocumented, f"commands missing from the README: {undocumented}"


def test_readme_shows_the_two_commands():
    assert "make demo" in README and "make test" in README
