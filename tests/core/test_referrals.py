"""Referral links and spread analytics, checked against figures computed by hand.

The tree (won day of each client's first order; revenue = paid orders in IDR):

    A  1.000.000 (won 10 Jan 2024; also a lost and a quoted order, which count for nothing)
    ├── B  2.000.000 (won 9 Feb; also 500 USD paid: an order, but not rupiah revenue)
    │   ├── D  1.500.000 (won 9 Apr)
    │   │   ├── G  500.000 (won 9 May)
    │   │   └── H  no orders
    │   └── E  4.000.000 won but not paid: revenue 0 (won 20 Mar)
    └── C  3.000.000 (won 10 Mar)
        └── F  5.000.000 (won 8 Jun)
    Z  10.000.000 (won 1 Jan), came on their own

Generations of A: 0 = {A}, 1 = {B, C}, 2 = {D, E, F}, 3 = {G, H}.
"""

from __future__ import annotations

import itertools
import random
import time
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, orders, referrals
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.tree_layout import tidy_layout

PARENTS = {
    "A": None,
    "B": "A",
    "C": "A",
    "D": "B",
    "E": "B",
    "F": "C",
    "G": "D",
    "H": "D",
    "Z": None,
}
#: client → (amount, currency, status, won_on, paid_on)
ORDERS = {
    "A": [
        (1_000_000, "IDR", "paid", date(2024, 1, 10), date(2024, 1, 20)),
        (5_000_000, "IDR", "lost", None, None),
        (700_000, "IDR", "quoted", None, None),
    ],
    "B": [
        (2_000_000, "IDR", "paid", date(2024, 2, 9), date(2024, 2, 9)),
        (500, "USD", "paid", date(2024, 2, 15), date(2024, 2, 15)),
    ],
    "C": [(3_000_000, "IDR", "paid", date(2024, 3, 10), date(2024, 3, 10))],
    "D": [(1_500_000, "IDR", "paid", date(2024, 4, 9), date(2024, 4, 9))],
    "E": [(4_000_000, "IDR", "won", date(2024, 3, 20), None)],
    "F": [(5_000_000, "IDR", "paid", date(2024, 6, 8), date(2024, 6, 8))],
    "G": [(500_000, "IDR", "paid", date(2024, 5, 9), date(2024, 5, 9))],
    "Z": [(10_000_000, "IDR", "paid", date(2024, 1, 1), date(2024, 1, 1))],
}


@pytest.fixture
def tree(engine: Engine) -> dict[str, int]:
    return _make_tree(engine)


def _make_tree(engine: Engine) -> dict[str, int]:
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        for name, parent in PARENTS.items():
            values: dict[str, object] = {"name": name}
            if parent is not None:
                values["introduced_by_id"] = ids[parent]
            if name == "C":
                values["first_contact"] = date(2024, 3, 1)
            client = clients.create_client(session=session, values=values)
            assert client.id is not None
            ids[name] = client.id
        referrals.set_referrer(
            session=session,
            client_id=ids["B"],
            referrer_id=ids["A"],
            introduced_on=date(2024, 2, 1),
            note="A told me about you",
        )
        for name, rows in ORDERS.items():
            for amount, currency, status, won, paid in rows:
                orders.create_order(
                    session=session,
                    client_id=ids[name],
                    values={
                        "title": f"order of {name}",
                        "amount": amount,
                        "currency": currency,
                        "status": status,
                        "quoted_on": date(2024, 1, 1),
                        "won_on": won,
                        "paid_on": paid,
                    },
                )
    return ids


