"""The citation network as an interactive page and as figures."""
