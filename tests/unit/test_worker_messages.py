"""The workers' messages (tui/worker_messages.py) are plain dataclass messages."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from tui import worker_messages

MESSAGES = [cls for _, cls in inspect.getmembers(worker_messages, inspect.isclass)
            if issubclass(cls, worker_messages.WorkerMessage)
            and cls is not worker_messages.WorkerMessage]


def test_messages_found():
    assert len(MESSAGES) >= 6


@pytest.mark.parametrize("cls", MESSAGES, ids=lambda c: c.__name__)
def test_each_builds_from_its_fields_and_bubbles(cls):
    fields = [f for f in dataclasses.fields(cls)
              if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    message = cls(*[None] * len(fields))
    assert message.handler_name.startswith("on_") and message.bubble
    assert message.time is not None
