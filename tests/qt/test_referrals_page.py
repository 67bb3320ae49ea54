"""The Referrals section: the roots list, the figures, the tree (clicks, keys, export, 2,000
nodes) and the charts, on the demo data and real SQLite files."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import DialogAnswerer
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, referrals
from agencydesk.core.db import session_scope
from agencydesk.core.models import Client
from agencydesk.core.referrals import Node, Tree
from agencydesk.qt.common import workers
from agencydesk.qt.referrals.referral_tree_panel import ReferralTreePanel
from agencydesk.qt.referrals.referrals_page import ReferralsPage
from agencydesk.qt.referrals.roots_list import (
    BUSINESS,
    DEPTH_ROLE,
    ROOT_ID_ROLE,
    SUBTITLE_ROLE,
    RootsFilter,
    RootsModel,
    cascade_roots,
)
from agencydesk.qt.referrals.tree_drawing import EXPORT_FOLDER_KEY, LABEL_COLOUR
from agencydesk.qt.shell.main_window import MainWindow
from agencydesk.reports.palette import GENERATION_COLOURS, generation_colour


def _decimal(value: float) -> str:
    """One decimal, as the UI's locale writes it ("9.1", or "9,1" in Indonesian)."""
    return QLocale().toString(value, "f", 1)


def _ids(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            client.name.split()[1]: client.id  # "Ibu Ratna Wulandari" → "Ratna"
            for client in session.exec(select(Client))
            if client.id is not None
        }


@pytest.fixture
def page(qtbot: QtBot, demo_engine: Engine) -> Iterator[ReferralsPage]:
    """The page on the demo data, once it shows the whole business (the first row)."""
    page = ReferralsPage(demo_engine)
    qtbot.addWidget(page)
    page.resize(1000, 680)
    with qtbot.waitSignal(page.business_shown, timeout=10_000):
        page.show()
    yield page
    workers.wait_for_tasks()
    QApplication.processEvents()  # results still on their way arrive while the page lives


def _click_row(qtbot: QtBot, page: ReferralsPage, row: int) -> None:
    index = page.roots_panel.proxy.index(row, 0)
    rect = page.roots_panel.roots.visualRect(index)
    qtbot.mouseClick(
        page.roots_panel.roots.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )


def _show_ratna(qtbot: QtBot, page: ReferralsPage) -> int:
    ratna = page.roots_panel.proxy.index(1, 0).data(ROOT_ID_ROLE)
    with qtbot.waitSignal(page.root_shown, timeout=10_000) as shown:
        _click_row(qtbot, page, 1)
    assert shown.args == [ratna]
    return int(ratna)


def _rows(page: ReferralsPage) -> list[tuple[str, str, int]]:
    """(name, what they brought, indent level) of each row of the list, as shown."""
    proxy = page.roots_panel.proxy
    return [
        (
            proxy.index(row, 0).data(),
            proxy.index(row, 0).data(SUBTITLE_ROLE),
            proxy.index(row, 0).data(DEPTH_ROLE),
        )
        for row in range(proxy.rowCount())
    ]


def _text_start(image: QImage, rect: QRect) -> int:
    """The leftmost column of *rect* in *image* with a dark (text) pixel."""
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            if image.pixelColor(x, y).lightness() < 100:
                return x
    return rect.right()


