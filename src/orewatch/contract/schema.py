"""The data contract as data: every table, column, type and key.

This module owns the *description* of the contract (``shared/spec/data-contract.md``);
reading files and checking values lives in :mod:`orewatch.contract.loader` and
:mod:`orewatch.contract.checks`. Everything else (the simulator, the warehouse, the
screening outputs) takes column names from here rather than spelling them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal[
    "str",  # free text
    "regid",  # registration id: a credit-code-shaped one upper-cased, its check character noted
    "int",
    "float",  # non-negative unless the column says otherwise
    "date",  # ISO 8601 YYYY-MM-DD
    "datetime",  # ISO 8601 date or date-time, with or without zone
    "period",  # YYYY or YYYY-MM
    "country",  # ISO 3166-1 alpha-2, upper case
    "currency",  # ISO 4217
    "hs",  # digits only, 6..10
    "list",  # ';'-separated
]


@dataclass(frozen=True)
class Column:
    """One column of a contract table."""

    name: str
    type: ColumnType
    required: bool = False
    description: str = ""
    default: str | int | float | None = None


@dataclass(frozen=True)
class Table:
    """One table of the contract: its columns and, where there is one, its unique key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    description: str = ""

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")


def _c(
    name: str,
    type_: ColumnType,
    required: bool = False,
    description: str = "",
    default: str | int | float | None = None,
) -> Column:
    return Column(name, type_, required, description, default)


DECLARATIONS = Table(
    "declarations",
    (
        _c("declaration_id", "str", True, "customs declaration number"),
        _c(
            "line_no",
            "int",
            False,
            "goods line within the declaration; none: the next after the declaration's "
            "highest (see Keys)",
        ),
        _c("declared_at", "datetime", True, "when it was lodged"),
        _c("port", "str", True, "customs office or port of exit (UN/LOCODE)"),
        _c("mode", "str", True, "sea, air, road, rail, post, express, passenger"),
        _c("exporter_id", "regid", True, "exporter's registration id"),
        _c("exporter_name", "str", True),
        _c("declarant_id", "regid", False, "customs broker that lodged it"),
        _c("consignee_name", "str", True, "overseas consignee"),
        _c("consignee_address", "str"),
        _c("consignee_country", "country", True),
        _c("destination_country", "country", True, "country of arrival"),
        _c("trade_country", "country", False, "country of the trading counterparty"),
        _c("end_user_name", "str", False, "declared end user"),
        _c("end_use", "str", False, "declared end use"),
        _c("hs_code", "hs", True, "commodity code as declared"),
        _c("description", "str", True, "goods name as declared, any language"),
        _c("specification", "str", False, "declared elements: grade, purity, form, brand, use"),
        _c("quantity", "float", True, "in unit"),
        _c("unit", "str", True, "kg, g, t, pcs, set, l, ..."),
        _c("net_weight_kg", "float", True),
        _c("gross_weight_kg", "float"),
        _c("value", "float", True, "declared value of the line"),
        _c("currency", "currency", True),
        _c("license_no", "str", False, "export licence cited"),
        _c("container_ids", "list", False, "ISO 6346 container numbers"),
        _c("transport_doc", "str", False, "bill of lading, air waybill or parcel number"),
        _c("origin_region", "str", False, "domestic place the goods come from"),
    ),
    key=("declaration_id", "line_no"),
    description="one row per goods line of an export customs declaration",
)

LICENSES = Table(
    "licenses",
    (
        _c("license_no", "str", True),
        _c("issued_at", "date", True),
        _c("valid_until", "date", True, "last day it may be used"),
        _c("exporter_id", "regid", True),
        _c("control_id", "str", False, "controlled item it covers (control catalogue id)"),
        _c("hs_code", "hs", False, "commodity code it covers"),
        _c("quantity_kg", "float", True, "total quantity it allows"),
        _c("consignee_name", "str", True),
        _c("consignee_country", "country", True),
        _c("end_user_name", "str"),
        _c("end_use", "str"),
        _c("status", "str", False, "valid (default), revoked, suspended", default="valid"),
        _c("status_since", "date", False, "day the status took effect"),
    ),
    key=("license_no",),
    description="export licences issued",
)

PARTIES = Table(
    "parties",
    (
        _c("party_id", "str", True),
        _c("kind", "str", True, "company or person"),
        _c("name", "str", True),
        _c("alt_names", "list", False, "other spellings, translations, transliterations"),
        _c("country", "country"),
        _c("address", "str"),
        _c("phone", "str"),
        _c("email", "str"),
        _c("registration_id", "regid", False, "registry number"),
        _c("incorporated_at", "date"),
    ),
    key=("party_id",),
    description="companies and people",
)

RELATIONS = Table(
    "relations",
    (
        _c("src_party_id", "str", True),
        _c("dst_party_id", "str", True),
        _c("relation", "str", True, "owner, director, shareholder, agent, employee, payer, ..."),
        _c("share", "float", False, "ownership share 0..1"),
        _c("since", "date"),
    ),
    description="links between parties",
)

FACILITIES = Table(
    "facilities",
    (
        _c("facility_id", "str", True),
        _c("operator_id", "str", True, "party_id or exporter_id of the operator"),
        _c("kind", "str", True, "mine, alumina_refinery, zinc_smelter, ..., trader"),
        _c("region", "str"),
        _c("capacity_kg_per_year", "float"),
        _c("materials", "list", False, "materials it handles"),
    ),
    key=("facility_id",),
    description="places in the domestic chain",
)

