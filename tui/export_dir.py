"""Where exports and printouts are offered by default."""

from __future__ import annotations

import os
from pathlib import Path


def default_export_dir() -> Path:
    """$MOTESBOK_EXPORT_DIR, else the user's documents folder, else home."""
    env = os.environ.get("MOTESBOK_EXPORT_DIR")
    if env:
        return Path(env).expanduser()
    try:
        from platformdirs import user_documents_dir

        docs = Path(user_documents_dir())
        if docs.is_dir():
            return docs
    except Exception:  # noqa: BLE001 - any platform oddity: fall back to home
        pass
    return Path.home()
