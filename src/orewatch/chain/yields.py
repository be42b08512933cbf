"""Yields: output against input, expected from the facility's own history and its peers.

A plant's reported output per unit of input is compared, in contained element where the
catalogue knows the forms, with what it usually achieves (its own median month) and, when
its history is short, with similar facilities (same kind, same output material); the
materials catalogue's content x recovery ranges are the last-resort prior. A month whose
yield falls far below expectation while input holds is the trace of output made and not
reported. Spreads are robust (median absolute deviation) with a floor learned from the
population, so honest process noise widens the band rather than raising alerts.
"""

from __future__ import annotations

import math

import polars as pl

from orewatch.chain.units import with_contained
from orewatch.controls.materials import MaterialsCatalogue

#: Months of own history needed before the facility is its own reference.
MIN_HISTORY = 6
#: Peers needed before a peer median is trusted.
MIN_PEERS = 3
#: Floor on the spread of log yields (1% relative: rounding of small figures).
MIN_SPREAD = 0.01
#: Spread assumed around a catalogue prior (a factor of about 1.6 either way).
PRIOR_SPREAD = 0.5
#: Input "holds" (the plant ran) when it is at least this share of its usual input.
INPUT_HOLDS = 0.25
#: Robust z-score below which a yield drop counts.
YIELD_Z = 4.0

YIELD_SCHEMA = {
    "facility_id": pl.String(),
    "month": pl.Int32(),
    "output_material": pl.String(),
    "input_material": pl.String(),
    "output_kg": pl.Float64(),
    "input_kg": pl.Float64(),
    "yield": pl.Float64(),
    "expected_yield": pl.Float64(),
    "yield_basis": pl.String(),
    "input_ratio": pl.Float64(),
    "yield_z": pl.Float64(),
}


def catalogue_prior(
    catalogue: MaterialsCatalogue, input_material: str, output_material: str
) -> float | None:
    """Expected kg of output per kg of input from the catalogue (content x recovery /
    output metal fraction) when the input is a catalogued carrier of the output's element
    with both figures; None otherwise."""
    element = output_material.split(":", 1)[0]
    entry = catalogue.elements.get(element)
    if entry is None:
        return None
    try:
        fraction = catalogue.form(output_material).metal_fraction
    except KeyError:
        return None
    scale = {"ppm": 1e-6, "g_t": 1e-6, "pct": 1e-2}
    for carrier in entry.carriers:
        content, recovery = carrier.content.typical, carrier.recovery.typical
        if carrier.material == input_material and content and recovery and carrier.content.unit:
            return content * scale[carrier.content.unit] * recovery / fraction
    return None


def facility_yields(
    rows: pl.DataFrame, units: pl.DataFrame, facilities: pl.DataFrame | None
) -> pl.DataFrame:
    """Per facility-month that both consumed and produced: output and input in contained
    element, the yield, and the main output and input materials."""
    flows = with_contained(
        rows.select("facility_id", "month", "material", "produced_kg", "consumed_kg", "unit"),
        units,
        ("produced_kg", "consumed_kg"),
    )
    main_out = (
        flows.filter(pl.col("produced_kg") > 0)
        .group_by("facility_id", "material")
        .agg(pl.col("produced_kg").sum())
        .sort("produced_kg", "material", descending=[True, False])
        .group_by("facility_id")
        .agg(pl.col("material").first().alias("output_material"))
    )
    main_in = (
        flows.filter(pl.col("consumed_kg") > 0)
        .group_by("facility_id", "material")
        .agg(pl.col("consumed_kg").sum())
        .sort("consumed_kg", "material", descending=[True, False])
        .group_by("facility_id")
        .agg(pl.col("material").first().alias("input_material"))
    )
    monthly = (
        _reporting_windows(flows)
        .group_by("facility_id", "window")
        .agg(
            pl.col("month").max(),
            pl.col("produced_kg_el").sum().alias("output_kg"),
            pl.col("consumed_kg_el").sum().alias("input_kg"),
            pl.col("unit").max(),
        )
        .drop("window")
        .filter((pl.col("output_kg") > 0) & (pl.col("input_kg") > 0))
        .join(main_out, on="facility_id", how="inner")
        .join(main_in, on="facility_id", how="inner")
        .with_columns((pl.col("output_kg") / pl.col("input_kg")).alias("yield"))
    )
    kinds = (
        facilities.select("facility_id", "kind")
        if facilities is not None
        else pl.DataFrame(schema={"facility_id": pl.String(), "kind": pl.String()})
    )
    return monthly.join(kinds, on="facility_id", how="left").with_columns(
        pl.col("kind").fill_null("unknown")
    )