MOVEMENTS = Table(
    "movements",
    (
        _c("movement_id", "str", True),
        _c("moved_at", "date", True),
        _c("from_id", "str", True, "facility_id or party_id"),
        _c("to_id", "str", True, "facility_id or party_id"),
        _c("material", "str", True, "material code"),
        _c("quantity_kg", "float", True),
        _c("lot_id", "str"),
        _c("document_no", "str", False, "invoice or waybill"),
    ),
    key=("movement_id",),
    description="chain-of-custody transfers inside the country",
)

PRODUCTION = Table(
    "production",
    (
        _c("facility_id", "str", True),
        _c("period", "period", True, "YYYY-MM"),
        _c("material", "str", True),
        _c("opening_kg", "float"),
        _c("received_kg", "float"),
        _c("produced_kg", "float"),
        _c("consumed_kg", "float"),
        _c("shipped_kg", "float"),
        _c("closing_kg", "float"),
    ),
    key=("facility_id", "period", "material"),
    description="a facility's monthly balance for one material",
)

INSPECTIONS = Table(
    "inspections",
    (
        _c("declaration_id", "str", True),
        # No default: an inspection that names no line covers its whole declaration.
        _c("line_no", "int", False, "the line inspected; none: the whole declaration"),
        _c("inspected_at", "date", True),
        _c("method", "str", False, "document, scan, physical, lab"),
        _c(
            "result",
            "str",
            True,
            "clear, misdeclared, undervalued, concealed, unlicensed, diverted",
        ),
        _c("found_hs_code", "hs"),
        _c("found_description", "str"),
        _c("found_quantity_kg", "float"),
        _c("found_value", "float"),
    ),
    description="what past checks found (the labels to learn from)",
)

TRADE_STATS = Table(
    "trade_stats",
    (
        _c("reporter", "country", True),
        _c("partner", "country", True),
        _c("flow", "str", True, "export, import, re_export, re_import"),
        _c("hs_code", "hs", True),
        _c("period", "period", True, "YYYY or YYYY-MM"),
        _c("value_usd", "float"),
        _c("quantity_kg", "float"),
    ),
    description="official trade statistics, own and partners' (mirror)",
)

PRICES = Table(
    "prices",
    (
        _c("material", "str", True),
        _c("market", "str", True, "e.g. CN (domestic), Rotterdam"),
        _c("date", "date", True),
        _c("price", "float", True),
        _c("currency", "currency", True),
        _c("unit", "str", True, "kg or t"),
    ),
    description="market prices",
)

WATCHLIST = Table(
    "watchlist",
    (
        _c("list", "str", True, "list name"),
        _c("name", "str", True),
        _c("alt_names", "list"),
        _c("kind", "str", False, "company or person"),
        _c("country", "country"),
        _c("address", "str"),
        _c("registration_id", "regid"),
        _c("listed_at", "date"),
        _c("reason", "str"),
    ),
    description="restricted parties",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DECLARATIONS,
        LICENSES,
        PARTIES,
        RELATIONS,
        FACILITIES,
        MOVEMENTS,
        PRODUCTION,
        INSPECTIONS,
        TRADE_STATS,
        PRICES,
        WATCHLIST,
    )
}

#: Values the contract names for enumerated text columns. Checked case-insensitively;
#: a value outside the set is kept (the contract lists examples, "...") unless the
#: set is marked closed in ``CLOSED_VOCABULARIES``.
VOCABULARIES: dict[tuple[str, str], frozenset[str]] = {
    ("declarations", "mode"): frozenset(
        {"sea", "air", "road", "rail", "post", "express", "passenger"}
    ),
    ("parties", "kind"): frozenset({"company", "person"}),
    ("watchlist", "kind"): frozenset({"company", "person"}),
    ("licenses", "status"): frozenset({"valid", "revoked", "suspended"}),
    ("inspections", "method"): frozenset({"document", "scan", "physical", "lab"}),
    ("inspections", "result"): frozenset(
        {"clear", "misdeclared", "undervalued", "concealed", "unlicensed", "diverted"}
    ),
    ("trade_stats", "flow"): frozenset({"export", "import", "re_export", "re_import"}),
}
CLOSED_VOCABULARIES: frozenset[tuple[str, str]] = frozenset(
    {
        ("declarations", "mode"),
        ("parties", "kind"),
        ("licenses", "status"),
        ("inspections", "result"),
        ("trade_stats", "flow"),
    }
)

#: Columns that may be negative (everything else typed float must be >= 0).
SIGNED_FLOATS: frozenset[tuple[str, str]] = frozenset()

# --- What screening writes -------------------------------------------------------------

OutputName = Literal["alerts", "parties", "facilities", "routes", "rejected"]

OUTPUT_COLUMNS: dict[str, tuple[str, ...]] = {
    "alerts": ("declaration_id", "line_no", "score", "channel", "reasons"),
    "parties": ("party_id", "name", "score", "reasons"),
    "facilities": ("facility_id", "period", "material", "gap_kg", "score", "reasons"),
    "routes": ("country", "hs_code", "score", "reasons"),
    "rejected": ("table", "row", "field", "value", "reason"),
}

CHANNELS: tuple[str, ...] = ("green", "yellow", "red")

#: Period columns that hold months (``YYYY-MM``); a bare year is refused there.
MONTHLY_PERIODS: frozenset[tuple[str, str]] = frozenset({("production", "period")})

#: Per table, groups of columns of which at least one must hold a value in every row.
REQUIRED_ONE_OF: dict[str, tuple[tuple[str, ...], ...]] = {
    "licenses": (("control_id", "hs_code"),),
}

#: Zone in which zone-less datetimes are read and zoned ones are expressed (the ports').
LOCAL_TIME_ZONE = "Asia/Shanghai"
