"""How many examples a property-based test runs: all of them in `make test` (and CI),
at most QUICK_EXAMPLES in `make test-fast` (MOTESBOK_QUICK_TESTS=1).

A test's own @settings(max_examples=...) wins over any loaded profile, so every test
that sets its count writes it as `examples(N)`; tests/unit/test_tests_hygiene.py
refuses a bare number there.
"""

from __future__ import annotations

import os

QUICK = os.environ.get("MOTESBOK_QUICK_TESTS") == "1"
QUICK_EXAMPLES = 10


def examples(count: int) -> int:
    """`count` examples, capped in the quick loop."""
    return min(count, QUICK_EXAMPLES) if QUICK else count
