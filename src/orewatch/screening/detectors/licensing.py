"""Licensing and controls: is a licence needed, cited, real, valid, and big enough?

Reads the declarations feature frame (already evaluated against the control catalogue:
``controlled``, ``control_ids``, ``prohibited_destination``) and the licence register.
"""

from __future__ import annotations

import polars as pl

from orewatch.controls.catalogue import Catalogue
from orewatch.screening.features import STATED_FIELDS
from orewatch.screening.named_items import NAMED_IN_WORDS, pinned_elements
from orewatch.screening.names import licence_key, name_keys, party_keys
from orewatch.screening.prior import Prior
from orewatch.screening.signals import (
    Lines,
    any_row,
    concat_signals,
    empty_signals,
    signals_where,
)
from orewatch.screening.terms import names_military_use

#: Cumulative draws may exceed the licensed quantity by this share before we call it
#: overdrawn: weighing and rounding differ between licence and declarations.
OVERDRAW_TOLERANCE = 0.02


def has_licence() -> pl.Expr:
    """The line cites a licence number."""
    return pl.col("license_no").is_not_null() & (pl.col("license_no").str.strip_chars() != "")


def possibly_controlled() -> pl.Expr:
    """A declared heading shorter than the catalogue's codes: the goods only *may* be
    controlled (null where nothing matched)."""
    return pl.col("match_kind") == "declared_prefix"


def _how_named() -> pl.Expr:
    """What the evidence adds when the words, not the code, name the item."""
    by_words = pl.col("match_kind") == NAMED_IN_WORDS
    return pl.when(by_words).then(pl.lit(" (named in the goods' words)")).otherwise(pl.lit(""))


def licensing_signals(
    lines: Lines,
    register: pl.DataFrame | None,
    prior: Prior | None = None,
    filled: frozenset[str] = frozenset(STATED_FIELDS),
    cited: bool | None = None,
    catalogue: Catalogue | None = None,
    controlled: bool | None = None,
) -> pl.LazyFrame:
    """All licensing and destination signals for the lines.

    ``register`` is :func:`licence_register` of the dataset's licences (None: no register,
    so only the checks that need none run). ``filled``: the stated fields the dataset
    fills at all (``Baselines.filled``); only those can be missing from a line.
    ``cited``: whether some line cites a licence (default: read from ``lines``, which
    must then be a ``DataFrame``; a plan built once over a ``LazyFrame`` is told).
    ``catalogue``: to read its destination rules for the buyer's and the consignee's
    countries too (without it, only the declared destination is checked);
    ``controlled=False``: no line is controlled, so that reading is left out.
    """
    possible = possibly_controlled()
    parts = [
        signals_where(
            lines,
            pl.col("controlled") & ~possible & ~has_licence(),
            "LIC_MISSING",
            pl.format("items {}{}", pl.col("control_ids").list.join(","), _how_named()),
        ),
        signals_where(
            lines,
            pl.col("controlled") & possible & ~has_licence(),
            "LIC_MISSING_POSSIBLE",
            pl.format("{} may be {}", pl.col("hs_code"), pl.col("control_ids").list.join(",")),
        ),
        signals_where(
            lines,
            pl.col("prohibited_destination")
            & _carries_barred_goods(lines.collect_schema().names()),
            "DEST_PROHIBITED",
            pl.format(
                "{} to {}", pl.col("control_ids").list.join(","), pl.col("destination_country")
            ),
        ),
        _unstated(lines, filled),
        _military_use(lines),
    ]
    if catalogue is not None and controlled is not False:
        parts.append(_buyer_country_prohibited(lines, catalogue))
    # A request's lines often cite no licence: then the register's dozen signals (each
    # a join) have nothing to read, and building them cost most of this detector's time.
    if cited is None:
        assert isinstance(lines, pl.DataFrame), "a LazyFrame's lines need ``cited``"
        cited = any_row(lines, has_licence())
    if register is not None and register.height and cited:
        citing = lines.lazy().filter(has_licence())
        parts.append(_register_signals(citing, register, prior or Prior.empty(), filled))
    return concat_signals(parts)


#: The countries besides the destination that a destination ban is read for, and who
#: sits there.
PARTY_COUNTRIES: dict[str, str] = {
    "trade_country": "the trading counterparty",
    "consignee_country": "the consignee",
}


