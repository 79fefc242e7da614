"""Shared fixtures. Every store test can run against memory and file storage."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.examples import QUICK, QUICK_EXAMPLES  # noqa: E402

# Hypothesis's default 200 ms deadline per example measures the machine, not the code:
# on a loaded two-core CI runner an ordinary example can take longer. Time targets are
# measured by the scripts in bench/, never by tests.
settings.register_profile("motesbok", deadline=None)
# `make test-fast`: tests without their own count run QUICK_EXAMPLES; tests with one
# cap it themselves through tests.support.examples.examples().
settings.register_profile("motesbok-quick", parent=settings.get_profile("motesbok"),
                          max_examples=QUICK_EXAMPLES)
settings.load_profile("motesbok-quick" if QUICK else "motesbok")

from store import MeetingStore  # noqa: E402
from store.demo import demo_meeting  # noqa: E402


# The collector, tuned for a test process as the app tunes it for itself (tui/compat
# on_ready). A worker holds every imported module (textual, hypothesis, lxml...) and
# each Pilot test makes tens of thousands of short-lived objects: with Python's default
# threshold of 700 a fifth of a functional worker's CPU went to collections, most of it
# full ones walking the imported modules again. Fewer young collections, and the
# objects alive after collection frozen out of the full ones, free every cycle all the
# same, only later.
gc.set_threshold(7000, *gc.get_threshold()[1:])


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items):
    """The long tests first (real processes, property-based runs), then the app's
    Pilot tests (about a second each), then the unit tests (milliseconds), each group
    in its own order.

    pytest-xdist hands the tests out in this order (`--dist worksteal`: a worker that
    runs out takes the last half of the other's queue): a long test left for the end
    keeps one of the two workers busy while the other has nothing left to do; a queue
    that ends in millisecond tests is shared out evenly to the last test.
    """
    from hypothesis import is_hypothesis_test

    def long(item) -> bool:
        return item.get_closest_marker("slow") is not None or is_hypothesis_test(
            getattr(item, "obj", None))

    def unit(item) -> bool:
        return "functional" not in item.path.parts

    items.sort(key=lambda item: (not long(item), unit(item)))


@pytest.fixture(scope="session")
def _isolation_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("isolated")


_isolated_count = 0


@pytest.fixture(autouse=True)
def _isolated_data_dir(request, _isolation_root):
    """Never touch the user's real data directory (nor home) from a test.

    A test that has a tmp_path gets its data directory in it (tmp_path / "data", as
    `data_dir` says); the others, most of the suite, get a plain numbered directory:
    pytest's tmp_path and monkeypatch machinery cost ~5 ms a test, ~10 s of the suite.
    """
    global _isolated_count
    if "tmp_path" in request.fixturenames:
        tmp_path = request.getfixturevalue("tmp_path")
        data = tmp_path / "data"
        # Beside tmp_path, not in it: tests that list tmp_path must not see it.
        home = tmp_path.parent / f"{tmp_path.name}-home"
    else:
        _isolated_count += 1
        data = _isolation_root / str(_isolated_count) / "data"
        home = _isolation_root / str(_isolated_count) / "home"
    # Emergency copies and default export folders land in the home directory.
    home.mkdir(parents=True, exist_ok=True)
    saved = {name: os.environ.get(name) for name in ("MOTESBOK_DATA_DIR", "HOME")}
    os.environ["MOTESBOK_DATA_DIR"] = str(data)
    os.environ["HOME"] = str(home)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


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
