"""The one multi-line text editor of the app: every TextArea is an AppTextArea.

Built on compat's UndoSafeTextArea, so undo and redo never crash (Textualize/textual#6686).
"""

from __future__ import annotations

from ..compat import UndoSafeTextArea


class AppTextArea(UndoSafeTextArea):
    """A TextArea for meeting text (notes, decisions, agenda fields)."""
