"""The referral charts as SVG: valid XML, the numbers where a reader looks for them, both
languages, client names escaped, and fast enough for a big cascade."""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
import re
import time
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import referrals
from agencydesk.core.models import Client
from agencydesk.core.referrals import (
    Node,
    ReferralMoment,
    RootReport,
    SpreadPoint,
    SpreadSeries,
    SpreadSteps,
    Tree,
)
from agencydesk.reports import charts

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def ratna(demo_engine: Engine) -> RootReport:
    """Everything the referral page shows for the demo's Bu Ratna."""
    with Session(demo_engine) as session:
        root_id = session.exec(select(Client.id).where(Client.name.contains("Ratna"))).one()
        assert root_id is not None
        return referrals.root_report(session=session, root_id=root_id)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("width")
    assert root.get("height")
    assert len((root.get("viewBox") or "").split()) == 4
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def last_vertex(d: str) -> tuple[float, float]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return numbers[-2], numbers[-1]


def test_spread_chart_stacks_up_to_the_cascade_revenue(ratna: RootReport) -> None:
    series, cascade = ratna.spread, ratna.cascade
    root = parse(charts.spread_chart_svg(series, root_name=cascade.root_name))
    last = series.points[-1].revenue
    assert sum(last) == cascade.total_revenue  # the series and the cascade agree

    bands = {
        int(p.get("data-generation", -1)): p
        for p in root.iter(f"{SVG}path")
        if p.get("data-top") is not None
    }
    assert sorted(bands) == list(range(series.generations))
    for g, band in bands.items():
        assert int(band.get("data-top", "")) == sum(last[: g + 1])

    # and in the geometry: where the top edge ends, read back through the axis
    plot = next(g for g in root.iter(f"{SVG}g") if g.get("data-role") == "plot")
    y_zero, scale = float(plot.get("data-y-zero", "")), float(plot.get("data-y-scale", ""))
    top_edge = next(
        p for p in root.iter(f"{SVG}path") if p.get("data-edge") == str(series.generations - 1)
    )
    _x, y = last_vertex(top_edge.get("d", ""))
    assert (y_zero - y) / scale == pytest.approx(cascade.total_revenue, abs=0.11 / scale)
    # the y axis reaches above it, in round steps
    ticks = [int(t.get("data-tick", "")) for t in root.iter(f"{SVG}text") if t.get("data-tick")]
    assert ticks[0] == 0
    assert ticks[-1] >= cascade.total_revenue
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    step = steps.pop()
    assert step / 10 ** math.floor(math.log10(step)) in (1, 2, 2.5, 5)


def test_spread_chart_legend_has_one_entry_per_generation(ratna: RootReport) -> None:
    series = ratna.spread
    root = parse(charts.spread_chart_svg(series, root_name=ratna.cascade.root_name))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("data-role") == "legend")
    entries = legend.findall(f"{SVG}g")
    assert [e.get("data-generation") for e in entries] == [
        str(g) for g in range(series.generations)
    ]
    labels = ["".join(e.itertext()) for e in entries]
    assert labels[:3] == ["Ibu Ratna Wulandari", "Direct referrals", "Their referrals"]
    assert labels[3:] == [f"Generation {g}" for g in range(3, series.generations)]


def test_spread_chart_marks_every_referral_and_names_those_that_fit(ratna: RootReport) -> None:
    series = ratna.spread
    root = parse(charts.spread_chart_svg(series, root_name=ratna.cascade.root_name))
    markers = [p for p in root.iter(f"{SVG}path") if p.get("data-role") == "moments"]
    assert sum(p.get("d", "").count("M") for p in markers) == len(series.moments)
    named = {
        t.get("data-moment"): "".join(t.itertext())
        for t in root.iter(f"{SVG}text")
        if t.get("data-moment")
    }
    # the demo's six introductions all fit at the default size, by their first names
    assert named == {str(m.client_id): charts.given_name(m.name) for m in series.moments}


