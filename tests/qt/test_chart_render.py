"""The referral charts as Qt draws them (QSvgRenderer, SVG Tiny 1.2): every chart loads
without a warning and paints something."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import referrals
from agencydesk.core.models import Client
from agencydesk.core.referrals import ReferralMoment, RootReport, SpreadPoint, SpreadSeries
from agencydesk.reports import charts


@pytest.fixture
def ratna(demo_engine: Engine) -> RootReport:
    with Session(demo_engine) as session:
        root_id = session.exec(select(Client.id).where(Client.name.contains("Ratna"))).one()
        assert root_id is not None
        return referrals.root_report(session=session, root_id=root_id)


def render(svg: str, scale: float = 1.0) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    assert renderer.isValid()
    size = renderer.defaultSize()
    assert size.width() > 0
    assert size.height() > 0
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def inked(image: QImage) -> float:
    """The share of pixels that are not white (sampled on a grid)."""
    step = 3
    total = marked = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            marked += image.pixelColor(x, y).lightness() < 245
    return marked / total


def test_every_chart_renders_in_qt(qtbot: QtBot, ratna: RootReport) -> None:
    name = ratna.cascade.root_name
    svgs = {
        "spread": charts.spread_chart_svg(ratna.spread, root_name=name),
        "spread_id": charts.spread_chart_svg(ratna.spread, root_name=name, lang="id"),
        "orders": charts.spread_chart_svg(ratna.spread, metric="orders", root_name=name),
        "bars": charts.generation_bars_svg(ratna.cascade),
        "tree": charts.tree_svg(ratna.tree),
        "tree_scaled": charts.tree_svg(ratna.tree, width=300),
    }
    for key, svg in svgs.items():
        share = inked(render(svg))
        assert share > 0.05, key  # the bands, bars and circles are there
    empty = SpreadSeries.from_points(1, 1, (), ())
    assert 0 < inked(render(charts.spread_chart_svg(empty))) < 0.05  # a message, no data


def test_a_chart_renders_sharp_at_twice_the_size(qtbot: QtBot) -> None:
    series = SpreadSeries.from_points(1, 1, (SpreadPoint(date(2025, 7, 3), (1,), (500_000,)),), ())
    image = render(charts.spread_chart_svg(series, width=360, height=200), scale=2)
    assert (image.width(), image.height()) == (720, 400)
    assert inked(image) > 0.05


@pytest.mark.parametrize("width", [720, 3000])
def test_twenty_thousand_referrals_render_without_a_warning(qtbot: QtBot, width: int) -> None:
    """QtSvg cuts a path of more than 32,767 elements short ("Invalid path data; path
    truncated", which fails a Qt test): the markers of 20,000 referrals, four elements each,
    were one path per generation. One a day for 55 years."""
    start = date(1990, 1, 1)
    points = (
        SpreadPoint(start, (1, 0), (500_000, 0)),
        SpreadPoint(start + timedelta(days=20_000), (1, 1), (500_000, 900_000)),
    )
    moments = tuple(
        ReferralMoment(start + timedelta(days=day), day + 2, f"Client {day}", 1, 1)
        for day in range(20_000)
    )
    svg = charts.spread_chart_svg(SpreadSeries.from_points(1, 2, points, moments), width=width)
    assert inked(render(svg)) > 0.05  # and Qt said nothing
    markers = re.findall(r'<path d="([^"]*)"[^>]*data-role="moments"', svg)
    assert sum(d.count("M") for d in markers) == len(moments)
