"""Where the project's shared data lies for the tests that need it (not a test module itself).

``../shared`` beside the repository (a checkout in CI), or ``$NEWSGRAPH_SHARED`` when set (a
worktree elsewhere). A user's fresh clone has neither: those tests skip with a message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """The path under the shared folder, or a skip of the calling test when it is absent."""
    path = shared_root().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found (../shared is optional; set NEWSGRAPH_SHARED to point at it)")
    return path
