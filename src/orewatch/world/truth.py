"""The labelled smuggling schemes: names, descriptions and the truth tables' columns.

Evaluation code imports :data:`SCHEMES` and the column tuples from here. This module
owns vocabulary only; injection lives in :mod:`orewatch.world.schemes`.
"""

from __future__ import annotations

SCHEME_DESCRIPTIONS: dict[str, str] = {
    "disguised": "controlled material declared as ordinary goods under a wrong commodity code "
    "and a bland description; the specification sometimes leaks the truth",
    "undervalued": "controlled goods declared at a fraction of their value",
    "understated_quantity": "controlled goods declared with a lower quantity/net weight than "
    "shipped (licence draws understated); gross weight sometimes betrays it",
    "licence_forged": "cites a licence number that was never issued",
    "licence_expired": "cites a real licence of the same exporter after its last valid day",
    "licence_other_exporter": "cites a real licence issued to another exporter",
    "licence_overdrawn": "cumulative draws on a licence exceed the quantity it allows",
    "licence_wrong_consignee": "cites the exporter's own licence for a different consignee "
    "or country",
    "licence_missing": "controlled commodity code declared after the control date "
    "without a licence",
    "concealment": "controlled material hidden in a legitimate-looking line of a container "
    "declaration (gross weight surplus, an odd line among ordinary ones)",
    "small_parcels": "small dense 'samples' by post/express/passenger from many related senders "
    "(shared phones/addresses) to one consignee",
    "transshipment": "controlled goods sent to a third country through front consignees linked to "
    "watchlisted or US/JP military end users; partners' re-exports surge",
    "broker_network": "one controller behind several recently incorporated shell exporters sharing "
    "addresses, phones and declarant",
    "production_leak": "a facility's output disappears: produced but not stocked, moved or "
    "exported, or yield drops while input holds",
}
SCHEMES: tuple[str, ...] = tuple(SCHEME_DESCRIPTIONS)

#: Schemes that label declaration lines (production_leak labels facility-periods).
LINE_SCHEMES: tuple[str, ...] = tuple(s for s in SCHEMES if s != "production_leak")

#: Default relative weights of the line schemes (share of fraudulent lines).
DEFAULT_WEIGHTS: dict[str, float] = {
    "disguised": 0.16,
    "undervalued": 0.09,
    "understated_quantity": 0.07,
    "licence_forged": 0.05,
    "licence_expired": 0.04,
    "licence_other_exporter": 0.04,
    "licence_overdrawn": 0.04,
    "licence_wrong_consignee": 0.04,
    "licence_missing": 0.08,
    "concealment": 0.10,
    "small_parcels": 0.10,
    "transshipment": 0.10,
    "broker_network": 0.05,
}

#: Party roles in truth/parties.csv.
ROLES: tuple[str, ...] = (
    "broker",
    "shell",
    "front_consignee",
    "end_user",
    "associate",
    "sender",
    "consignee",
    "exporter",
    "facility_operator",
)

TRUTH_LINES_COLUMNS: tuple[str, ...] = ("declaration_id", "line_no", "scheme")
TRUTH_PARTIES_COLUMNS: tuple[str, ...] = ("party_id", "scheme", "role")
TRUTH_FACILITIES_COLUMNS: tuple[str, ...] = (
    "facility_id",
    "period",
    "material",
    "scheme",
    "gap_kg",
)
TRUTH_ROUTES_COLUMNS: tuple[str, ...] = ("country", "hs_code", "scheme")
TRUTH_SCHEMES_COLUMNS: tuple[str, ...] = ("scheme", "description")

#: The inspection result each scheme shows when it is found.
FINDING: dict[str, str] = {
    "disguised": "misdeclared",
    "undervalued": "undervalued",
    "understated_quantity": "misdeclared",
    "licence_forged": "unlicensed",
    "licence_expired": "unlicensed",
    "licence_other_exporter": "unlicensed",
    "licence_overdrawn": "unlicensed",
    "licence_wrong_consignee": "unlicensed",
    "licence_missing": "unlicensed",
    "concealment": "concealed",
    "small_parcels": "concealed",
    "transshipment": "diverted",
    "broker_network": "misdeclared",
}
