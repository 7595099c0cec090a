"""The import report: a summary table, the problems, a progress bar on terminals only."""

import io

from transfer.report import Report
from transfer.writer import Outcome


class Terminal(io.StringIO):
    def isatty(self):
        return True


def report_of(*outcomes, stream=None) -> Report:
    report = Report(total=len(outcomes), stream=stream or io.StringIO())
    for outcome in outcomes:
        report.add(outcome)
    return report


def test_table_counts_each_action_per_kind():
    report = report_of(
        Outcome("created", "article", "#1 One"),
        Outcome("created", "article", "#2 Two"),
        Outcome("failed", "article", "#3 Three", "It has no title."),
        Outcome("unchanged", "image", "a.png"),
    )
    report.note("comments", 12, "counted, not imported")

    lines = [line.split() for line in report.table().splitlines()]

    assert lines[0] == ["imported", "updated", "unchanged", "skipped", "failed"]
    assert lines[1] == ["article", "2", "0", "0", "0", "1"]
    assert lines[2] == ["image", "0", "0", "1", "0", "0"]
    assert lines[3] == ["comments:", "12", "counted,", "not", "imported"]


def test_problems_list_failures_and_notes_only():
    report = report_of(
        Outcome("created", "article", "#1 One"),
        Outcome("created", "article", "#2 Two", "came in as a draft: no summary"),
        Outcome("failed", "article", "#3 Three", "It has no title."),
    )

    assert report.problems() == [
        "created article #2 Two: came in as a draft: no summary",
        "failed article #3 Three: It has no title.",
    ]


def test_progress_bar_is_drawn_on_a_terminal():
    terminal = Terminal()

    report_of(Outcome("created", "article", "#1"), stream=terminal)

    assert "1/1" in terminal.getvalue()


def test_no_progress_bar_when_output_is_not_a_terminal():
    stream = io.StringIO()

    report_of(Outcome("created", "article", "#1"), stream=stream)

    assert stream.getvalue() == ""
