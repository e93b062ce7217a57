"""The pinned-package check shared by the data build scripts (their output depends on the
exact package versions, so a different version is an error, not a warning)."""

from __future__ import annotations

import sys
from importlib import metadata


def check_versions(pinned: dict[str, str]) -> None:
    """Exit with a one-line message unless every package of ``pinned`` is installed at its version."""
    for name, version in pinned.items():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            sys.exit(f"{name}=={version} is not installed: pip install {name}=={version}")
        if found != version:
            sys.exit(f"{name} {found} is installed; this script is pinned to {version}")
