"""TinyDB's file layout for a meeting: one table, one document.

A meeting file is ``{TABLE: {str(DOC_ID): <meeting dict>}}``. Only this module knows
that shape; everything else asks it for the meeting dict in a database or the other
way round.
"""

from __future__ import annotations

TABLE = "meeting"
DOC_ID = 1
