"""Report content built from the core services: charts (SVG), the client report PDF."""
