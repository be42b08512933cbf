"""A tenth, independently written world generator for orewatch's detection benches.

Written from the data contract and the control catalogue only, without reading the
project's own simulator or screening code, so that detection can be measured on data it
was not developed against. ``generate(out_dir, lines, seed, **knobs)`` writes one dataset
folder with ``truth/lines.csv`` (the standard truth) and ``truth/adapted.csv`` (which
fraudulent lines came after their network changed its ways).

Modules: ``goods`` (what is traded, prices), ``names`` (companies, people, ids),
``actors`` (exporters, consignees, networks, phoenix firms), ``flows`` (honest trade),
``schemes`` (the twelve frauds), ``adapt`` (networks that change after a find),
``inspect`` (the customs targeting policy and audits), ``extras`` (licences, parties,
trade statistics, prices, watchlist) and ``generate`` (the entry point).
"""

from tenthworld.generate import SCHEMES, generate

__all__ = ["SCHEMES", "generate"]