def _crowded_series(moments: int) -> SpreadSeries:
    rng = random.Random(4)
    points, moment_list = [], []
    revenue = [0, 0, 0]
    for day in range(0, 700, 3):
        revenue[rng.randrange(3)] += rng.randint(1, 30) * 100_000
        points.append(SpreadPoint(date.fromordinal(738000 + day), (1, 1, 1), tuple(revenue)))
    for i in range(moments):
        on = date.fromordinal(738000 + rng.randrange(700))
        name = rng.choice(["Ibu Sari Handayani", "Pak Budi", "Wayan Sudarsana Putra", "Claire"])
        moment_list.append(ReferralMoment(on, 100 + i, f"{name} {i}", rng.randint(1, 2), 1))
    moment_list.sort(key=lambda m: (m.on, m.client_id))
    return SpreadSeries.from_points(1, 3, tuple(points), tuple(moment_list))


def test_spread_chart_names_never_overlap() -> None:
    root = parse(charts.spread_chart_svg(_crowded_series(60), width=600))
    cards = [
        (float(r.get("x", "")), float(r.get("y", "")), float(r.get("width", "")))
        for r in root.iter(f"{SVG}rect")
        if r.get("data-card")
    ]
    assert 3 <= len(cards) < 60  # some names fit, most cannot
    for (x1, y1, w1), (x2, y2, w2) in itertools.combinations(cards, 2):
        assert y1 != y2 or x1 + w1 <= x2 or x2 + w2 <= x1


def test_spread_chart_in_indonesian(ratna: RootReport) -> None:
    svg = charts.spread_chart_svg(ratna.spread, lang="id", root_name=ratna.cascade.root_name)
    words = texts(parse(svg))
    assert {"Rujukannya", "Rujukan dari rujukannya", "Generasi 3"} <= set(words)
    assert "Rp 20 jt" in words
    assert "Rp 20M" not in words
    assert "Direct referrals" not in words

    # months in the reader's language
    summer = SpreadSeries.from_points(
        1,
        1,
        (
            SpreadPoint(date(2025, 7, 3), (1,), (500_000,)),
            SpreadPoint(date(2025, 9, 20), (2,), (1_250_000,)),
        ),
        (),
    )
    assert "Agu 2025" in texts(parse(charts.spread_chart_svg(summer, lang="id")))
    english = texts(parse(charts.spread_chart_svg(summer, lang="en")))
    assert "Aug 2025" in english
    assert "Rp 500K" in english
    # an unknown language falls back to English
    assert "Aug 2025" in texts(parse(charts.spread_chart_svg(summer, lang="xx")))


def test_spread_chart_of_orders(ratna: RootReport) -> None:
    series = ratna.spread
    root = parse(charts.spread_chart_svg(series, metric="orders"))
    tops = [int(p.get("data-top", "")) for p in root.iter(f"{SVG}path") if p.get("data-top")]
    assert (
        tops[-1]
        == sum(series.points[-1].orders)
        == sum(g.orders for g in ratna.cascade.generations)
    )
    assert "First client" in texts(root)  # no root name given


def test_an_empty_series_renders_a_readable_chart() -> None:
    empty = SpreadSeries.from_points(root_id=1, generations=1, points=(), moments=())
    assert "No orders yet" in texts(parse(charts.spread_chart_svg(empty)))
    assert "Belum ada pesanan" in texts(parse(charts.spread_chart_svg(empty, lang="id")))
    unpaid = SpreadSeries.from_points(1, 1, (SpreadPoint(date(2025, 1, 2), (1,), (0,)),), ())
    assert "No paid orders yet" in texts(parse(charts.spread_chart_svg(unpaid)))
    assert "No paid orders yet" not in texts(
        parse(charts.spread_chart_svg(unpaid, metric="orders"))
    )


def test_compact_rupiah() -> None:
    assert charts.format_rupiah_compact(15_000_000, lang="id") == "Rp 15 jt"
    assert charts.format_rupiah_compact(500_000, lang="id") == "Rp 500 rb"
    assert charts.format_rupiah_compact(1_500_000, lang="id") == "Rp 1,5 jt"
    assert charts.format_rupiah_compact(15_000_000) == "Rp 15M"
    assert charts.format_rupiah_compact(500_000) == "Rp 500K"
    assert charts.format_rupiah_compact(999_999) == "Rp 1M"
    assert charts.format_rupiah_compact(0) == "Rp 0"


HOSTILE = '<img src=x> & "Bu" Ratna\x07'


