"""Who introduced whom, and how one happy client spreads into many orders.

"Release one pigeon, get a whole zoo": Bu Ratna told her friends, who told theirs. This module
keeps the referral links sound (no one is introduced by someone they introduced) and turns the
referral forest into numbers, with SQL recursive queries for one client's cascade.

Definitions (every figure below uses them; the tests compute them by hand):

- **revenue** of a client: the sum of the amounts of their *paid* orders in `REVENUE_CURRENCY`
  (IDR). Won-but-unpaid orders are not revenue yet. Paid orders in other currencies (the
  occasional USD job) are never added to rupiah: they are reported apart, per currency, in
  `paid_other_currencies`.
- **orders** of a client: their orders with status won or paid (any currency); quotes, lost and
  cancelled orders are not orders.
- **first order** of a client: the earliest day of those orders, the day being `won_on`, else
  `paid_on`, else `quoted_on`. Orders without any day do not count for dates.
- **generation**: the root of a cascade is generation 0, the clients it introduced generation 1…
- **cascade revenue** of a client: the revenue of everyone below them (not their own);
  **multiplier** = cascade revenue / the root's own revenue (None when the root paid nothing).
- **K** of generation g: clients in g+1 / clients in g (the mean number of new clients each
  client of g brought). **Overall K**: referred clients / clients who could refer, i.e. the
  clients of every generation except the newest, which by definition referred nobody yet
  (None when there is no such client).
- **days between generations**: for each (referrer, referred) pair where both have a first order,
  the days from the referrer's first order to the referred client's first order; the median.
- Deleted clients count nowhere: not in the forest, the trees, the figures or the plots. The
  clients they introduced hang from the nearest living client above them (who introduced the
  deleted one), or start a tree of their own; undoing the delete puts everything back.
"""

from agencydesk.core.referrals.figures import (
    BusinessSpread,
    Cascade,
    GenerationStats,
    ReferrerStats,
    business_spread,
    cascade,
)
from agencydesk.core.referrals.graph import (
    MAX_DEPTH,
    REVENUE_CURRENCY,
    TOP_REFERRERS,
    Node,
    Tree,
    forest,
    subtree,
)
from agencydesk.core.referrals.links import check_no_cycle, set_referrer
from agencydesk.core.referrals.spread import (
    ReferralMoment,
    RootReport,
    SpreadPoint,
    SpreadSeries,
    SpreadSteps,
    root_report,
    spread_over_time,
)

__all__ = [
    "MAX_DEPTH",
    "REVENUE_CURRENCY",
    "TOP_REFERRERS",
    "BusinessSpread",
    "Cascade",
    "GenerationStats",
    "Node",
    "ReferralMoment",
    "ReferrerStats",
    "RootReport",
    "SpreadPoint",
    "SpreadSeries",
    "SpreadSteps",
    "Tree",
    "business_spread",
    "cascade",
    "check_no_cycle",
    "forest",
    "root_report",
    "set_referrer",
    "spread_over_time",
    "subtree",
]
