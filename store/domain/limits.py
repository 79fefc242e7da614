"""How big a meeting from outside may be: one place for every import's caps.

A meeting is never this big; a file that is would make the app slow to open and to
save (200 000 items: 35 s to open, 4.6 s per save), so every import (JSON, text, Word,
our minutes) refuses it with a message instead. The store's own files are not capped:
nothing typed is ever refused on the way back in.
"""

#: Agenda items, sub-items included.
MAX_ITEMS = 5000
MAX_PARTICIPANTS = 5000
#: Actions, decisions and attachment names, over all items.
MAX_ACTIONS = 5000
MAX_DECISIONS = 5000
MAX_ATTACHMENTS = 5000
#: One text field (a title, the notes of one item): about a hundred pages.
MAX_TEXT_CHARS = 200_000
#: Levels of sub-items (the minutes use three).
MAX_ITEM_DEPTH = 10
