"""Colours shared by the referral tree view, the charts and the PDF report (no Qt)."""

from __future__ import annotations

#: one colour per generation: the root, their referrals, the referrals' referrals, …
#: (colour-blind-safe, after Okabe & Ito; repeats after the last)
GENERATION_COLOURS: tuple[str, ...] = (
    "#0072B2",  # the root: blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#CC79A7",  # purple-pink
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#8C6D31",  # brown
    "#882255",  # wine
)


def generation_colour(generation: int) -> str:
    """The colour of *generation* (0 = the root)."""
    return GENERATION_COLOURS[generation % len(GENERATION_COLOURS)]