def _buyer_country_prohibited(lines: Lines, catalogue: Catalogue) -> pl.LazyFrame:
    """Controlled goods declared to an allowed destination for a buyer or consignee in a
    country they may not go to (sold to a US buyer, shipped to Canada while gallium may
    not go to the US). One signal a line: the trading counterparty's country first."""
    columns = lines.collect_schema().names()
    parties = [country for country in PARTY_COUNTRIES if country in columns]
    if not parties:
        return empty_signals()
    barred = (
        catalogue.bans_for_country(lines.lazy(), parties)
        .with_columns(
            who=pl.col("party").replace_strict(PARTY_COUNTRIES),
            _rank=pl.col("party").replace_strict({p: i for i, p in enumerate(PARTY_COUNTRIES)}),
        )
        .rename({"prohibited_elements": "barred_elements"})
    )
    found = lines.lazy().select(
        "_idx", "control_ids", "destination_country", "prohibited_destination",
        *(c for c in ("named_elements", "control_elements") if c in columns),
    ).join(barred, on="_idx")  # fmt: skip
    goods = _carries_barred_goods([*columns, "barred_elements"], "barred_elements")
    first = (
        found.filter(~pl.col("prohibited_destination") & goods)
        .sort("_idx", "_rank")
        .unique("_idx", keep="first", maintain_order=True)
    )
    return signals_where(
        first,
        pl.lit(True),
        "BUYER_COUNTRY_PROHIBITED",
        pl.format(
            "{} declared to {}; {} is in {}, where {} may not go",
            pl.col("control_ids").list.join(","),
            pl.col("destination_country"),
            pl.col("who"),
            pl.col("country"),
            pl.col("barred_elements").list.join(", "),
        ),
    )


def _carries_barred_goods(columns: list[str], elements: str = "prohibited_elements") -> pl.Expr:
    """The line carries the goods a ban covers, as far as its words say (``elements``:
    the elements barred for the country at hand).

    Some tariff lines hold several elements' controlled items (organometallics of
    antimony, bismuth and indium share one code), and a ban on one element's items makes
    the code prohibited for the country. A line whose words name elements of that code,
    none of them a barred one (triethylindium to a country that only antimony may not go
    to), is not exporting the banned goods on its own account. A line that names nothing,
    or only elements the code does not hold, is judged by its code.
    """
    if not {"named_elements", elements, "control_elements"} <= set(columns):
        return pl.lit(True)
    named = pl.col("named_elements").fill_null([])
    banned = named.list.set_intersection(pl.col(elements)).list.len() > 0
    return pinned_elements().is_null() | banned


def _words_name_another_element(register_columns: list[str]) -> pl.Expr:
    """The line's words say which of its code's elements the goods are, and the licence
    covers another's item.

    Some tariff lines hold several elements' items (2846.90.28 is every listed rare
    earth's compound), so a scandium licence matches a lutetium compound's code. The
    words ("镥化合物") pin the goods to one element; a licence for another element's item
    is then not for these goods. A line that names none of its code's elements is judged
    by its code.
    """
    if "lic_element" not in register_columns:
        return pl.lit(False)
    pinned = pinned_elements()
    return (
        pinned.is_not_null()
        & pl.col("lic_element").is_not_null()
        & ~pinned.list.contains(pl.col("lic_element"))
    ).fill_null(False)


def _unstated(lines: Lines, filled: frozenset[str]) -> pl.LazyFrame:
    """Controlled lines that leave out the end user or the end use.

    A dual-use export is licensed for a named end user and a stated end use; a line of
    controlled goods that names either one alone has still not said where the goods go
    or what for. Only fields the dataset fills somewhere count (``filled``). A line
    under a heading that only *may* hold controlled items (``declared_prefix``) and
    cites no licence is declared as the uncontrolled kind, whose exporters state no end
    user: that is ``LIC_MISSING_POSSIBLE``'s suspicion already, not a second one.
    """
    asked = [field for field in STATED_FIELDS if field in filled]
    if not asked:
        return empty_signals()
    evidence = pl.concat_str(
        [pl.when(pl.col(f).is_null()).then(pl.lit(f"no {STATED_FIELDS[f]}")) for f in asked],
        separator=", ",
        ignore_nulls=True,
    )
    return signals_where(
        lines,
        pl.col("controlled")
        & (~possibly_controlled().fill_null(False) | has_licence())
        & pl.any_horizontal(pl.col(f).is_null() for f in asked),
        "CTRL_NO_END_USER",
        evidence,
    )