def test_client_names_are_escaped(ratna: RootReport) -> None:
    moment = ReferralMoment(date(2024, 6, 1), 99, HOSTILE, 1, 1)
    series = SpreadSeries.from_points(1, 2, ratna.spread.points[:5], (moment,))
    tree = Tree(
        1,
        {
            1: Node(1, HOSTILE, None, 0, (2,), 1_000_000, 1, None, None, None),
            2: Node(2, "<script>", 1, 1, (), 0, 0, None, None, None),
        },
    )
    cascade = dataclasses.replace(ratna.cascade, root_name=HOSTILE)
    for svg in (
        charts.spread_chart_svg(series, root_name=HOSTILE),
        charts.tree_svg(tree),
        charts.generation_bars_svg(cascade),
    ):
        assert "<img" not in svg
        assert "<script" not in svg
        words = texts(parse(svg))
        assert any(w.startswith('<img src=x> & "Bu"') for w in words), words


def test_generation_bars_show_every_generation_and_its_k(ratna: RootReport) -> None:
    cascade = ratna.cascade
    root = parse(charts.generation_bars_svg(cascade))
    rows = [g for g in root.iter(f"{SVG}g") if g.get("data-generation") is not None]
    assert len(rows) == len(cascade.generations)
    for row, stats in zip(rows, cascade.generations, strict=True):
        words = ["".join(t.itertext()) for t in row.iter(f"{SVG}text")]
        assert f"K = {stats.k:.1f}" in words
        assert str(stats.clients) in words
        assert str(stats.orders) in words
        assert charts.format_rupiah_compact(stats.revenue) in words
        assert {
            int(r.get("data-value", "")) for r in row.iter(f"{SVG}rect") if r.get("data-value")
        } == {stats.clients, stats.orders, stats.revenue}
    indonesian = texts(parse(charts.generation_bars_svg(cascade, lang="id")))
    assert f"K = {cascade.generations[0].k:.1f}".replace(".", ",") in indonesian
    assert "Pendapatan" in indonesian


def test_node_radius_area_follows_revenue() -> None:
    big = charts.node_radius(8_000_000, 8_000_000)
    assert big == charts.MAX_RADIUS < 0.5  # neighbours (1 apart) never touch
    assert charts.node_radius(2_000_000, 8_000_000) == pytest.approx(big / 2)  # ¼ of the area
    assert charts.node_radius(0, 8_000_000) == charts.MIN_RADIUS > 0
    assert charts.node_radius(1, 8_000_000) == charts.MIN_RADIUS
    assert charts.node_radius(0, 0) == charts.MIN_RADIUS


def test_tree_of_the_demo(ratna: RootReport) -> None:
    tree = ratna.tree
    geometry = charts.tree_geometry(tree)
    assert set(geometry.places) == set(tree.nodes)
    root_place = geometry.places[tree.root_id]
    assert root_place.y == 0
    for node in tree.nodes.values():
        assert geometry.places[node.id].y == node.generation * charts.LEVEL_DISTANCE
    root = parse(charts.tree_svg(tree))
    circles = {c.get("data-client"): c for c in root.iter(f"{SVG}circle")}
    assert set(circles) == {str(i) for i in tree.nodes}
    biggest = max(tree.nodes.values(), key=lambda n: n.revenue)
    assert float(circles[str(biggest.id)].get("r", "")) == max(
        float(c.get("r", "")) for c in circles.values()
    )
    assert "Ibu Ratna Wulandari" in texts(root)
    scaled = parse(charts.tree_svg(tree, width=400, lang="id"))
    assert scaled.get("width") == "400"
    assert "Rp 12,5 jt" in texts(scaled)


