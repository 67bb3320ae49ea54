"""Today's "First impression by month": for the whole desk, this month and the five before it —
new tickets, the typical (median) wait for the first reply, the share answered within an hour,
and the typical time to resolve. The same figures as the client report's month table
(core.first_impression), so that a slow month shows before the report does."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from agencydesk.core.first_impression import MonthFigures
from agencydesk.qt.common.formatting import format_month, format_wait

_NONE = "–"


def _wait(seconds: float | None) -> str:
    return _NONE if seconds is None else format_wait(seconds)


def months_table(months: list[MonthFigures]) -> str:
    """The months as a rich-text table, newest first; "–" where there is nothing to measure."""
    heads = (
        (QCoreApplication.translate("MonthsTable", "Month"), "left"),
        (QCoreApplication.translate("MonthsTable", "New"), "right"),
        (QCoreApplication.translate("MonthsTable", "First reply"), "right"),
        (QCoreApplication.translate("MonthsTable", "Within an hour"), "right"),
        (QCoreApplication.translate("MonthsTable", "Resolved in"), "right"),
    )
    rows = [[f"<th align='{side}'>{html.escape(text)}</th>" for text, side in heads]]
    for month in months:
        figures = month.figures
        within = figures.within_hour
        cells = (
            format_month(month.month),
            str(figures.opened),
            _wait(figures.median_first_reply),
            _NONE if within is None else f"{round(within * 100)}%",
            _wait(figures.median_resolve),
        )
        rows.append(
            [
                f"<td align='{side}'>{html.escape(text)}</td>"
                for text, (_head, side) in zip(cells, heads, strict=True)
            ]
        )
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3' width='100%'>{body}</table>"
