"""What an import did, for the person running it: a summary table and the problems."""

import sys
from collections import Counter, defaultdict

from django.core.management.base import OutputWrapper

from transfer.writer import Outcome

COLUMNS = ("created", "updated", "unchanged", "skipped", "failed")
HEADINGS = ("imported", "updated", "unchanged", "skipped", "failed")
BAR_WIDTH = 30


class Report:
    """Collects Outcomes; draws a progress bar on stream when it is a terminal.

    total: how many items are expected, for the bar (0: no bar).
    """

    def __init__(self, total: int = 0, stream=None):
        self.outcomes: list[Outcome] = []
        self.notes: list[tuple[str, int, str]] = []
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.done += 1
        self._draw()

    def record(self, outcome: Outcome) -> None:
        """Add an outcome the progress bar does not count (a row of a YAML file)."""
        self.outcomes.append(outcome)

    def replace(self, old: Outcome, new: Outcome) -> None:
        """Put new in old's place: the item was written again (a second pass)."""
        self.outcomes[self.outcomes.index(old)] = new

    def note(self, kind: str, count: int, what: str) -> None:
        """Something counted but not imported, e.g. ("comments", 12, "counted, not imported")."""
        self.notes.append((kind, count, what))

    def counts(self) -> dict[str, Counter]:
        """Per kind, how many items ended in each action."""
        counts: dict[str, Counter] = defaultdict(Counter)
        for outcome in self.outcomes:
            counts[outcome.kind][outcome.action] += 1
        return counts

    def table(self) -> str:
        """One row per kind; columns imported/updated/unchanged/skipped/failed."""
        counts = self.counts()
        rows = [("", *HEADINGS)]
        rows += [
            (kind, *(str(counts[kind][column]) for column in COLUMNS))
            for kind in sorted(counts)
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [
            "  ".join(
                cell.ljust(width) if i == 0 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
            for row in rows
        ]
        lines += [f"{kind}: {count} {what}" for kind, count, what in self.notes]
        return "\n".join(lines)

    def problems(self) -> list[str]:
        """One line per failed or skipped item, or one with a note (a draft...)."""
        return [
            f"{outcome.action} {outcome.kind} {outcome.label}: {outcome.reason}"
            for outcome in self.outcomes
            if outcome.reason or outcome.action in ("failed", "skipped")
        ]

    def _draw(self) -> None:
        if not self.total or not _is_terminal(self.stream):
            return
        filled = BAR_WIDTH * min(self.done, self.total) // self.total
        end = "\n" if self.done >= self.total else ""
        text = (
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total}"
        )
        if isinstance(self.stream, OutputWrapper):
            # Plain: a command's stderr would colour it as an error.
            self.stream.write(text, style_func=lambda text: text, ending=end)
        else:
            self.stream.write(text + end)
        self.stream.flush()


def _is_terminal(stream) -> bool:
    # A management command's OutputWrapper answers isatty() for the stream it wraps.
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