def random_tree(size: int, seed: int = 7) -> Tree:
    """A heavy-tailed random cascade of *size* clients, names long and short."""
    rng = random.Random(seed)
    parent: dict[int, int | None] = {0: None}
    for n in range(1, size):
        parent[n] = rng.randrange(n) if rng.random() < 0.5 else max(0, n - rng.randint(1, 40))
    kids: dict[int, list[int]] = {n: [] for n in parent}
    for n, p in parent.items():
        if p is not None:
            kids[p].append(n)
    generation = {0: 0}
    nodes: dict[int, Node] = {}
    stack = [0]
    while stack:
        n = stack.pop()
        p = parent[n]
        generation[n] = 0 if p is None else generation[p] + 1
        name = f"{rng.choice(['Ibu ', 'Pak ', ''])}Client {n}" + " Kusumawardhani" * (n % 7 == 0)
        revenue = 0 if rng.random() < 0.25 else int(rng.paretovariate(1.2) * 1_000_000)
        nodes[n] = Node(
            n,
            name,
            p,
            generation[n],
            tuple(kids[n]),
            revenue,
            1,
            None,
            None,
            None,
        )
        stack.extend(reversed(kids[n]))
    return Tree(0, nodes)


@pytest.mark.parametrize("size", [1, 2, 3, 9, 40, 300])
def test_a_tree_is_drawn_at_least_as_wide_as_its_widest_generation(size: int) -> None:
    """The report draws no tree narrower than `tree_width_at_least` says, so that it can tell a
    tree too wide from that alone (80,000 clients took 4 s to draw, then went unused)."""
    for seed in range(5):
        tree = random_tree(size, seed)
        for show_revenue in (True, False):
            drawn = parse(charts.tree_svg(tree, show_revenue=show_revenue))
            natural_width = float((drawn.get("viewBox") or "").split()[2])
            assert charts.tree_width_at_least(tree) <= natural_width + 0.1, (size, seed)
    star = Tree(0, {0: Node(0, "Root", None, 0, tuple(range(1, 21)), 0, 0, None, None, None)})
    star.nodes.update(
        (n, Node(n, f"Client {n}", 0, 1, (), 0, 0, None, None, None)) for n in range(1, 21)
    )
    assert charts.tree_width_at_least(star) == pytest.approx(
        float((parse(charts.tree_svg(star)).get("viewBox") or "").split()[2]), abs=0.1
    )


def test_tree_of_two_thousand_clients_is_valid_and_fast() -> None:
    tree = random_tree(2000)
    charts.tree_svg(tree)  # warm-up
    started = time.perf_counter()
    svg = charts.tree_svg(tree)
    elapsed = time.perf_counter() - started
    root = parse(svg)
    assert len(list(root.iter(f"{SVG}circle"))) == 2000
    assert elapsed < 1.0, f"{elapsed * 1000:.0f} ms (goal: under 150 ms)"
    # no two labels on one level overlap: each fits the room to its neighbours
    words = texts(root)
    assert any(w.endswith("…") for w in words)  # the long names were cut short
    assert all(len(w) <= 24 for w in words[1:])


def test_a_crowded_cascade_spread_chart_is_fast() -> None:
    series = _crowded_series(1500)
    started = time.perf_counter()
    root = parse(charts.spread_chart_svg(series))
    assert time.perf_counter() - started < 1.0
    # past a few hundred moments: markers only, no names
    assert not [t for t in root.iter(f"{SVG}text") if t.get("data-moment")]


def _chain_series(length: int) -> SpreadSeries:
    """A chain *length* generations deep, each client introduced and paying 100,000 on a day of
    their own, one a day."""
    days = tuple(date.fromordinal(738000 + day) for day in range(length))
    moments = tuple(
        ReferralMoment(on, generation + 1, f"Client {generation}", generation, generation)
        for generation, on in enumerate(days)
        if generation
    )
    return SpreadSeries(
        1,
        length,
        days,
        tuple(SpreadSteps((on,), (1,)) for on in days),
        tuple(SpreadSteps((on,), (100_000,)) for on in days),
        moments,
    )


def test_a_deep_chain_stacks_its_deepest_generations_in_one_band() -> None:
    svg = charts.spread_chart_svg(_chain_series(40), lang="id", root_name="Bu Ratna")
    root = parse(svg)
    bands = [p for p in root.iter(f"{SVG}path") if p.get("data-top")]
    assert [band.get("data-generation") for band in bands] == [str(g) for g in range(12)]
    # each of the first eleven generations paid 100,000; the 29 from the twelfth on the rest
    tops = [int(band.get("data-top", "")) for band in bands]
    assert tops == [100_000 * (g + 1) for g in range(11)] + [4_000_000]
    legend = root.find(f".//{SVG}g[@data-role='legend']")
    assert legend is not None
    assert texts(legend)[-1] == "Generasi 11 dan seterusnya"
    markers = [p for p in root.iter(f"{SVG}path") if p.get("data-role") == "moments"]
    assert [marker.get("data-generation") for marker in markers] == [str(g) for g in range(1, 12)]
    assert markers[-1].get("d", "").count("M") == 29


