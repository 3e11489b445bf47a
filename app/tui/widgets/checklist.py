"""The runner checklist: groups and their jobs as a tree of tick boxes, filtered as you type.

Space ticks (a group ticks all its shown jobs), Enter starts, letters filter, Backspace erases.
Each job line shows its last status, last duration and typical duration from past attempts.
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from app.core.jobs import JobSpec
from app.textfmt import clock
from app.tui.format import guess_mark, rich_style, safe
from app.tui.job_stats import JobStats
from app.tui.selection_model import ALL, NONE, Selection, matches
from registry.catalogue import Catalogue, Group

BOX = {ALL: "[x] ", "some": "[-] ", NONE: "[ ] "}
NodeData = tuple[str, str]  # ("group" | "job", name)


class JobChecklist(Tree[NodeData]):
    BINDINGS = [
        Binding("space", "toggle_check", "Tick", id="selection.tick"),
        Binding("enter", "screen.start", "Start run", id="selection.start"),
    ]

    class Changed(Message):
        """Ticks or the filter changed."""

    def __init__(self, catalogue: Catalogue, selection: Selection, id: str | None = None) -> None:
        super().__init__("jobs", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self.catalogue = catalogue
        self.selection = selection
        self.stats: dict[str, JobStats] = {}
        self.filter_text = ""
        jobs = list(catalogue.jobs.values())
        self.name_width = min(28, max((len(job.name) for job in jobs), default=10))
        self.title_width = min(26, max((len(job.label) for job in jobs), default=10))

    def on_mount(self) -> None:
        self.rebuild()

    # ------------------------------------------------------------------------------ building
    def visible_jobs(self, group: Group) -> list[JobSpec]:
        return [job for job in group.jobs if matches(job, group, self.filter_text)]

    def rebuild(self) -> None:
        """Re-create the nodes for the current filter, keeping the cursor on the same item."""
        current = self.cursor_node.data if self.cursor_node is not None else None
        self.clear()
        for group in self.catalogue.groups.values():
            shown = self.visible_jobs(group)
            if self.filter_text and not shown:
                continue
            node = self.root.add(self.group_label(group), data=("group", group.name), expand=True)
            node.allow_expand = bool(shown)
            for job in shown:
                node.add_leaf(self.job_label(job), data=("job", job.name))
        self.move_to(current)
        self.post_message(self.Changed())

    def move_to(self, data: NodeData | None) -> None:
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and (data is None or node.data == data):
                self.cursor_line = line
                return

    def refresh_labels(self) -> None:
        for group_node in self.root.children:
            group = self.catalogue.groups[group_node.data[1]]
            group_node.set_label(self.group_label(group))
            for job_node in group_node.children:
                job_node.set_label(self.job_label(self.catalogue.jobs[job_node.data[1]]))
        self.post_message(self.Changed())

    def group_label(self, group: Group) -> Text:
        names = [job.name for job in self.visible_jobs(group)]
        label = Text(BOX[self.selection.state(names)] if names else "    ", style="bold")
        label.append(group.title, style="bold")
        label.append(f"  {group.name}", style="dim")
        if not group.jobs:
            label.append("  (no jobs yet)", style="dim italic")
        else:
            ticked = len(set(job.name for job in group.jobs) & self.selection.chosen)
            label.append(f"  {ticked}/{len(group.jobs)} ticked", style="dim")
            label.append("  parallel" if group.parallel else "  one at a time", style="dim")
        return label

    def job_label(self, job: JobSpec) -> Text:
        ticked = job.name in self.selection.chosen
        stats = self.stats.get(job.name, JobStats(typical_s=job.default_eta_s))
        label = Text(BOX[ALL if ticked else NONE], style="bold" if ticked else "")
        label.append_text(_text(job.name[: self.name_width].ljust(self.name_width), "bold" if ticked else ""))
        label.append("  ")
        label.append_text(_text(job.label[: self.title_width].ljust(self.title_width), "dim"))
        label.append("  last ", style="dim")
        status_style = rich_style(stats.last_status) if stats.last_status else RichStyle(dim=True)
        label.append((stats.last_status or "never").ljust(9), style=status_style)
        label.append(clock(stats.last_duration_s) if stats.last_duration_s is not None else "      -")
        label.append("  typical ", style="dim")
        label.append(f"{guess_mark(stats.typical_guess)}{clock(stats.typical_s)}")
        return label

    # ------------------------------------------------------------------------------ actions
    def action_toggle_check(self) -> None:
        self.toggle(self.cursor_node)

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()  # a click ticks, like Space
        self.toggle(event.node)

    def toggle(self, node: TreeNode[NodeData] | None) -> None:
        if node is None or node.data is None:
            return
        kind, name = node.data
        if kind == "job":
            self.selection.toggle(name)
        else:
            names = [job.name for job in self.visible_jobs(self.catalogue.groups[name])]
            self.selection.set_many(names, self.selection.state(names) != ALL)
        self.refresh_labels()

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.rebuild()

    def on_key(self, event: events.Key) -> None:
        """Letters, digits and punctuation filter; Backspace erases (Space and Enter stay keys)."""
        if event.key == "backspace" and self.filter_text:
            self.set_filter(self.filter_text[:-1])
        elif event.is_printable and event.character and not event.character.isspace():
            self.set_filter(self.filter_text + event.character)
        else:
            return
        event.stop()
        event.prevent_default()


def _text(value: str, style: str = "") -> Text:
    """Untrusted-safe Rich text for Tree labels (Tree parses plain strings as markup)."""
    return Text(safe(value).plain, style=style)
