"""A fourth, independently written world generator: a sparse customs extract.

It writes a dataset folder under the data contract (declarations, a partial licence
register, a partial parties table with relations, inspections recorded in coarse
categories, yearly trade statistics, a watchlist) plus ``truth/lines.csv`` naming every
fraudulent line and its scheme. It was designed from the contract, the control
catalogue and how export smuggling of strategic minerals is reported to work, not from
orewatch's detectors, so that screening can be measured on data it was not tuned on.

Modules: :mod:`.goods` (what is shipped), :mod:`.names` (how parties are spelt),
:mod:`.actors` (exporters, consignees, watchlist, fronts), :mod:`.shipments` (the honest
bulk), :mod:`.licensing` (licences and the register), :mod:`.schemes` (the frauds),
:mod:`.inspections` (past checks) and :mod:`.build` (the entry point and the files).
"""

from fourthworld.build import SCHEMES, Knobs, generate

__all__ = ["SCHEMES", "Knobs", "generate"]
