"""Restricted-party lists: the dataset's own ``watchlist`` and readers for public files.

Every list is brought to one shape (``WATCHLIST_SCHEMA``): list, source, entry_id,
name, alt_names, kind, country (ISO alpha-2 where it can be told), address,
registration_id, listed_at, reason. Readers know each public file's quirks:

- OFAC ``sdn.csv`` (legacy): no header, ``-0-`` for null, CRLF lines, a trailing
  Ctrl-Z byte; aliases only inside ``Remarks`` (``a.k.a. '...'``);
- OpenSanctions' ``cn/sanctions`` export: English + Chinese names, dates ``DD.MM.YY``;
- OpenSanctions' ``us/dod_chinese_milcorps`` and ``us/bis_mieu`` exports.

The OpenSanctions files are CC BY-NC 4.0 (non-commercial): they are read from the
folder the user points at (``read_public_watchlists``) and never copied into the
package. A bad file raises ``WatchlistError`` naming the file, row and field.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

import polars as pl

WATCHLIST_SCHEMA: dict[str, pl.DataType] = {
    "list": pl.String(),
    "source": pl.String(),
    "entry_id": pl.String(),
    "name": pl.String(),
    "alt_names": pl.List(pl.String()),
    "kind": pl.String(),
    "country": pl.String(),
    "address": pl.String(),
    "registration_id": pl.String(),
    "listed_at": pl.Date(),
    "reason": pl.String(),
}

#: Public files this module can read, by file name.
PUBLIC_FILES: dict[str, str] = {
    "us_ofac_sdn_2024-05-03.csv": "ofac_sdn",
    "cn_sanctions_opensanctions.csv": "cn_sanctions",
    "us_dod_1260h_chinese_military_companies_opensanctions.csv": "dod_1260h",
    "us_bis_mieu_opensanctions.csv": "bis_mieu",
}

SDN_COLUMNS = (
    "ent_num",
    "name",
    "sdn_type",
    "program",
    "title",
    "call_sign",
    "vess_type",
    "tonnage",
    "grt",
    "vess_flag",
    "vess_owner",
    "remarks",
)


class WatchlistError(ValueError):
    """A restricted-party file could not be read; the message names file, row, field."""


def _conform(frame: pl.DataFrame) -> pl.DataFrame:
    missing = [
        pl.lit(None, dtype=t).alias(c) for c, t in WATCHLIST_SCHEMA.items() if c not in frame
    ]
    return frame.with_columns(missing).select(
        [pl.col(c).cast(t) for c, t in WATCHLIST_SCHEMA.items()]
    )


@cache
def _country_codes() -> dict[str, str]:
    """Lower-case country names, official names and codes → ISO alpha-2."""
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[str(value).lower()] = c.alpha_2
    table.update({"usa": "US", "uk": "GB", "russia": "RU", "taiwan": "TW", "iran": "IR"})
    table.update({"south korea": "KR", "north korea": "KP", "burma": "MM", "syria": "SY"})
    return table


def country_code(values: pl.Expr) -> pl.Expr:
    """ISO alpha-2 for a country written as a code or a name (first of several)."""
    first = values.str.split(";").list.first().str.split(",").list.first()
    return (
        first.str.strip_chars()
        .str.to_lowercase()
        .replace_strict(_country_codes(), default=None, return_dtype=pl.String())
    )


def _split_aliases(expr: pl.Expr) -> pl.Expr:
    return (
        expr.fill_null("")
        .str.split(";")
        .list.eval(pl.element().str.strip_chars().filter(pl.element() != ""))
    )


def normalise_watchlist(watchlist: pl.DataFrame, source: str = "dataset") -> pl.DataFrame:
    """The contract's ``watchlist`` table in the common shape."""
    alt = watchlist.get_column("alt_names") if "alt_names" in watchlist.columns else None
    alt_expr = (
        pl.col("alt_names").cast(pl.List(pl.String()))
        if alt is not None and alt.dtype != pl.String()
        else _split_aliases(pl.col("alt_names") if alt is not None else pl.lit(None))
    )
    out = watchlist.with_row_index("_n", offset=1).with_columns(
        pl.lit(source).alias("source"),
        pl.format("{}:{}", pl.lit(source), pl.col("_n")).alias("entry_id"),
        alt_expr.alias("alt_names"),
    )
    return _conform(out)


def _read_csv(path: Path, **options: object) -> pl.DataFrame:
    try:
        return pl.read_csv(path, infer_schema=False, **options)  # type: ignore[arg-type]
    except (pl.exceptions.PolarsError, OSError) as err:
        raise WatchlistError(f"{path}: cannot read as CSV: {err}") from err


