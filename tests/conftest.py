"""Shared fixtures. Every store test can run against memory and file storage."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis's default 200 ms deadline per example measures the machine, not the code:
# on a loaded two-core CI runner an ordinary example can take longer. Time targets are
# measured by the scripts in bench/, never by tests.
settings.register_profile("motesbok", deadline=None)
#: `make test-fast` (MOTESBOK_QUICK_TESTS=1): every property-based test runs at most this
#: many examples, its own max_examples included; `make test` (and CI) runs them all.
QUICK_EXAMPLES = 20
QUICK = os.environ.get("MOTESBOK_QUICK_TESTS") == "1"
settings.register_profile("motesbok-quick", parent=settings.get_profile("motesbok"),
                          max_examples=QUICK_EXAMPLES)
settings.load_profile("motesbok-quick" if QUICK else "motesbok")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store import MeetingStore  # noqa: E402
from store.demo import demo_meeting  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """In quick mode, cap the examples of tests that set their own max_examples too.

    A test's @settings wins over the profile, so the cap is put on the settings
    Hypothesis reads when the test runs (its one attribute for them).
    """
    if not QUICK:
        return
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None and own.max_examples > QUICK_EXAMPLES:
            test._hypothesis_internal_use_settings = settings(own, max_examples=QUICK_EXAMPLES)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Never touch the user's real data directory from a test."""
    monkeypatch.setenv("MOTESBOK_DATA_DIR", str(tmp_path / "data"))
    # Emergency copies and default export folders land in the home directory.
    # Beside tmp_path, not in it: tests that list tmp_path must not see it.
    home = tmp_path.parent / f"{tmp_path.name}-home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture(params=["memory", "file"])
def store(request, data_dir) -> MeetingStore:
    """A store on each backend, as TinyDB tests its own storages."""
    if request.param == "memory":
        return MeetingStore.in_memory()
    return MeetingStore.at(data_dir)


@pytest.fixture
def file_store(data_dir) -> MeetingStore:
    return MeetingStore.at(data_dir)


@pytest.fixture
def sample_meeting():
    return demo_meeting()


def python_exe() -> str:
    return sys.executable


def child_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["MOTESBOK_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(ROOT)
    return env
