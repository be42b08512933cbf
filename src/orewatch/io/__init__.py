"""File input and output at the edges: atomic writes. Nothing here knows the domain."""