def read_ofac_sdn(path: Path) -> pl.DataFrame:
    """OFAC's legacy ``sdn.csv``: header-less, ``-0-`` nulls, aliases in Remarks."""
    raw = path.read_bytes().replace(b"\r\n", b"\n").rstrip(b"\x1a\n ")
    try:
        frame = pl.read_csv(
            io.BytesIO(raw), has_header=False, new_columns=list(SDN_COLUMNS), infer_schema=False
        )
    except pl.exceptions.PolarsError as err:
        raise WatchlistError(f"{path}: not OFAC sdn.csv legacy format: {err}") from err
    if frame.width != len(SDN_COLUMNS):
        raise WatchlistError(f"{path}: expected {len(SDN_COLUMNS)} columns, got {frame.width}")
    frame = frame.with_columns(pl.all().str.strip_chars().replace("-0-", None)).with_row_index(
        "_n", offset=1
    )
    bad = frame.filter(pl.col("name").is_null())
    if bad.height:
        raise WatchlistError(f"{path}: row {bad['_n'][0]}: field SDN_Name is empty")
    out = frame.select(
        pl.lit("OFAC SDN").alias("list"),
        pl.lit("ofac_sdn").alias("source"),
        pl.format("ofac_sdn:{}", pl.col("ent_num")).alias("entry_id"),
        pl.col("name"),
        pl.col("remarks")
        .fill_null("")
        .str.extract_all(r"a\.k\.a\. '([^']+)'")
        .list.eval(pl.element().str.slice(8).str.strip_chars("'"))
        .alias("alt_names"),
        pl.when(pl.col("sdn_type") == "individual")
        .then(pl.lit("person"))
        .when(pl.col("sdn_type").is_in(["vessel", "aircraft"]))
        .then(pl.col("sdn_type"))
        .otherwise(pl.lit("company"))
        .alias("kind"),
        pl.col("program").alias("reason"),
    )
    return _conform(out)


def read_cn_sanctions(path: Path) -> pl.DataFrame:
    """OpenSanctions' export of designations by PRC authorities (English + Chinese)."""
    frame = _read_csv(path)
    _require(frame, path, ("Type", "Name", "Chinese name", "List"))
    kind = pl.col("Type").str.to_lowercase().replace({"organization": "company"})
    date = pl.col("Date").str.strip_chars()
    out = frame.with_row_index("_n", offset=1).select(
        pl.when(pl.col("List").fill_null("") == "")
        .then(pl.format("PRC {}", pl.col("Body").fill_null("designation")))
        .otherwise(pl.format("PRC {}", pl.col("List")))
        .alias("list"),
        pl.lit("cn_sanctions").alias("source"),
        pl.format("cn_sanctions:{}", pl.col("_n")).alias("entry_id"),
        pl.coalesce(pl.col("Name"), pl.col("Chinese name")).alias("name"),
        pl.concat_list(
            _split_aliases(pl.col("Alias")), _split_aliases(pl.col("Chinese name"))
        ).alias("alt_names"),
        kind.alias("kind"),
        country_code(pl.col("Country")).alias("country"),
        pl.col("Address").alias("address"),
        pl.when(date.str.contains(r"^\d{1,2}\.\d{1,2}\.\d{4}$"))
        .then(date.str.to_date("%d.%m.%Y", strict=False))
        .otherwise(date.str.to_date("%d.%m.%y", strict=False))
        .alias("listed_at"),
        pl.col("Topics").alias("reason"),
    )
    return _conform(out)


def read_dod_1260h(path: Path) -> pl.DataFrame:
    """OpenSanctions' export of the US DoD Section 1260H list (English names only)."""
    frame = _read_csv(path)
    _require(frame, path, ("Name", "Clean Name"))
    out = frame.with_row_index("_n", offset=1).select(
        pl.lit("US DoD 1260H").alias("list"),
        pl.lit("dod_1260h").alias("source"),
        pl.format("dod_1260h:{}", pl.col("_n")).alias("entry_id"),
        pl.coalesce("Clean Name", "Name").alias("name"),
        pl.concat_list(
            _split_aliases(pl.col("Alias")), _split_aliases(pl.col("Previous Name"))
        ).alias("alt_names"),
        pl.lit("company").alias("kind"),
        pl.lit("CN").alias("country"),
        pl.col("Start date").str.to_date("%Y-%m-%d", strict=False).alias("listed_at"),
        pl.lit("Chinese military company (Section 1260H)").alias("reason"),
    )
    return _conform(out)


def read_bis_mieu(path: Path) -> pl.DataFrame:
    """OpenSanctions' export of the BIS Military-Intelligence End User list."""
    frame = _read_csv(path)
    _require(frame, path, ("Name", "Country"))
    out = frame.with_row_index("_n", offset=1).select(
        pl.lit("US BIS MIEU").alias("list"),
        pl.lit("bis_mieu").alias("source"),
        pl.format("bis_mieu:{}", pl.col("_n")).alias("entry_id"),
        pl.col("Name").alias("name"),
        _split_aliases(pl.col("Alias")).alias("alt_names"),
        pl.col("Type").str.to_lowercase().replace({"organization": "company"}).alias("kind"),
        country_code(pl.col("Country")).alias("country"),
        pl.col("Date").str.to_date("%Y-%m-%d", strict=False).alias("listed_at"),
        pl.col("Program").alias("reason"),
    )
    return _conform(out)


def _require(frame: pl.DataFrame, path: Path, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise WatchlistError(f"{path}: row 0: missing column(s) {', '.join(missing)}")


READERS: dict[str, Callable[[Path], pl.DataFrame]] = {
    "ofac_sdn": read_ofac_sdn,
    "cn_sanctions": read_cn_sanctions,
    "dod_1260h": read_dod_1260h,
    "bis_mieu": read_bis_mieu,
}


def read_public_watchlists(folder: Path, sources: tuple[str, ...] | None = None) -> pl.DataFrame:
    """Every known public list file present in ``folder`` (optional: none may be there)."""
    frames = [_conform(pl.DataFrame())]
    for file_name, source in PUBLIC_FILES.items():
        path = folder / file_name
        if path.is_file() and (sources is None or source in sources):
            frames.append(READERS[source](path))
    return pl.concat(frames)


def combine(*lists: pl.DataFrame | None) -> pl.DataFrame:
    """Concatenate lists already in the common shape (``None`` skipped)."""
    return pl.concat([_conform(pl.DataFrame()), *(_conform(x) for x in lists if x is not None)])
