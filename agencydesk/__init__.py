"""agencydesk: a daily desk for freelancers and small web agencies who support clients."""

__version__ = "0.1.0"
