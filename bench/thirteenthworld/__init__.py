"""The thirteenth independent test world for orewatch: a customs history of strategic
minerals written from the data contract and domain knowledge only.

Conventions of this world (where the contract leaves a choice):

- History 2023-06-01 .. 2026-09-30; volume grows slowly, dips at each lunar new year,
  rises in December, is light at weekends.
- Fourteen exit offices (UN/LOCODE): seven seaports, air and express hubs, the land
  crossings to Vietnam, Myanmar, Kazakhstan and Russia, and the Chengdu rail head. Each
  office has its own inspection appetite, its favourite method and its own way of
  writing the lodging time (``2024-03-05T10:23:11``, ``2024-03-05``, or
  ``2024-03-05 10:23:11+08:00``).
- Exporters: many small trading companies (Shenzhen, Shanghai, Ningbo...), a few large
  producers (Lincang germanium, Lengshuijiang antimony, Ganzhou tungsten, Baotou rare
  earths) with a large share of the volume, processing-trade factories (Dongguan,
  Suzhou), bulk commodity houses, and border residents trading under their resident
  numbers. Ids are credit codes with correct check characters, a few customs codes.
- Goods: sixty products, nineteen controlled (catalogue codes and effective dates), the
  rest ordinary look-alikes, so controlled goods are about a fifth of the lines and in
  force on about an eighth. Items of the November 2025 announcements were suspended
  before taking effect and are ordinary goods here.
- Text: descriptions mostly Chinese, a sixth English, a tenth bilingual; declared
  elements in four broker styles; purity as 5N / 99.999% / ≥99.999% / 纯度99.999%;
  optional fields empty at realistic rates in honest data too.
- Money: USD mostly, CNY for a quarter, EUR, JPY, HKD; prices drift, and once a control
  bites the foreign price climbs to a premium over the domestic one.
- Licences: ``24MOF004512``-style numbers, one per exporter, consignee, item and
  half-year, for one year (some six months), a little above the trade they cover.
- Truth: ``truth/lines.csv`` (declaration_id, line_no, scheme), one row per fraudulent
  line; the eleven schemes are described in ``schemes.py``.

``generate(out_dir, lines=100_000, seed=1, **knobs)`` writes the dataset; ``Knobs``
lists the dials.
"""

from .knobs import Knobs
from .world import generate

__all__ = ["Knobs", "generate"]
