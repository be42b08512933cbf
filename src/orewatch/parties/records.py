"""Party records: every mention of a company or person, gathered into one frame.

A record is one party *as one source states it*: a row of ``parties``, an exporter,
consignee, end user or declarant named on declarations, a consignee or end user on a
licence, a watchlist entry. Declarations repeat the same party on thousands of lines,
so their mentions are reduced to distinct (role, identifier, name, country, address)
first; ``record_id`` is stable (source + the values that make the mention distinct).

Owns no matching: ``resolve`` decides which records are one entity.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

RECORD_SCHEMA: dict[str, pl.DataType] = {
    "record_id": pl.String(),
    "source": pl.String(),
    "party_id": pl.String(),
    "kind": pl.String(),
    "name": pl.String(),
    "alt_names": pl.List(pl.String()),
    "country": pl.String(),
    "address": pl.String(),
    "phone": pl.String(),
    "email": pl.String(),
    "registration_id": pl.String(),
    "incorporated_at": pl.Date(),
    "list": pl.String(),
}


def _conform(frame: pl.DataFrame) -> pl.DataFrame:
    """Add missing record columns as nulls and order them as ``RECORD_SCHEMA``."""
    missing = [pl.lit(None, dtype=t).alias(c) for c, t in RECORD_SCHEMA.items() if c not in frame]
    return frame.with_columns(missing).select([pl.col(c).cast(t) for c, t in RECORD_SCHEMA.items()])


def _str(frame: pl.DataFrame, column: str) -> pl.Expr:
    """The column when the table has it, else a null string."""
    return pl.col(column).cast(pl.String) if column in frame else pl.lit(None, dtype=pl.String())


def _alt(frame: pl.DataFrame) -> pl.Expr:
    if "alt_names" not in frame:
        return pl.lit(None, dtype=pl.List(pl.String()))
    if frame.schema["alt_names"] == pl.String():
        return pl.col("alt_names").str.split(";").list.eval(pl.element().str.strip_chars())
    return pl.col("alt_names").cast(pl.List(pl.String()))


def from_parties(parties: pl.DataFrame) -> pl.DataFrame:
    """One record per ``parties`` row, keyed by its party_id."""
    out = parties.select(
        pl.format("parties:{}", pl.col("party_id")).alias("record_id"),
        pl.lit("parties").alias("source"),
        pl.col("party_id").cast(pl.String),
        _str(parties, "kind").str.to_lowercase().alias("kind"),
        pl.col("name").cast(pl.String),
        _alt(parties).alias("alt_names"),
        *(_str(parties, c).alias(c) for c in ("country", "address", "phone", "email")),
        _str(parties, "registration_id").alias("registration_id"),
        (
            pl.col("incorporated_at").cast(pl.Date)
            if "incorporated_at" in parties
            else pl.lit(None, dtype=pl.Date())
        ).alias("incorporated_at"),
    )
    return _conform(out)


def _mentions(
    frame: pl.DataFrame,
    source: str,
    name: str,
    country: str | None = None,
    address: str | None = None,
    registration_id: str | None = None,
) -> pl.DataFrame:
    """Distinct mentions of one party role in a table (name + whatever identifies it)."""
    if name not in frame:
        return _conform(pl.DataFrame())
    cols = {
        "name": pl.col(name).cast(pl.String),
        "country": _str(frame, country) if country else pl.lit(None, dtype=pl.String()),
        "address": _str(frame, address) if address else pl.lit(None, dtype=pl.String()),
        "registration_id": (
            _str(frame, registration_id) if registration_id else pl.lit(None, dtype=pl.String())
        ),
    }
    distinct = (
        frame.select(**cols)
        .filter(pl.col("name").str.strip_chars().fill_null("") != "")
        .unique(maintain_order=True)
    )
    out = distinct.with_columns(
        pl.format(
            "{}:{}|{}|{}|{}",
            pl.lit(source),
            pl.col("registration_id").fill_null(""),
            pl.col("name"),
            pl.col("country").fill_null(""),
            pl.col("address").fill_null(""),
        ).alias("record_id"),
        pl.lit(source).alias("source"),
    )
    return _conform(out)


def from_declarations(declarations: pl.DataFrame) -> pl.DataFrame:
    """Exporters, consignees, end users and declarants named on declaration lines."""
    d = declarations
    parts = [
        _mentions(d, "declarations.exporter", "exporter_name", registration_id="exporter_id"),
        _mentions(
            d, "declarations.consignee", "consignee_name", "consignee_country", "consignee_address"
        ),
        _mentions(d, "declarations.end_user", "end_user_name", "destination_country"),
    ]
    if "declarant_id" in d:
        declarants = (
            d.select(pl.col("declarant_id").cast(pl.String).alias("registration_id"))
            .drop_nulls()
            .unique(maintain_order=True)
            .with_columns(
                pl.format("declarations.declarant:{}", pl.col("registration_id")).alias(
                    "record_id"
                ),
                pl.lit("declarations.declarant").alias("source"),
                pl.col("registration_id").alias("name"),
            )
        )
        parts.append(_conform(declarants))
    return pl.concat(parts)


def from_licences(licences: pl.DataFrame) -> pl.DataFrame:
    """Consignees and end users named on licences."""
    return pl.concat(
        [
            _mentions(licences, "licenses.consignee", "consignee_name", "consignee_country"),
            _mentions(licences, "licenses.end_user", "end_user_name", "consignee_country"),
        ]
    )


def from_watchlist(watchlist: pl.DataFrame) -> pl.DataFrame:
    """One record per watchlist entry (``watchlists.normalise_watchlist`` shape)."""
    out = watchlist.with_row_index("_n").select(
        pl.format("watchlist:{}:{}", pl.col("list"), pl.col("_n")).alias("record_id"),
        pl.lit("watchlist").alias("source"),
        _str(watchlist, "kind").str.to_lowercase().alias("kind"),
        pl.col("name").cast(pl.String),
        _alt(watchlist).alias("alt_names"),
        _str(watchlist, "country").alias("country"),
        _str(watchlist, "address").alias("address"),
        _str(watchlist, "registration_id").alias("registration_id"),
        pl.col("list").cast(pl.String),
    )
    return _conform(out)


def party_records(
    tables: Mapping[str, pl.DataFrame], watchlist: pl.DataFrame | None = None
) -> pl.DataFrame:
    """All party records of a dataset (any table may be missing), one frame."""
    parts = [_conform(pl.DataFrame())]
    if "parties" in tables:
        parts.append(from_parties(tables["parties"]))
    if "declarations" in tables:
        parts.append(from_declarations(tables["declarations"]))
    if "licenses" in tables:
        parts.append(from_licences(tables["licenses"]))
    if watchlist is not None and watchlist.height:
        parts.append(from_watchlist(watchlist))
    records = pl.concat(parts).unique("record_id", keep="first", maintain_order=True)
    return records.with_columns(
        pl.col("registration_id").str.strip_chars().str.to_uppercase(),
        pl.col("country").str.strip_chars().str.to_uppercase(),
    )


#: Declaration columns that name each role: source, name, country, address, identifier.
LINE_ROLES: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "exporter": ("declarations.exporter", "exporter_name", None, None, "exporter_id"),
    "consignee": (
        "declarations.consignee",
        "consignee_name",
        "consignee_country",
        "consignee_address",
        None,
    ),
    "end_user": ("declarations.end_user", "end_user_name", "destination_country", None, None),
}
ROLE_NAMES: tuple[str, ...] = ("exporter", "consignee", "end_user", "declarant")


def watchlist_queries(records: pl.DataFrame) -> pl.DataFrame:
    """The party records screened against watchlists, in the shape ``screen`` asks for.

    Declarants are left out: they lodge declarations for others, and customs knows them.
    """
    return records.filter(pl.col("source") != "declarations.declarant").select(
        pl.col("record_id").alias("query_id"),
        "name",
        "alt_names",
        "country",
        "registration_id",
        "kind",
    )


def line_record_ids(declarations: pl.DataFrame) -> pl.LazyFrame:
    """Each declaration line with the record id of each role, one column per role.

    Columns: declaration_id, line_no, exporter, consignee, end_user, declarant (record
    ids as in ``party_records``; null where the line names nobody in that role). Lazy,
    so that a caller joining entity ids onto it runs as one parallel query.
    """
    d = declarations
    line_no = pl.col("line_no") if "line_no" in d else pl.lit(1)

    def fmt(source: str, name: str, *parts: str | None) -> pl.Expr:
        country, address, reg = (
            _str(d, p) if p else pl.lit(None, dtype=pl.String()) for p in parts
        )
        named = pl.col(name).cast(pl.String).str.strip_chars().fill_null("") != ""
        text = pl.format(
            "{}:{}|{}|{}|{}",
            pl.lit(source),
            reg.fill_null(""),
            pl.col(name).cast(pl.String),
            country.fill_null(""),
            address.fill_null(""),
        )
        return pl.when(named).then(text)

    columns = [
        pl.col("declaration_id").cast(pl.String),
        line_no.cast(pl.Int64).alias("line_no"),
    ]
    for role, (source, name, country, address, reg) in LINE_ROLES.items():
        expr = fmt(source, name, country, address, reg) if name in d else pl.lit(None, pl.String)
        columns.append(expr.alias(role))
    declarant = (
        pl.format("declarations.declarant:{}", pl.col("declarant_id"))
        if "declarant_id" in d
        else pl.lit(None, pl.String)
    )
    columns.append(declarant.alias("declarant"))
    return d.lazy().select(columns)


def line_parties(declarations: pl.DataFrame) -> pl.DataFrame:
    """Each declaration line's party records by role (``record_id`` as in ``party_records``).

    Columns: declaration_id, line_no, role (exporter, consignee, end_user, declarant),
    record_id. Lets line-level signals be drawn from entity-level findings.
    """
    return (
        line_record_ids(declarations)
        .unpivot(
            on=list(ROLE_NAMES),
            index=["declaration_id", "line_no"],
            variable_name="role",
            value_name="record_id",
        )
        .drop_nulls("record_id")
        .collect()
    )