def _military_use(lines: Lines) -> pl.LazyFrame:
    """Controlled lines whose end use or end user says, in words, that it is military.

    Where a rule bans military users and uses for the destination on the day (US from
    2024-12-03, Japan from 2026-01-06: ``military_end_user_banned``), the declaration
    states its own breach. Elsewhere a dual-use item bound for a military user still
    asks for a licensing officer's look, but proves nothing.
    """
    stated = [c for c in ("end_use", "end_user_name") if c in lines.collect_schema().names()]
    if not stated:
        return empty_signals()
    # The fields that say it, joined ("" where none does): each pattern read once.
    said = pl.concat_str(
        [pl.when(names_military_use(pl.col(c))).then(pl.col(c)) for c in stated],
        separator=" / ",
        ignore_nulls=True,
    )
    military = said != ""
    banned = pl.col("military_end_user_banned").fill_null(False)
    evidence = pl.format(
        "{} for {} to {}",
        pl.col("control_ids").list.join(","),
        said,
        pl.col("destination_country"),
    )
    return concat_signals(
        [
            signals_where(
                lines, pl.col("controlled") & military & banned, "DEST_MILITARY_END_USE", evidence
            ),
            signals_where(
                lines, pl.col("controlled") & military & ~banned, "CTRL_MILITARY_END_USE", evidence
            ),
        ]
    )


def licence_register(licenses: pl.DataFrame, items: pl.DataFrame | None = None) -> pl.DataFrame:
    """The licence table prepared once for joining: numbers as :func:`licence_key` writes
    them, normalised parties, and (given the catalogue's ``items``) the element of the
    item each licence covers (``lic_element``)."""
    end_user = (
        pl.col("end_user_name") if "end_user_name" in licenses.columns else pl.lit(None, pl.String)
    )
    register = licenses.select(
        licence_key(pl.col("license_no")),
        pl.col("issued_at").alias("lic_issued_at"),
        pl.col("valid_until").alias("lic_valid_until"),
        pl.col("exporter_id").alias("lic_exporter_id"),
        pl.col("control_id").alias("lic_control_id"),
        pl.col("hs_code").alias("lic_hs_code"),
        pl.col("quantity_kg").alias("lic_quantity_kg"),
        pl.col("consignee_name").alias("lic_consignee_name"),
        *name_keys(pl.col("consignee_name"), "lic_consignee"),
        party_keys(pl.col("consignee_name")).alias("lic_consignee_keys"),
        pl.col("consignee_country").alias("lic_consignee_country"),
        end_user.alias("lic_end_user_name"),
        *name_keys(end_user, "lic_end_user"),
        party_keys(end_user).alias("lic_end_user_keys"),
        pl.col("status").fill_null("valid").str.to_lowercase().alias("lic_status"),
        pl.col("status_since").alias("lic_status_since"),
    ).unique("license_no", keep="first")
    if items is None:
        return register
    elements = items.select(
        pl.col("control_id").alias("lic_control_id"), pl.col("element").alias("lic_element")
    ).unique("lic_control_id")
    return register.join(elements, on="lic_control_id", how="left")


def _drawn_while_revoked(day: pl.Expr) -> pl.Expr:
    """A draw on a licence revoked or suspended by the declaration's day.

    A register that says since when (``status_since``) clears the draws made before: a
    licence revoked in March was good in January. Without the day, every draw counts, as
    the register cannot tell them apart; the inspections then teach the code its worth.
    """
    since = pl.col("lic_status_since")
    return pl.col("lic_status").is_in(["revoked", "suspended"]) & (since.is_null() | (day >= since))


def _revoked_evidence() -> pl.Expr:
    status = pl.col("lic_status")
    return (
        pl.when(pl.col("lic_status_since").is_null())
        .then(pl.format("licence status {}", status))
        .otherwise(pl.format("licence status {} since {}", status, pl.col("lic_status_since")))
    )


