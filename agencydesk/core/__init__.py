"""Pure-Python core of agencydesk: data model, services and parsers. Never imports Qt."""