def test_cascade_of_a_root_matches_the_hand_computed_figures(
    engine: Engine, tree: dict[str, int]
) -> None:
    with Session(engine) as session:
        result = referrals.cascade(session=session, root_id=tree["A"])
    assert result.clients == 8
    assert result.referred == 7
    assert result.root_revenue == 1_000_000
    # B 2.0 + C 3.0 + D 1.5 + E 0 + F 5.0 + G 0.5 + H 0 (millions)
    assert result.cascade_revenue == 12_000_000
    assert result.total_revenue == 13_000_000
    assert result.multiplier == 12.0
    # referred 7 / could refer (generations 0–2: 1 + 2 + 3)
    assert result.k == pytest.approx(7 / 6)
    assert result.paid_other_currencies == {"USD": 500}
    rows = [
        (g.generation, g.clients, g.orders, g.revenue, g.k, g.median_days_to_referrals)
        for g in result.generations
    ]
    assert rows == [
        # A→B 30 days, A→C 60 days
        (0, 1, 1, 1_000_000, 2.0, 45.0),
        # B→D 60, B→E 40, C→F 90; B has two orders (IDR and USD)
        (1, 2, 3, 5_000_000, 1.5, 60.0),
        # D→G 30 (H has no order); E's won order counts as an order, not as revenue
        (2, 3, 3, 6_500_000, pytest.approx(2 / 3), 30.0),
        (3, 2, 1, 500_000, 0.0, None),
    ]
    # all pairs: 30, 60, 60, 40, 90, 30 → median of 30 30 40 60 60 90
    assert result.median_days_between_generations == 50.0


def test_a_root_without_revenue_has_no_multiplier(engine: Engine, tree: dict[str, int]) -> None:
    with Session(engine) as session:
        result = referrals.cascade(session=session, root_id=tree["D"])
    assert (result.root_revenue, result.cascade_revenue, result.multiplier) == (
        1_500_000,
        500_000,
        pytest.approx(1 / 3),
    )
    with Session(engine) as session:
        lonely = referrals.cascade(session=session, root_id=tree["H"])
    assert lonely.multiplier is None
    assert lonely.k is None  # nobody could have referred yet: H is its own newest generation
    assert [g.k for g in lonely.generations] == [0.0]


def test_business_figures_over_every_tree(engine: Engine, tree: dict[str, int]) -> None:
    with Session(engine) as session:
        result = referrals.business_spread(session=session)
    assert result.clients == 9
    assert result.referred_clients == 7
    assert result.total_revenue == 23_000_000
    assert result.referred_revenue == 12_000_000
    assert result.referral_share == pytest.approx(12 / 23)
    # 7 referred / (generation 0: A, Z; 1: B, C; 2: D, E, F)
    assert result.k == 1.0
    g0 = result.generations[0]
    assert (g0.generation, g0.clients, g0.revenue, g0.k) == (
        0,
        2,
        11_000_000,
        1.0,
    )
    assert result.median_days_between_generations == 50.0
    by_revenue = [(r.name, r.cascade_revenue, r.cascade_clients) for r in result.top_by_revenue]
    assert by_revenue == [
        ("A", 12_000_000, 7),
        ("C", 5_000_000, 1),
        ("B", 2_000_000, 4),
        ("D", 500_000, 2),
    ]
    by_count = [(r.name, r.cascade_clients, r.direct_referrals) for r in result.top_by_count]
    assert by_count == [("A", 7, 2), ("B", 4, 2), ("D", 2, 2), ("C", 1, 1)]


def test_spread_over_time_accumulates_per_generation(engine: Engine, tree: dict[str, int]) -> None:
    with Session(engine) as session:
        series = referrals.spread_over_time(session=session, root_id=tree["A"])
    assert series.generations == 4
    first = series.points[0]
    assert (first.on, first.orders, first.revenue) == (date(2024, 1, 10), (1, 0, 0, 0), (0,) * 4)
    paid = series.points[1]  # A's order was paid ten days after it was won
    assert (paid.on, paid.orders, paid.revenue) == (
        date(2024, 1, 20),
        (1, 0, 0, 0),
        (1_000_000, 0, 0, 0),
    )
    last = series.points[-1]
    assert (last.on, last.orders, last.revenue) == (
        date(2024, 6, 8),
        (1, 3, 3, 1),
        (1_000_000, 5_000_000, 6_500_000, 500_000),
    )
    assert [p.on for p in series.points] == sorted({p.on for p in series.points})
    # B was introduced on 1 Feb; C has only a first contact; the others have neither
    assert [(m.on, m.name, m.generation, m.referrer_id) for m in series.moments] == [
        (date(2024, 2, 1), "B", 1, tree["A"]),
        (date(2024, 3, 1), "C", 1, tree["A"]),
    ]