def _register_signals(
    cited: pl.LazyFrame, register: pl.DataFrame, prior: Prior, filled: frozenset[str]
) -> pl.LazyFrame:
    """Signals that need the licence register: existence, validity, holder, item, quantity.

    The lines joined to their licences are read by every signal here: cached, so that a
    plan collected without optimisation (the door's) joins them once.
    """
    joined = (
        cited.with_columns(
            pl.col("license_no").alias("cited_licence"),
            licence_key(pl.col("license_no")),
            *name_keys(pl.col("consignee_name"), "consignee"),
            *name_keys(pl.col("end_user_name"), "end_user"),
        )
        .join(register.lazy(), on="license_no", how="left")
        .with_columns(
            _keys_where_names_differ("consignee", "lic_consignee"),
            _keys_where_names_differ("end_user", "lic_end_user"),
        )
        .cache()
    )
    found = pl.col("lic_issued_at").is_not_null()
    day = pl.col("declared_on")
    same_item = (
        pl.col("control_ids").list.contains(pl.col("lic_control_id")).fill_null(False)
        | pl.col("hs_code").str.starts_with(pl.col("lic_hs_code").fill_null("\x00"))
        | pl.col("lic_hs_code").str.starts_with(pl.col("hs_code")).fill_null(False)
    ) & ~_words_name_another_element(register.columns)
    other_consignee = _other_party("consignee", "lic_consignee")
    parts = [
        _not_found(joined.filter(~found), prior),
        signals_where(
            joined,
            found & ((day < pl.col("lic_issued_at")) | (day > pl.col("lic_valid_until"))),
            "LIC_EXPIRED",
            pl.format(
                "declared {}, licence valid {}..{}",
                day,
                pl.col("lic_issued_at"),
                pl.col("lic_valid_until"),
            ),
        ),
        signals_where(
            joined, found & _drawn_while_revoked(day), "LIC_REVOKED", _revoked_evidence()
        ),
        signals_where(
            joined,
            found & (pl.col("lic_exporter_id") != pl.col("exporter_id")),
            "LIC_OTHER_EXPORTER",
            pl.format(
                "licence holder {}, exporter {}", pl.col("lic_exporter_id"), pl.col("exporter_id")
            ),
        ),
        signals_where(
            joined,
            found
            & ((pl.col("lic_consignee_country") != pl.col("consignee_country")) | other_consignee),
            "LIC_WRONG_CONSIGNEE",
            pl.format(
                "licence for {} ({}), declared {} ({})",
                pl.col("lic_consignee_name"),
                pl.col("lic_consignee_country"),
                pl.col("consignee_name"),
                pl.col("consignee_country"),
            ),
        ),
        # The licence was granted for one end user; goods declared for another are being
        # diverted even when they travel to the licensed consignee.
        signals_where(
            joined,
            found
            & (pl.col("lic_end_user_key") != "")
            & (pl.col("end_user_key") != "")
            & _other_party("end_user", "lic_end_user"),
            "LIC_WRONG_END_USER",
            pl.format(
                "licence for end user {}, declared {}",
                pl.col("lic_end_user_name"),
                pl.col("end_user_name"),
            ),
        ),
        signals_where(
            joined,
            found
            & (pl.col("lic_control_id").is_not_null() | pl.col("lic_hs_code").is_not_null())
            & ~same_item,
            "LIC_WRONG_ITEM",
            pl.format(
                "licence covers {} {}, declared {}{}",
                pl.col("lic_control_id").fill_null(""),
                pl.col("lic_hs_code").fill_null(""),
                pl.col("hs_code"),
                pl.when(_words_name_another_element(register.columns))
                .then(pl.format(" naming {}", pl.col("named_elements").list.join(", ")))
                .otherwise(pl.lit("")),
            ),
        ),
        _overdrawn(joined.filter(found), prior),
    ]
    if "end_user_name" in filled:  # only a form with the field can leave it empty
        # The licence names its end user; a draw on it that names none hides where the
        # goods go.
        parts.append(
            signals_where(
                joined,
                found & (pl.col("lic_end_user_key") != "") & (pl.col("end_user_key") == ""),
                "LIC_END_USER_UNDECLARED",
                pl.format("licence for end user {}, declared none", pl.col("lic_end_user_name")),
            )
        )
    return concat_signals(parts)


