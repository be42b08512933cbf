"""How a broker writes a goods line: the column set, descriptions and declared elements.

Owns the line columns (the contract's declaration columns plus the generator's own,
underscored ones that never reach the files) and the four house styles in which
brokers write goods names and declared elements: Chinese only, English capitals,
bilingual, and trade shorthand. Must not decide what is shipped or by whom.
"""

from __future__ import annotations

from fourteenthworld.goods import Good

#: Contract columns of ``declarations`` in the order they are written.
DECL_COLUMNS: tuple[str, ...] = (
    "declaration_id",
    "line_no",
    "declared_at",
    "port",
    "mode",
    "exporter_id",
    "exporter_name",
    "declarant_id",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "trade_country",
    "end_user_name",
    "end_use",
    "hs_code",
    "description",
    "specification",
    "quantity",
    "unit",
    "net_weight_kg",
    "gross_weight_kg",
    "value",
    "currency",
    "license_no",
    "container_ids",
    "transport_doc",
    "origin_region",
)

#: The generator's own columns, kept beside the contract's until the files are written.
#: _decl: declaration key; _day/_sec: day index and second of the day; _scheme: fraud
#: scheme ("" = honest); _trap: honest trap; _ring: fraud ring (-1 none); _good: goods
#: index actually shipped; _true_kg: their kg; _fair_usd: their fair value; _result:
#: what an inspection that finds the fraud records; _licence: "" none needed, "own",
#: or "set" (already cited); _adaptive: the ring changes identity once caught;
#: _doc_decl: declaration whose transport documents this one shares.
INTERNAL: dict[str, type] = {
    "_decl": int,
    "_day": int,
    "_sec": int,
    "_scheme": str,
    "_trap": str,
    "_ring": int,
    "_good": int,
    "_true_kg": float,
    "_fair_usd": float,
    "_result": str,
    "_licence": str,
    "_adaptive": bool,
    "_doc_decl": int,
}


def describe(good: Good, style: int, prefix_zh: str = "", prefix_en: str = "") -> str:
    """The goods name as the broker writes it."""
    if style == 0:
        return f"{prefix_zh}{good.zh}"
    if style == 1:
        return f"{prefix_en}{good.en}".upper()
    if style == 2:
        return f"{prefix_zh}{good.zh} {prefix_en}{good.en}"
    return f"{prefix_en.lower()}{good.alt}"


def specify(good: Good, style: int, use: str, extra_zh: str = "", extra_en: str = "") -> str:
    """Declared elements (申报要素) in the broker's style."""
    if style in (0, 2):
        tail = f"|{extra_zh}" if extra_zh else ""
        return f"0|0|{good.zh}|{good.spec_zh}|用途:{use}|无品牌{tail}"
    tail = f"; {extra_en}" if extra_en else ""
    return f"{good.spec_en}; for {use}; no brand{tail}"


def quantity_of(good: Good, kg: float) -> float:
    """Declared quantity in the good's unit for ``kg`` of it."""
    if good.unit == "t":
        return round(kg / 1000.0, 3)
    if good.unit in ("pcs", "set"):
        return float(max(1, round(kg / good.per_unit)))
    return round(kg, 3)