def test_the_list_shows_the_whole_business_then_everyone_who_brought_clients(
    qtbot: QtBot, page: ReferralsPage
) -> None:
    # Bambang, Andi and Claire came on their own but brought nobody: no cascade to show.
    # Dewi, Yusuf and Sari were brought by Ratna's cascade and brought clients themselves:
    # each is listed under whoever introduced them
    assert _rows(page) == [
        ("Whole business", "all referrals together", 0),
        ("Ibu Ratna Wulandari", "brought 6 clients · Rp 48.300.000", 0),
        ("Ibu Dewi Lestari", "brought 2 clients · Rp 20.500.000", 1),
        ("Pak Yusuf Rahman", "brought 1 client · Rp 8.000.000", 2),
        ("Ibu Sari Handayani", "brought 1 client · Rp 3.100.000", 1),
    ]
    yusuf = page.roots_panel.proxy.index(3, 0)
    assert "Introduced by Ibu Dewi Lestari" in yusuf.data(Qt.ItemDataRole.ToolTipRole)
    # indented as the data says: Yusuf's name starts further right than Dewi's, Dewi's than Ratna's
    image = page.roots_panel.roots.viewport().grab().toImage()
    roots = page.roots_panel.roots
    starts = [
        _text_start(image, roots.visualRect(page.roots_panel.proxy.index(row, 0)))
        for row in (1, 2, 3)
    ]
    assert starts[0] < starts[1] < starts[2], starts
    assert page.title.text() == "Whole business"
    assert page.strip.headline.text() == "71%"
    words = page.strip.figures.text()
    assert "<b>Rp&nbsp;48.300.000</b> of your <b>Rp&nbsp;68.000.000</b>" in words
    assert "<b>6</b> of <b>10</b> clients came through someone" in words
    top = page.business_view.top_revenue
    assert [top.item(row, 0).text() for row in range(top.rowCount())] == [
        "Ibu Ratna Wulandari",
        "Ibu Dewi Lestari",
        "Pak Yusuf Rahman",
        "Ibu Sari Handayani",
    ]
    assert top.item(1, 1).text() == "Rp 20.500.000"
    assert top.item(1, 0).toolTip() == "Brought 2 clients, 1 of them directly: Rp 20.500.000"
    assert top.item(2, 0).toolTip() == "Brought 1 client: Rp 8.000.000"  # not "1 clients"
    with qtbot.waitSignal(page.client_activated) as opened:
        centre = top.visualItemRect(top.item(1, 0)).center()
        qtbot.mouseClick(top.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(top.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [_ids(page._engine)["Dewi"]]


def test_selecting_bu_ratna_shows_her_figures_and_one_node_per_client_of_her_cascade(
    qtbot: QtBot, page: ReferralsPage, demo_engine: Engine
) -> None:
    ratna = _show_ratna(qtbot, page)
    with Session(demo_engine) as session:
        cascade = referrals.cascade(session=session, root_id=ratna)
        tree = referrals.subtree(session=session, root_id=ratna)
    assert cascade.multiplier is not None
    assert cascade.k is not None
    times = _decimal(cascade.multiplier)
    assert times == _decimal(48_300_000 / 5_300_000)  # "9.1" in English
    assert page.strip.headline.text() == f"{times}×"
    words = page.strip.figures.text()
    # a figure is never broken across lines: "Rp" stayed at a line's end, its number below
    assert "Ibu Ratna Wulandari's own paid orders: <b>Rp&nbsp;5.300.000</b>" in words
    assert "everyone they brought: <b>Rp&nbsp;48.300.000</b>" in words
    assert f"K = <b>{_decimal(cascade.k)}</b> new clients per client" in words
    assert "About <b>142</b> days between generations" in words
    # a quick cascade: one day, not "1 days"
    assert page.strip._days_words(1.3) == "About <b>1</b> day between generations"
    view = page.tabs.tree.view
    assert view.node_count() == cascade.clients == 7
    assert set(view.tree.nodes) == set(tree.nodes)  # type: ignore[union-attr]
    assert view.item_count() == 2  # all links in one item, all nodes in another
    generations = page.tabs.generations_table
    assert [generations.item(row, 0).text() for row in range(generations.rowCount())] == [
        "Ibu Ratna Wulandari",
        "Direct referrals",
        "Their referrals",
        "Generation 3",
    ]


def test_clicking_a_node_or_pressing_enter_on_it_opens_that_client(
    qtbot: QtBot, page: ReferralsPage, demo_engine: Engine
) -> None:
    _show_ratna(qtbot, page)
    ids = _ids(demo_engine)
    view = page.tabs.tree.view
    with qtbot.waitSignal(page.client_activated) as opened:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.node_view_pos(ids["Dewi"])
        )
    assert opened.args == [ids["Dewi"]]
    # a click on empty space opens nobody
    with qtbot.assertNotEmitted(page.client_activated):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    # the keyboard: Home is the root, Down her middle referral (children by name), Enter opens
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.selected_client_id() == ids["Ratna"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_client_id() == ids["Sari"]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected_client_id() == ids["Dewi"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_client_id() == ids["Yusuf"]
    with qtbot.waitSignal(page.client_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [ids["Yusuf"]]
    tip = view.tooltip_html(ids["Yusuf"])
    assert "<b>Pak Yusuf Rahman</b>" in tip
    assert "Generation 2 · brought by Ibu Dewi Lestari" in tip
    assert "3 orders · Rp 12.500.000 paid" in tip


def test_zoom_buttons_keys_and_fit(qtbot: QtBot, page: ReferralsPage) -> None:
    _show_ratna(qtbot, page)
    view = page.tabs.tree.view
    fitted = view.scale_factor()
    page.tabs.tree.zoom_in_button.click()
    assert view.scale_factor() == pytest.approx(fitted * 1.25)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_factor() == pytest.approx(fitted / 1.25)
    page.tabs.tree.fit_button.click()
    assert view.scale_factor() == pytest.approx(fitted)
    assert (
        page.tabs.tree.zoom_label.text() == f"{round(fitted * 100)}%"
    )  # as "71%" is written elsewhere


def test_tree_labels_show_whole_names_where_there_is_room(
    qtbot: QtBot, page: ReferralsPage, demo_engine: Engine
) -> None:
    _show_ratna(qtbot, page)
    view = page.tabs.tree.view
    tree = view.tree
    assert tree is not None
    # fitted: room for every name, "Pak Hendra Gunawan" at the right end too
    for client_id, node in tree.nodes.items():
        assert view.label_text(client_id) == node.name
    # zoomed out with the keyboard, close to where names disappear: the three direct referrals
    # share their row, so names are shortened, but never where a name has room (Ratna alone
    # on hers) and never so that two names run into each other
    view.setFocus()
    while view.scale_factor() / 1.25 >= 0.4:
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    ids = _ids(demo_engine)
    assert view.label_text(ids["Ratna"]) == "Ibu Ratna Wulandari"
    row = ["Dewi", "Sari", "Hendra"]
    labels = [view.label_text(ids[name]) for name in row]
    assert any(label.endswith("…") for label in labels), labels
    metrics = QFontMetricsF(view.font())
    for left, right in itertools.pairwise(row):
        gap = view.node_view_pos(ids[right]).x() - view.node_view_pos(ids[left]).x()
        half_widths = sum(
            metrics.horizontalAdvance(view.label_text(ids[n])) / 2 for n in (left, right)
        )
        assert half_widths <= gap, (left, right)


def test_the_tree_is_saved_as_png_and_svg_in_the_folder_used_last_time(
    qtbot: QtBot, page: ReferralsPage, dialogs: DialogAnswerer, tmp_path: Path
) -> None:
    _show_ratna(qtbot, page)
    folder = tmp_path / "exports"
    folder.mkdir()
    QSettings().remove(EXPORT_FOLDER_KEY)
    png = folder / "ratna.png"
    svg = folder / "ratna.svg"

    def save_as(path: Path, *, expect_folder: Path | None = None) -> None:
        def answer(widget: QWidget) -> None:
            assert isinstance(widget, QFileDialog)
            if expect_folder is not None:
                assert Path(widget.directory().absolutePath()) == expect_folder
            else:
                assert widget.selectedFiles()[0].endswith("referrals-ibu-ratna-wulandari.png")
            widget.selectFile(str(path))
            widget.accept()

        dialogs.then(answer)
        with qtbot.waitSignal(page.tabs.tree.saved) as saved:
            page.tabs.tree.save_button.click()
        assert dialogs.done
        assert saved.args == [str(path)]

    save_as(png)
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() > 400
    assert image.height() > 300
    assert image.pixelColor(2, 2).name() == "#ffffff"  # a white background, not transparent

    save_as(svg, expect_folder=folder)
    text = svg.read_text(encoding="utf-8")
    assert "Ibu Ratna Wulandari" in text
    assert "Mbak Lestari Putri" in text
    assert QSvgRenderer(str(svg)).isValid()


def test_the_spread_chart_switches_between_revenue_and_orders(
    qtbot: QtBot, page: ReferralsPage
) -> None:
    _show_ratna(qtbot, page)
    page.tabs.setCurrentIndex(1)
    revenue_svg = page.tabs.spread_chart.svg
    assert revenue_svg.startswith("<svg")
    assert page.tabs.spread_chart.renderer.isValid()
    page.tabs.spread_orders.click()
    assert page.tabs.spread_chart.svg != revenue_svg
    assert page.tabs.spread_chart.renderer.isValid()
    page.tabs.setCurrentIndex(2)
    assert page.tabs.generations_chart.renderer.isValid()
    assert "Direct referrals" in page.tabs.generations_chart.svg
    page.grab()  # paints the chart with its proportions, without warnings


def test_the_filter_keeps_the_whole_business_and_ignores_case_and_accents(
    qtbot: QtBot, page: ReferralsPage
) -> None:
    qtbot.keyClicks(page.roots_panel.filter, "RATNÁ")
    assert [row[0] for row in _rows(page)] == ["Whole business", "Ibu Ratna Wulandari"]
    page.roots_panel.filter.clear()
    qtbot.keyClicks(page.roots_panel.filter, "dewi")  # Ratna introduced her: found all the same
    assert [row[0] for row in _rows(page)] == ["Whole business", "Ibu Dewi Lestari"]
    page.roots_panel.filter.clear()
    qtbot.keyClicks(page.roots_panel.filter, "bambang")  # came on his own, brought nobody
    assert [row[0] for row in _rows(page)] == ["Whole business"]


def test_a_branch_opens_from_the_list_by_click_and_by_keyboard(
    qtbot: QtBot, page: ReferralsPage, demo_engine: Engine
) -> None:
    ids = _ids(demo_engine)
    with qtbot.waitSignal(page.root_shown, timeout=10_000) as shown:
        _click_row(qtbot, page, 2)
    assert shown.args == [ids["Dewi"]]
    assert page.title.text() == "Ibu Dewi Lestari"
    view = page.tabs.tree.view
    assert set(view.tree.nodes) == {ids["Dewi"], ids["Yusuf"], ids["Lestari"]}  # type: ignore[union-attr]
    words = page.strip.figures.text()
    assert "Ibu Dewi Lestari's own paid orders: <b>Rp&nbsp;8.200.000</b>" in words
    assert "everyone they brought: <b>Rp&nbsp;20.500.000</b>" in words
    page.roots_panel.roots.setFocus()
    with qtbot.waitSignal(page.root_shown, timeout=10_000) as shown:
        qtbot.keyClick(page.roots_panel.roots, Qt.Key.Key_Down)
    assert shown.args == [ids["Yusuf"]]
    assert set(view.tree.nodes) == {ids["Yusuf"], ids["Lestari"]}  # type: ignore[union-attr]
    with qtbot.waitSignal(page.root_shown, timeout=10_000) as shown:
        qtbot.keyClick(page.roots_panel.roots, Qt.Key.Key_Down)
    assert shown.args == [ids["Sari"]]
    assert page.title.text() == "Ibu Sari Handayani"
    assert set(view.tree.nodes) == {ids["Sari"], ids["Rina"]}  # type: ignore[union-attr]


def test_a_result_for_a_root_the_user_already_left_is_dropped(
    qtbot: QtBot, page: ReferralsPage
) -> None:
    ratna = page.roots_panel.proxy.index(1, 0).data(ROOT_ID_ROLE)
    with qtbot.assertNotEmitted(page.root_shown, wait=100):
        with qtbot.waitSignal(page.business_shown, timeout=10_000):
            page.choose(ratna)
            page.choose(BUSINESS)
        workers.wait_for_tasks()
        QApplication.processEvents()
    assert page.title.text() == "Whole business"
    assert page.shown == BUSINESS


def test_a_deleted_client_counts_nowhere_and_the_page_refreshes_by_itself(
    qtbot: QtBot, page: ReferralsPage, demo_engine: Engine
) -> None:
    ratna = _show_ratna(qtbot, page)
    ids = _ids(demo_engine)
    view = page.tabs.tree.view
    # nobody tells the page: the committed deletion announces itself
    with (
        qtbot.waitSignal(page.root_shown, timeout=10_000) as shown,
        session_scope(demo_engine) as session,
    ):
        clients.delete_client(session=session, client_id=ids["Yusuf"])
    assert shown.args == [ratna]
    # Yusuf (Rp 12.500.000) is gone from the list, the figures and the tree; Lestari, whom he
    # introduced, now hangs from Dewi, who introduced him
    assert _rows(page)[1:] == [
        ("Ibu Ratna Wulandari", "brought 5 clients · Rp 35.800.000", 0),
        ("Ibu Dewi Lestari", "brought 1 client · Rp 8.000.000", 1),
        ("Ibu Sari Handayani", "brought 1 client · Rp 3.100.000", 1),
    ]
    assert "everyone they brought: <b>Rp&nbsp;35.800.000</b>" in page.strip.figures.text()
    assert "<b>6</b> clients in <b>3</b> generations" in page.strip.figures.text()
    assert view.node_count() == 6
    assert ids["Yusuf"] not in view.tree.nodes  # type: ignore[union-attr]
    assert view._drawn is not None
    assert not any("Yusuf" in label for label in view._drawn.labels)
    assert "brought by Ibu Dewi Lestari" in view.tooltip_html(ids["Lestari"])
    generations = page.tabs.generations_table
    assert generations.rowCount() == 3
    page.tabs.setCurrentIndex(1)
    assert "Yusuf" not in page.tabs.spread_chart.svg
    with qtbot.waitSignal(page.business_shown, timeout=10_000):
        _click_row(qtbot, page, 0)
    words = page.strip.figures.text()
    assert "<b>Rp&nbsp;35.800.000</b> of your <b>Rp&nbsp;55.500.000</b>" in words
    assert "<b>5</b> of <b>9</b> clients came through someone" in words
    top = page.business_view.top_revenue
    names = [top.item(row, 0).text() for row in range(top.rowCount())]
    assert names == ["Ibu Ratna Wulandari", "Ibu Dewi Lestari", "Ibu Sari Handayani"]


def _big_tree(size: int) -> Tree:
    """A heavy-tailed cascade of *size* clients: a few bring many, most bring nobody."""
    children: dict[int, list[int]] = {1: []}
    generation = {1: 0}
    parent: dict[int, int | None] = {1: None}
    next_id = 2
    frontier = [1]
    while next_id <= size:
        grown = []
        for node in frontier:
            for _ in range(1 + (node * 7919) % 6):
                if next_id > size:
                    break
                children[node].append(next_id)
                children[next_id] = []
                parent[next_id] = node
                generation[next_id] = generation[node] + 1
                grown.append(next_id)
                next_id += 1
        frontier = grown or [next_id - 1]
    nodes = {
        node_id: Node(
            id=node_id,
            name=f"Client {node_id:04d} with a rather long name",
            parent_id=parent[node_id],
            generation=generation[node_id],
            children=tuple(children[node_id]),
            revenue=(node_id * 104_729) % 9_000_000,
            orders=node_id % 4,
            first_order_on=date(2024, 1, 1),
            introduced_on=None,
            first_contact=None,
        )
        for node_id in children
    }
    return Tree(1, nodes)


def _colour_counts(image: QImage) -> dict[str, int]:
    """How many pixels of *image* have exactly each colour the tree draws with."""
    pixels = bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits())
    colours = [LABEL_COLOUR, *GENERATION_COLOURS]
    # RGB32 is 0xFFRRGGBB: blue, green, red, 255 in memory on a little-endian machine
    return {
        colour: pixels.count(bytes((*bytes.fromhex(colour[1:])[::-1], 255))) for colour in colours
    }


def test_a_tree_of_two_thousand_clients_builds_and_paints_in_two_items(qtbot: QtBot) -> None:
    panel = ReferralTreePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    tree = _big_tree(2000)
    panel.set_tree(tree, title="Big")
    view = panel.view
    assert view.node_count() == 2000
    assert view.item_count() == 2
    # fitted: a dot of its generation's colour for every client, no names
    far = _colour_counts(view.viewport().grab().toImage())
    generations = {node.generation for node in tree.nodes.values()}
    assert generations == set(range(7))
    for generation in generations:
        assert far[generation_colour(generation)] > 0, generation
    assert far[LABEL_COLOUR] == 0
    # life size, centred on a client: their circle in their generation's colour, names shown
    view.zoom_by(1 / view.scale_factor())
    client = next(node for node in sorted(tree.nodes)[1000:] if tree.nodes[node].revenue)
    view.centerOn(view.node_scene_pos(client))
    assert view.node_at(view.node_view_pos(client)) == client
    image = view.viewport().grab().toImage()
    centre = image.pixelColor(view.node_view_pos(client)).name().upper()
    assert centre == generation_colour(tree.nodes[client].generation)
    near = _colour_counts(image)
    assert near[LABEL_COLOUR] > 0
    assert near[generation_colour(0)] == 0  # the root is far away, out of the view


def test_cascade_roots_sorts_by_what_the_cascade_brought() -> None:
    def node(node_id: int, parent: int | None, revenue: int, name: str = "") -> Node:
        children = tuple(c for c, p in parents.items() if p == node_id)
        return Node(
            node_id, name or f"C{node_id}", parent, 0, children, revenue, 1, None, None, None
        )

    parents = {1: None, 2: 1, 3: None, 4: None, 5: 4, 6: 5, 7: 4, 8: 7, 9: 7}
    roots = cascade_roots(
        [
            node(1, None, 100, "Small"),
            node(2, 1, 10),
            node(3, None, 0, "Alone"),
            node(4, None, 5, "Big"),
            node(5, 4, 50, "Five"),
            node(6, 5, 60),
            node(7, 4, 1, "Seven"),
            node(8, 7, 1),
            node(9, 7, 1),
        ]
    )
    # every referrer, under whoever introduced them; siblings also by what they brought
    assert [(r.name, r.depth, r.brought, r.cascade_revenue, r.own_revenue) for r in roots] == [
        ("Big", 0, 5, 113, 5),
        ("Five", 1, 1, 60, 50),
        ("Seven", 1, 2, 2, 1),
        ("Small", 0, 1, 10, 100),
    ]
    assert [r.referrer for r in roots] == ["", "Big", "Big", ""]


def test_the_roots_model_is_a_correct_model(qtmodeltester: object, demo_engine: Engine) -> None:
    model = RootsModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    with Session(demo_engine) as session:
        model.set_roots(cascade_roots(referrals.forest(session=session)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = RootsFilter()
    proxy.setSourceModel(model)
    proxy.set_text("ratna")
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]


def test_the_referrals_section_opens_a_client_in_the_clients_section(
    qtbot: QtBot, open_window: object, demo_db: Path
) -> None:
    window: MainWindow = open_window(demo_db)  # type: ignore[operator]
    window.show_section("referrals")
    page = window.pages.page("referrals")
    assert isinstance(page, ReferralsPage)
    if page.shown is None:
        qtbot.waitSignal(page.business_shown, timeout=10_000).wait()
    ratna = page.roots_panel.proxy.index(1, 0).data(ROOT_ID_ROLE)
    with qtbot.waitSignal(page.root_shown, timeout=10_000):
        page.select_root(ratna)
    page.tabs.tree.view.activate(ratna)
    assert window.stack.currentWidget() is window.pages.clients
    assert window.pages.clients is not None
    assert window.pages.clients.current_client_id() == ratna


def test_the_tree_can_be_repainted_for_hours(qtbot: QtBot, demo_engine: Engine) -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None at every painter call that
    returns nothing, and Python aborts when None's count reaches zero: with it, that happened
    after about 1,700 repaints of this tree (a minute of panning; pyproject.toml excludes that
    release). Whatever a repaint costs, an hour at 60 frames a second must fit."""
    with Session(demo_engine) as session:
        tree = referrals.subtree(session=session, root_id=_ids(demo_engine)["Ratna"])
    panel = ReferralTreePanel()
    qtbot.addWidget(panel)
    panel.resize(420, 320)
    panel.set_tree(tree, title="Bu Ratna")
    viewport = panel.view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
    viewport.render(image)
    before = sys.getrefcount(None)
    for _ in range(50):
        viewport.render(image)
    lost_per_paint = max(0, before - sys.getrefcount(None)) / 50
    assert sys.getrefcount(None) > lost_per_paint * 60 * 3600