def _reporting_windows(flows: pl.DataFrame) -> pl.DataFrame:
    """Group a facility's months so that a late report of one material (its flows
    reported with the next month) is compared with the same months of the others.

    Each row covers the months since its material's previous report (a material's first
    report may cover the month before, if the facility was already reporting); overlapping
    coverages are merged into one window (a classic interval merge, per facility).
    """
    first = pl.col("month").min().over("facility_id")
    covered = flows.sort("facility_id", "material", "month").with_columns(
        (pl.col("month").shift(1).over("facility_id", "material") + 1)
        .fill_null(pl.max_horizontal(pl.col("month") - 1, first))
        .alias("start")
    )
    return (
        covered.sort("facility_id", "start", "month")
        .with_columns(
            pl.col("month").cum_max().shift(1).over("facility_id").alias("reach"),
        )
        .with_columns(
            (pl.col("reach").is_null() | (pl.col("start") > pl.col("reach")))
            .cum_sum()
            .over("facility_id")
            .alias("window")
        )
        .drop("start", "reach")
    )


def expected_yields(monthly: pl.DataFrame, catalogue: MaterialsCatalogue) -> pl.DataFrame:
    """Judge each month's yield against the facility's own median (enough history), its
    peers' median, or the catalogue prior, in that order; ``yield_z`` is the robust
    distance in log space (negative: below expectation)."""
    if monthly.is_empty():
        return pl.DataFrame(schema=YIELD_SCHEMA)
    log_y = pl.col("yield").log()
    own = monthly.with_columns(log_y.alias("log_yield")).with_columns(
        pl.col("log_yield").median().over("facility_id").alias("own_center"),
        pl.len().over("facility_id").alias("history"),
        pl.col("input_kg").median().over("facility_id").alias("usual_input"),
    )
    own = own.with_columns(
        (
            1.4826 * (pl.col("log_yield") - pl.col("own_center")).abs().median().over("facility_id")
        ).alias("own_spread")
    )
    peer_key = ("kind", "output_material")
    per_facility = own.group_by("facility_id", *peer_key).agg(
        pl.col("own_center").first(), pl.col("own_spread").first()
    )
    peers = per_facility.group_by(*peer_key).agg(
        pl.col("own_center").median().alias("peer_center"),
        (1.4826 * (pl.col("own_center") - pl.col("own_center").median()).abs().median()).alias(
            "peer_spread"
        ),
        pl.len().alias("peers"),
    )
    typical = per_facility.select(pl.col("own_spread").median()).item()
    floor = max(MIN_SPREAD, float(typical or 0.0))
    priors = (
        own.select("input_material", "output_material")
        .unique()
        .with_columns(
            pl.struct("input_material", "output_material")
            .map_elements(
                lambda r: _log_prior(catalogue, r["input_material"], r["output_material"]),
                return_dtype=pl.Float64,
            )
            .alias("prior_center")
        )
    )
    judged = (
        own.join(peers, on=list(peer_key), how="left")
        .join(priors, on=["input_material", "output_material"], how="left")
        .with_columns(
            pl.when(pl.col("history") >= MIN_HISTORY)
            .then(pl.lit("own history"))
            .when(pl.col("peers") >= MIN_PEERS)
            .then(pl.lit("similar facilities"))
            .when(pl.col("prior_center").is_not_null())
            .then(pl.lit("catalogue prior"))
            .alias("yield_basis")
        )
        .with_columns(
            pl.when(pl.col("yield_basis") == "own history")
            .then(pl.col("own_center"))
            .when(pl.col("yield_basis") == "similar facilities")
            .then(pl.col("peer_center"))
            .otherwise(pl.col("prior_center"))
            .alias("center"),
            pl.when(pl.col("yield_basis") == "own history")
            .then(pl.max_horizontal(pl.col("own_spread"), pl.lit(floor)))
            .when(pl.col("yield_basis") == "similar facilities")
            .then(pl.max_horizontal(pl.col("peer_spread"), pl.lit(floor)))
            .otherwise(pl.lit(PRIOR_SPREAD))
            .alias("spread"),
        )
    )
    return judged.select(
        "facility_id",
        "month",
        "output_material",
        "input_material",
        "output_kg",
        "input_kg",
        "yield",
        pl.col("center").exp().alias("expected_yield"),
        "yield_basis",
        (pl.col("input_kg") / pl.col("usual_input")).alias("input_ratio"),
        (
            (pl.col("log_yield") - pl.col("center"))
            / (pl.col("spread") ** 2 + _rounding_spread() ** 2).sqrt()
        ).alias("yield_z"),
    ).cast(YIELD_SCHEMA)  # type: ignore[arg-type]


def _rounding_spread() -> pl.Expr:
    """How far rounding alone can move a log yield: each figure is off by up to half its
    unit, so small outputs and inputs (a few kilograms) have noisy yields."""
    return pl.col("unit") * (1 / pl.col("output_kg") + 1 / pl.col("input_kg"))


def _log_prior(
    catalogue: MaterialsCatalogue, input_material: str, output_material: str
) -> float | None:
    prior = catalogue_prior(catalogue, input_material, output_material)
    return None if prior is None or prior <= 0 else math.log(prior)


def yield_ratio() -> pl.Expr:
    """The drop in multiples of the threshold (above 1 counts), damped in proportion when
    input fell below ``INPUT_HOLDS`` of usual (a plant starting or winding down has noisy
    yields)."""
    damp = (pl.col("input_ratio") / INPUT_HOLDS).clip(0.0, 1.0)
    return ((-pl.col("yield_z") / YIELD_Z).clip(0.0, None) * damp).fill_null(0.0)
