"""The desk's sections, in the sidebar's order (Ctrl+1 … Ctrl+6 follow it)."""

SECTIONS = ("today", "clients", "tickets", "guides", "orders", "referrals")