def test_the_spread_chart_of_a_deep_chain_takes_time_linear_in_its_length() -> None:
    """Every band was drawn along every day: a chain 4,000 deep with an order a day took 12 s
    and made a 112 MB picture, four times as long sixteen times as long."""
    series = {length: _chain_series(length) for length in (1_000, 4_000)}

    def seconds(length: int) -> float:
        started = time.perf_counter()
        charts.spread_chart_svg(series[length])
        return time.perf_counter() - started

    seconds(1_000)  # warm
    small = min(seconds(1_000) for _ in range(3))
    large = min(seconds(4_000) for _ in range(3))
    # four times the chain: linear is 4×, quadratic 16×; the machine is shared, hence room
    assert large < 9 * small + 0.05, (small, large)


def test_tree_for_the_client_hides_what_others_paid(ratna: RootReport) -> None:
    root = parse(charts.tree_svg(ratna.tree, show_revenue=False))
    words = texts(root)
    assert "Ibu Ratna Wulandari" in words
    assert not [w for w in words if w.startswith("Rp")]
    assert "Circle area shows revenue paid" not in words
    assert len({c.get("r") for c in root.iter(f"{SVG}circle")}) == 1  # all alike
    assert "Circle area shows revenue paid" in texts(parse(charts.tree_svg(ratna.tree)))


def test_a_name_in_a_chart_is_measured_and_cut_as_it_is_drawn() -> None:
    """A client's name with a flag or an emoji family: the flag was cut in half ("Toko 🇮…"),
    and a family counted as five characters' room, so names were cut far too early."""
    from agencydesk.reports.charts.svg import fit_text, text_width

    family = "👨\u200d👩\u200d👧"
    assert text_width(family, 12) == text_width("🙏", 12)
    assert text_width("🇮🇩", 12) == text_width("🙏", 12)
    assert text_width("👍🏽", 12) == text_width("👍", 12)
    for width in range(20, 140, 2):
        for name in ("Toko 🇮🇩 Maju", "Batik Solo 🇮🇩🇮🇩", f"Keluarga {family} Santoso"):
            shown = fit_text(name, width, 12, max_chars=24)
            assert shown == name or shown.endswith("…")
            kept = shown.removesuffix("…")
            assert name.startswith(kept)
            assert not kept.endswith(("\u200d", "👨", "👩")), shown  # no half family
            assert kept.count("🇮") == kept.count("🇩"), shown  # no half flag
    assert fit_text(f"Keluarga {family} Santoso", 200, 12, max_chars=24).endswith("Santoso")


@pytest.mark.parametrize("width", [320, 360, 420, 520, 720])
def test_generation_bars_never_write_a_figure_over_the_next(ratna: RootReport, width: int) -> None:
    """A root's Generations tab in a narrow window draws the chart some 350 px wide: the
    revenue ran into the K ("Rp 24,7 jtK = 0,7"). The names give up room first, then the
    whole chart is drawn wider and scaled down."""
    from agencydesk.reports.charts.svg import text_width

    svg = parse(charts.generation_bars_svg(ratna.cascade, lang="id", width=width))
    assert svg.get("width") == str(width)  # (drawn wider and scaled down where it must)
    root = svg
    rows = [g for g in root.iter(f"{SVG}g") if g.get("data-generation") is not None]
    assert rows
    for row in rows:
        spans = []
        for element in row.iter(f"{SVG}text"):
            words = "".join(element.itertext())
            size = float(element.get("font-size", "12"))
            bold = element.get("font-weight") == "bold"
            left = float(element.get("x", "0"))
            if element.get("text-anchor") == "end":
                left -= text_width(words, size, bold=bold)
            spans.append((left, left + text_width(words, size, bold=bold), words))
        spans.sort()
        for (_l, right, words), (left, _r, following) in itertools.pairwise(spans):
            assert right <= left + 0.5, (words, following)