def test_subtree_and_forest_give_generations_children_and_revenue(
    engine: Engine, tree: dict[str, int]
) -> None:
    with Session(engine) as session:
        sub = referrals.subtree(session=session, root_id=tree["B"])
        everyone = referrals.forest(session=session)
    names = {node_id: node.name for node_id, node in sub.nodes.items()}
    assert [names[i] for i in sub.nodes] == ["B", "D", "G", "H", "E"]  # pre-order
    b = sub.nodes[tree["B"]]
    assert (b.parent_id, b.generation, b.revenue, b.orders) == (None, 0, 2_000_000, 2)
    assert b.first_order_on == date(2024, 2, 9)
    assert b.introduced_on == date(2024, 2, 1)
    assert [names[c] for c in b.children] == ["D", "E"]
    assert sub.nodes[tree["G"]].generation == 2
    assert [(n.name, n.generation) for n in everyone] == [
        ("A", 0),
        ("B", 1),
        ("D", 2),
        ("G", 3),
        ("H", 3),
        ("E", 2),
        ("C", 1),
        ("F", 2),
        ("Z", 0),
    ]


def test_cycles_and_self_referral_are_refused(engine: Engine, tree: dict[str, int]) -> None:
    attempts = [
        (tree["A"], tree["B"], "introduced_by_cycle"),  # A→B, then B→A
        (tree["A"], tree["G"], "introduced_by_cycle"),  # A→B→D→G, then G→A
        (tree["B"], tree["G"], "introduced_by_cycle"),  # B→D→G, then G→B
        (tree["A"], tree["A"], "introduced_by_self"),
    ]
    for client_id, referrer_id, code in attempts:
        with pytest.raises(ValidationError) as raised, session_scope(engine) as session:
            referrals.set_referrer(session=session, client_id=client_id, referrer_id=referrer_id)
        assert raised.value.errors == {"introduced_by_id": code}
    # the client form goes through the same check
    with pytest.raises(ValidationError) as raised, session_scope(engine) as session:
        clients.update_client(
            session=session, client_id=tree["B"], values={"introduced_by_id": tree["H"]}
        )
    assert raised.value.errors == {"introduced_by_id": "introduced_by_cycle"}
    # moving a client to another branch is fine
    with session_scope(engine) as session:
        clients.update_client(
            session=session, client_id=tree["F"], values={"introduced_by_id": tree["G"]}
        )
    with Session(engine) as session:
        assert (
            referrals.subtree(session=session, root_id=tree["A"]).nodes[tree["F"]].generation == 4
        )


def test_clearing_a_referrer_clears_how_they_were_introduced(
    engine: Engine, tree: dict[str, int]
) -> None:
    with session_scope(engine) as session:
        client = referrals.set_referrer(session=session, client_id=tree["B"], referrer_id=None)
    assert (client.introduced_by_id, client.introduced_on, client.introduction_note) == (
        None,
        None,
        "",
    )


