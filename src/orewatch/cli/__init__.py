"""The command line: one module per concern, each with ``register(app)``; only I/O here."""
