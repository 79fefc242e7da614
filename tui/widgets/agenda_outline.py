"""The agenda editor's tree: a long title ends in … within the tree's width (the
standing mark ↻ stays after it) instead of the tree scrolling sideways."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree

from .standing_mark import fit_label


class AgendaOutline(Tree[str]):
    DEFAULT_CSS = """
    AgendaOutline {
        overflow-x: hidden;
    }
    """

    def render_label(self, node, base_style, style) -> Text:
        label = super().render_label(node, base_style, style)
        return fit_label(label, self._label_width(node))

    def _label_width(self, node) -> int:
        """Cells left for `node`'s label after its indentation and the scroll bar."""
        width, height = self.size
        if self.last_line + 1 > height:  # the lines (built before their widths are asked)
            width -= self.styles.scrollbar_size_vertical
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        indent = (depth + int(self.show_root)) * self.guide_depth
        return max(width - indent, 1) if width > 0 else 0