def test_a_deleted_referrer_counts_nowhere_and_their_referrals_move_up(any_engine: Engine) -> None:
    """B is deleted: D and E hang from A, who introduced B; B's orders count for nothing."""
    tree = _make_tree(any_engine)
    with session_scope(any_engine) as session:
        clients.delete_client(session=session, client_id=tree["B"])
    with Session(any_engine) as session:
        sub = referrals.subtree(session=session, root_id=tree["A"])
        result = referrals.cascade(session=session, root_id=tree["A"])
        series = referrals.spread_over_time(session=session, root_id=tree["A"])
        forest = referrals.forest(session=session)
        business = referrals.business_spread(session=session)
        d = clients.get_client(session=session, client_id=tree["D"])
    assert d.introduced_by_id == tree["B"]  # the link itself is kept, for an undo
    assert tree["B"] not in sub.nodes
    a = sub.nodes[tree["A"]]
    assert set(a.children) == {tree["C"], tree["D"], tree["E"]}
    assert sub.nodes[tree["D"]].parent_id == tree["A"]
    assert sub.nodes[tree["D"]].generation == 1
    assert sub.nodes[tree["G"]].generation == 2
    assert (result.clients, result.referred) == (7, 6)
    # C 3.0 + D 1.5 + E 0 + F 5.0 + G 0.5 + H 0 (millions); B's 2.0 and 500 USD are gone
    assert result.cascade_revenue == 10_000_000
    assert result.paid_other_currencies == {}
    assert result.k == pytest.approx(6 / 4)
    rows = [
        (g.generation, g.clients, g.orders, g.revenue, g.k, g.median_days_to_referrals)
        for g in result.generations
    ]
    assert rows == [
        # A→C 60 days, A→D 90, A→E 70
        (0, 1, 1, 1_000_000, 3.0, 70.0),
        # C→F 90, D→G 30
        (1, 3, 3, 4_500_000, 1.0, 60.0),
        (2, 3, 2, 5_500_000, 0.0, None),
    ]
    last = series.points[-1]  # the won and paid orders of A, C, D, E, F and G, not B's two
    assert (last.orders, last.revenue) == ((1, 3, 2), (1_000_000, 4_500_000, 5_500_000))
    assert tree["B"] not in {moment.client_id for moment in series.moments}
    assert series.generations == 3
    assert tree["B"] not in {node.id for node in forest}
    assert business.clients == 8
    assert business.referred_clients == 6
    assert tree["B"] not in {r.client_id for r in business.top_by_revenue}
    # nobody new can name the deleted client as their referrer
    with pytest.raises(ValidationError) as raised, session_scope(any_engine) as session:
        referrals.set_referrer(session=session, client_id=tree["Z"], referrer_id=tree["B"])
    assert raised.value.errors == {"introduced_by_id": "introduced_by_missing"}
    # and undoing the delete puts everything back
    with session_scope(any_engine) as session:
        clients.undelete_client(session=session, client_id=tree["B"])
    with Session(any_engine) as session:
        again = referrals.cascade(session=session, root_id=tree["A"])
    assert (again.referred, again.cascade_revenue) == (7, 12_000_000)


def test_a_deleted_root_leaves_the_trees_of_those_they_introduced(any_engine: Engine) -> None:
    tree = _make_tree(any_engine)
    with session_scope(any_engine) as session:
        clients.delete_client(session=session, client_id=tree["A"])
        clients.delete_client(session=session, client_id=tree["G"])
    with Session(any_engine) as session:
        forest = referrals.forest(session=session)
        with pytest.raises(UserError):
            referrals.cascade(session=session, root_id=tree["A"])
        b = referrals.cascade(session=session, root_id=tree["B"])
        d = referrals.subtree(session=session, root_id=tree["D"])
    roots = {node.id for node in forest if node.parent_id is None}
    assert roots == {tree["B"], tree["C"], tree["Z"]}
    assert {node.id for node in forest} == set(tree.values()) - {tree["A"], tree["G"]}
    assert (b.referred, b.cascade_revenue) == (3, 1_500_000)  # D, E, H; G's 0.5 is gone
    assert d.nodes[tree["D"]].children == (tree["H"],)


# -- layout ---------------------------------------------------------------------------------------
def _preorder(roots: list[int], children: dict[int, list[int]]) -> list[int]:
    order, stack = [], list(reversed(roots))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(children.get(node, [])))
    return order