def _names_differ(declared: str, licensed: str) -> pl.Expr:
    """The two names differ even abbreviated (documents drafted apart spell one company
    "Ind." and "Industries"). Both sides carry ``*_key`` and ``*_short``
    (:func:`~orewatch.screening.names.name_keys`)."""
    return (pl.col(f"{licensed}_key") != pl.col(f"{declared}_key")) & (
        pl.col(f"{licensed}_short") != pl.col(f"{declared}_short")
    )


def _keys_where_names_differ(declared: str, licensed: str) -> pl.Expr:
    """``{declared}_keys``: the parties layer's keys of the declared name, read only where
    the cheap keys differ from the licence's (a new name costs the parties layer about
    10 ms; most lines name their licensed party as the licence does)."""
    name = pl.col(f"{declared}_name")
    return party_keys(pl.when(_names_differ(declared, licensed)).then(name)).alias(
        f"{declared}_keys"
    )


def _other_party(declared: str, licensed: str) -> pl.Expr:
    """The declaration names another party than the licence: the names differ even
    abbreviated, and share no key of the parties layer (another script, a romanisation,
    a translation: :func:`~orewatch.screening.names.party_keys`)."""
    shared = pl.col(f"{licensed}_keys").list.set_intersection(pl.col(f"{declared}_keys"))
    return _names_differ(declared, licensed) & (shared.list.len().fill_null(0) == 0)


def _not_found(unknown: pl.LazyFrame, prior: Prior) -> pl.LazyFrame:
    """Lines citing a licence number the register does not hold.

    A forger writes a number for one shipment; a licence missing from the register's copy
    (issued elsewhere, entered late) is drawn on again and again. So a number's first
    declaration raises ``LIC_NOT_FOUND``, and a later declaration citing a number earlier
    declarations already cited (the prior's and this batch's, in date order) raises
    ``LIC_NOT_FOUND_REUSED``: each dataset's inspections teach what either is worth.
    """
    numbers = unknown.select("license_no").unique()
    # Only the prior's declarations of these numbers: a service's round reads a handful.
    citing = pl.concat(
        [
            prior.licence_declarations.lazy().join(numbers, on="license_no", how="semi"),
            unknown.select(
                "license_no",
                "declaration_id",
                pl.col("declared_at").cast(prior.licence_declarations.schema["declared_at"]),
            ),
        ]
    ).unique(["license_no", "declaration_id"], keep="last")
    # A declaration screened again (in the history and in the request) counts once.
    declarations = citing.select(
        "license_no",
        "declaration_id",
        (pl.struct("declared_at", "declaration_id").rank("dense").over("license_no") - 1)
        .cast(pl.Int64)
        .alias("earlier_declarations"),
    )
    counted = unknown.join(declarations, on=["license_no", "declaration_id"], how="left")
    reused = pl.col("earlier_declarations") > 0
    return concat_signals(
        [
            signals_where(
                counted, ~reused, "LIC_NOT_FOUND", pl.format("licence {}", pl.col("cited_licence"))
            ),
            signals_where(
                counted,
                reused,
                "LIC_NOT_FOUND_REUSED",
                pl.format(
                    "licence {}, cited by {} earlier declarations",
                    pl.col("cited_licence"),
                    pl.col("earlier_declarations"),
                ),
            ),
        ]
    )


def _overdrawn(joined: pl.LazyFrame, prior: Prior) -> pl.LazyFrame:
    """Lines whose draw takes the licence's running total past its quantity, in date order.

    The running total starts from what earlier declarations (the prior) already drew.
    """
    running = (
        joined.join(prior.licence_drawn.lazy(), on="license_no", how="left")
        .sort(["declared_at", "declaration_id", "line_no"])
        .with_columns(
            (
                pl.col("prior_drawn_kg").fill_null(0.0)
                + pl.col("net_weight_kg").fill_null(0.0).cum_sum().over("license_no")
            ).alias("drawn_kg")
        )
    )
    return signals_where(
        running,
        pl.col("drawn_kg") > pl.col("lic_quantity_kg") * (1 + OVERDRAW_TOLERANCE),
        "LIC_OVERDRAWN",
        pl.format("drawn {} kg of {} kg", pl.col("drawn_kg").round(1), pl.col("lic_quantity_kg")),
    )
