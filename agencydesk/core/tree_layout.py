"""Tidy drawing of the referral forest: x and y for every node, in linear time. Pure Python.

The algorithm of Buchheim, Jünger and Leipert, "Improving Walker's Algorithm to Run in Linear
Time" (Graph Drawing 2002), which makes Walker's extension of Reingold and Tilford linear:

- a parent is centred over its first and last child;
- nodes on one level keep their left-to-right order and are at least the given distance apart;
- subtrees are pushed apart only as far as their contours need (followed with threads), and the
  push is spread evenly over the smaller subtrees in between, so a tree and its mirror image are
  drawn as mirror images;
- a forest is laid out as the children of an invisible root: roots side by side, tightly packed.

Both walks are iterative (a chain of thousands of referrals would overflow Python's recursion),
and nodes are numbered 0…n so that the state lives in plain lists.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def tidy_layout(
    roots: Sequence[K],
    children: Mapping[K, Sequence[K]],
    *,
    sibling_distance: float = 1.0,
    subtree_distance: float = 1.0,
    level_distance: float = 1.0,
) -> dict[K, tuple[float, float]]:
    """(x, y) per node of the forest under *roots* (in that order, left to right).

    `children[node]` lists a node's children left to right (a missing key: a leaf).
    `sibling_distance` separates neighbours with the same parent, `subtree_distance` neighbours
    with different parents (and the roots); `level_distance` separates generations: a node at
    depth d has y = d * level_distance. The leftmost node has x = 0.
    """
    if not roots:
        return {}
    # -- number the nodes: 0 is the invisible root of the forest, then pre-order -------------
    keys: list[K | None] = [None]
    kids: list[list[int]] = [[]]
    parent: list[int] = [-1]
    depth: list[int] = [-1]
    stack: list[tuple[K, int]] = [(root, 0) for root in reversed(roots)]
    while stack:
        key, parent_index = stack.pop()
        index = len(keys)
        keys.append(key)
        kids.append([])
        parent.append(parent_index)
        depth.append(depth[parent_index] + 1)
        kids[parent_index].append(index)
        stack.extend((child, index) for child in reversed(children.get(key, ())))
    n = len(keys)
    number = [0] * n  # position among siblings, from 1
    for siblings in kids:
        for position, child in enumerate(siblings, start=1):
            number[child] = position

    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    midpoint = [0.0] * n  # where a node's own children want it (0 for a leaf)
    thread = [-1] * n
    ancestor = list(range(n))

    def next_left(v: int) -> int:
        return kids[v][0] if kids[v] else thread[v]

    def next_right(v: int) -> int:
        return kids[v][-1] if kids[v] else thread[v]

    def move_subtree(wl: int, wr: int, amount: float) -> None:
        subtrees = number[wr] - number[wl]
        change[wr] -= amount / subtrees
        shift[wr] += amount
        change[wl] += amount / subtrees
        prelim[wr] += amount
        mod[wr] += amount

    def apportion(v: int, default_ancestor: int) -> int:
        siblings = kids[parent[v]]
        vir = vor = v
        vil = siblings[number[v] - 2]  # the left sibling
        vol = siblings[0]
        sir = mod[vir]
        sor = mod[vor]
        sil = mod[vil]
        sol = mod[vol]
        nr = next_right(vil)
        nl = next_left(vir)
        while nr >= 0 and nl >= 0:
            vil = nr
            vir = nl
            vol = next_left(vol)
            vor = next_right(vor)
            ancestor[vor] = v
            gap = (prelim[vil] + sil) - (prelim[vir] + sir) + subtree_distance
            if gap > 0:
                left = ancestor[vil]
                if parent[left] != parent[v]:
                    left = default_ancestor
                move_subtree(left, v, gap)
                sir += gap
                sor += gap
            sil += mod[vil]
            sir += mod[vir]
            sol += mod[vol]
            sor += mod[vor]
            nr = next_right(vil)
            nl = next_left(vir)
        if nr >= 0 and next_right(vor) < 0:
            thread[vor] = nr
            mod[vor] += sil - sor
        if nl >= 0 and next_left(vol) < 0:
            thread[vol] = nl
            mod[vol] += sir - sol
            default_ancestor = v
        return default_ancestor

    # -- first walk: children before parents (reverse pre-order) -----------------------------
    for v in range(n - 1, -1, -1):
        siblings = kids[v]
        if not siblings:
            continue
        default_ancestor = siblings[0]
        for position, w in enumerate(siblings):
            if position == 0:
                prelim[w] = midpoint[w]
                continue
            distance = sibling_distance if v else subtree_distance
            prelim[w] = prelim[siblings[position - 1]] + distance
            if kids[w]:
                mod[w] = prelim[w] - midpoint[w]
            default_ancestor = apportion(w, default_ancestor)
        # execute the shifts gathered by apportion, right to left
        total_shift = 0.0
        total_change = 0.0
        for w in reversed(siblings):
            prelim[w] += total_shift
            mod[w] += total_shift
            total_change += change[w]
            total_shift += shift[w] + total_change
        midpoint[v] = (prelim[siblings[0]] + prelim[siblings[-1]]) / 2
    prelim[0] = midpoint[0]

    # -- second walk: absolute positions, parents before children (pre-order) ----------------
    x = [0.0] * n
    offset = [0.0] * n  # the sum of the mods of a node's ancestors
    for v in range(n):
        if v:
            x[v] = prelim[v] + offset[v]
        inherited = offset[v] + mod[v]
        for w in kids[v]:
            offset[w] = inherited
    left_edge = min(x[1:])
    return {
        keys[v]: (x[v] - left_edge, depth[v] * level_distance)  # type: ignore[misc]
        for v in range(1, n)
    }