def _check_tidy(
    roots: list[int], children: dict[int, list[int]], pos: dict[int, tuple[float, float]]
) -> None:
    levels: dict[float, list[float]] = {}
    for node in _preorder(roots, children):  # left to right on every level
        levels.setdefault(pos[node][1], []).append(pos[node][0])
    for xs in levels.values():
        for left, right in itertools.pairwise(xs):
            assert right - left >= 1.0 - 1e-9
    for node, kids in children.items():
        if kids:
            assert pos[node][0] == pytest.approx((pos[kids[0]][0] + pos[kids[-1]][0]) / 2)
            assert all(pos[k][1] == pos[node][1] + 1 for k in kids)


def _random_tree(size: int, seed: int) -> dict[int, list[int]]:
    rng = random.Random(seed)
    children: dict[int, list[int]] = {0: []}
    for node in range(1, size):
        parent = rng.randrange(node) if rng.random() < 0.5 else max(0, node - rng.randint(1, 4))
        children[parent].append(node)
        children[node] = []
    return children


def test_layout_of_the_referral_tree(engine: Engine, tree: dict[str, int]) -> None:
    with Session(engine) as session:
        sub = referrals.subtree(session=session, root_id=tree["A"])
    children = {node_id: list(kids) for node_id, kids in sub.children.items()}
    pos = tidy_layout([tree["A"]], children)
    _check_tidy([tree["A"]], children, pos)
    x = {name: pos[tree[name]][0] for name in "ABCDEFGH"}
    # G, H under D; D and E under B; F under C, pushed right of E
    assert (x["G"], x["H"], x["D"], x["E"]) == (0.0, 1.0, 0.5, 1.5)
    assert (x["B"], x["F"], x["C"], x["A"]) == (1.0, 2.5, 2.5, 1.75)
    assert pos[tree["G"]][1] == 3.0


def test_layout_is_tidy_and_mirrors_a_mirrored_tree() -> None:
    for seed in range(60):
        children = _random_tree(random.Random(seed).randint(1, 80), seed)
        pos = tidy_layout([0], children)
        _check_tidy([0], children, pos)
        mirrored = tidy_layout([0], {k: list(reversed(v)) for k, v in children.items()})
        width = max(x for x, _ in pos.values())
        for node, (x, y) in pos.items():
            assert mirrored[node] == (pytest.approx(width - x), y)


def test_layout_of_a_symmetric_tree_is_symmetric() -> None:
    # 0 → 1, 2, 3; 1 → 4, 5, 6 (6 has 7, 8); 3 → its mirror image 11, 10, 9 (11 has 13, 12)
    children = {0: [1, 2, 3], 1: [4, 5, 6], 6: [7, 8], 3: [11, 10, 9], 11: [13, 12]}
    mirror = {0: 0, 1: 3, 2: 2, 4: 9, 5: 10, 6: 11, 7: 12, 8: 13}
    mirror |= {b: a for a, b in mirror.items()}
    pos = tidy_layout([0], children)
    _check_tidy([0], children, pos)
    centre = pos[0][0]
    for node, other in mirror.items():
        assert pos[node][0] - centre == pytest.approx(centre - pos[other][0])


def test_a_forest_is_laid_out_side_by_side_in_order() -> None:
    children = {1: [2, 3], 4: [5], 6: []}
    pos = tidy_layout([1, 4, 6], children, sibling_distance=2.0, level_distance=3.0)
    assert pos == {
        1: (1.0, 0.0),
        2: (0.0, 3.0),
        3: (2.0, 3.0),
        4: (3.0, 0.0),
        5: (3.0, 3.0),
        6: (4.0, 0.0),
    }
    assert tidy_layout([], {}) == {}


def test_layout_is_fast_and_handles_deep_chains() -> None:
    children = _random_tree(2000, 7)
    # CPU time, not the clock: on a machine busy with other work the clock ran 0.75 s here
    started = time.process_time()
    pos = tidy_layout([0], children)
    assert time.process_time() - started < 0.5  # ~5 ms
    _check_tidy([0], children, pos)
    chain = {node: [node + 1] for node in range(5000)}
    assert len(tidy_layout([0], chain)) == 5001
