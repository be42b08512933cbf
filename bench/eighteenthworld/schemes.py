"""Smuggling schemes, run by rings that learn from seizures.

Thirteen schemes, each loud or faint per event (``faint_share``):

- ``structuring``: a controlled consignment split into express parcels of a few kilos
  lodged by sister shells to one buyer (loud: declared as what it is, unlicensed, within
  days; faint: declared as indium / silicon / tin, weeks apart, consignee respelled);
- ``scrap_cover``: controlled metal declared as ordinary waste and scrap or dross;
- ``alloy_cover``: controlled metal declared as an uncontrolled alloy or intermediate;
- ``device_cover``: germanium blanks and compound-semiconductor wafers declared as
  infrared lenses, LED chips, silicon wafers or solar cells;
- ``ree_mislabel``: medium/heavy rare-earth oxides declared as cerium or lanthanum oxide,
  unspecified rare-earth compounds, ceramic stains or zirconia beads;
- ``licence_overdraw``: a licensed producer keeps drawing on a licence past its quantity;
- ``licence_borrowed``: a sister company (faint) or a stranger (loud) cites a licence
  issued to someone else;
- ``hub_reexport``: licensed exports to a new trading shell in a hub (Dubai, Port Klang,
  Istanbul, Almaty, ...) run by a director of a listed military end user;
- ``undervaluation``: licensed goods invoiced far below market to an offshore affiliate;
- ``false_end_user``: a genuine distributor, a licence naming a front end user owned by
  a listed party (loud: the declared end user is the listed party's own alias);
- ``shell_consignee``: new consignees that share an address (loud) or a director
  (faint) with a listed party;
- ``concealment``: controlled metal hidden in the boxes of an ordinary line inside a
  consolidator's 10-60-line declaration (loud: the gross weight gives it away);
- ``market_bundle`` (this world's own): a line of "metal crafts" or "fishing sinkers" in
  a Yiwu market-procurement declaration that is really antimony, bismuth or tungsten,
  abusing the simplified declarations of market procurement and the little attention
  the legacy system pays to Yiwu.

After a seizure (an inspection or post-clearance finding), a ring changes port and
broker, rewords its goods, and burns the shell or host that was caught.
"""

from __future__ import annotations

from eighteenthworld.disguise import Disguises
from eighteenthworld.paperwork import Paperwork
from eighteenthworld.rings import SCHEMES, quotas

__all__ = ["SCHEMES", "Schemer", "quotas"]


class Schemer(Disguises, Paperwork):
    """Runs every ring of every scheme, inspecting each declaration as it is lodged."""
