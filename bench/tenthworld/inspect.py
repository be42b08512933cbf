"""This world's customs: a targeting policy, random checks and post-clearance audits.

Targeting (line level, at the border): points for a commodity code under the customs'
sensitive headings, a parcel or passenger mode with a dense value, a risky destination,
an exporter registered under a year before, and a gross weight well above the net; plus
random checks. The method follows the mode (parcels are scanned, containers scanned or
opened, dense powders sent to the lab) and each scheme has its own chance of being
confirmed by each method, scaled by the port's diligence (hit rates differ several-fold
between ports). Audits come months later from the documents, at declaration level.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from tenthworld.actors import END

SENSITIVE = (
    "2805",
    "2825",
    "2846",
    "8112",
    "8110",
    "8106",
    "2617",
    "3801",
    "2504",
    "8101",
    "2841",
    "2842",
    "2853",
    "3818",
    "2850",
    "8102",
    "2804",
    "2931",
    "3825",
)
RISKY_DEST = ("AE", "TR", "KZ", "RU", "MY", "TH", "VN", "GE", "RS", "HK", "SG")
METHODS = np.array(["document", "scan", "physical", "lab"], dtype=object)
RESULT = {
    "no_permit": "unlicensed",
    "phantom_permit": "unlicensed",
    "lapsed_permit": "unlicensed",
    "borrowed_permit": "unlicensed",
    "overdrawn_permit": "unlicensed",
    "barred_end_user": "diverted",
    "code_swap": "misdeclared",
    "cheap_invoice": "undervalued",
    "light_weight": "misdeclared",
    "buried_line": "concealed",
    "sample_drip": "concealed",
    "detour_route": "diverted",
    "sliced_lot": "unlicensed",
}
# chance a method confirms a scheme: document, scan, physical, lab
CONFIRM = {
    "no_permit": (0.9, 0.5, 0.8, 0.9),
    "phantom_permit": (0.8, 0.2, 0.5, 0.5),
    "lapsed_permit": (0.85, 0.2, 0.5, 0.5),
    "borrowed_permit": (0.6, 0.1, 0.4, 0.4),
    "overdrawn_permit": (0.4, 0.1, 0.3, 0.3),
    "barred_end_user": (0.5, 0.05, 0.2, 0.2),
    "code_swap": (0.15, 0.4, 0.7, 0.95),
    "cheap_invoice": (0.5, 0.1, 0.3, 0.6),
    "light_weight": (0.1, 0.5, 0.8, 0.6),
    "buried_line": (0.02, 0.55, 0.9, 0.6),
    "sample_drip": (0.05, 0.5, 0.7, 0.9),
    "detour_route": (0.15, 0.02, 0.05, 0.05),
    "sliced_lot": (0.2, 0.4, 0.6, 0.9),
}
AUDIT_CONFIRM = {
    "no_permit": 0.9,
    "phantom_permit": 0.9,
    "lapsed_permit": 0.9,
    "borrowed_permit": 0.8,
    "overdrawn_permit": 0.85,
    "barred_end_user": 0.5,
    "code_swap": 0.3,
    "cheap_invoice": 0.6,
    "light_weight": 0.3,
    "buried_line": 0.05,
    "sample_drip": 0.1,
    "detour_route": 0.3,
    "sliced_lot": 0.5,
}


def port_diligence(seed: int, ports: list[str]) -> dict[str, float]:
    """Each port's multiplier on the chance of confirming fraud (0.15-1.6)."""
    rng = np.random.default_rng(seed + 7)
    return {p: float(np.clip(np.exp(rng.normal(-0.2, 0.7)), 0.15, 1.6)) for p in sorted(ports)}


def risk_points(f: pl.DataFrame, founded: np.ndarray) -> np.ndarray:
    """The customs' own rule points for each line (0 = nothing on the profile)."""
    hs4 = f["hs_code"].str.slice(0, 4)
    usd_kg = (f["_usd_declared"] / f["net_weight_kg"].clip(0.001)).to_numpy()
    small = f["mode"].is_in(["post", "express", "passenger"]).to_numpy()
    age = (f["declared_at"].to_numpy() - founded).astype("timedelta64[D]").astype(int)
    gross = (f["gross_weight_kg"] / f["net_weight_kg"].clip(0.001)).fill_null(1.0).to_numpy()
    return (
        3.0 * hs4.is_in(list(SENSITIVE)).to_numpy()
        + 2.0 * (small & (usd_kg > 60))
        + 1.0 * f["destination_country"].is_in(list(RISKY_DEST)).to_numpy()
        + 1.5 * (age < 365)
        + 2.0 * (gross > 1.5)
    )


def border_checks(
    f: pl.DataFrame,
    founded: np.ndarray,
    rate: float,
    diligence: dict[str, float],
    confirm: dict[str, float],
) -> pl.DataFrame:
    """Lines checked at the border and what the check found (one row a checked line).

    ``f`` carries ``_u_sel``, ``_u_meth``, ``_u_conf`` (fixed uniforms per line, so a
    line's fate does not change when other lines do) and ``_scheme``."""
    pts = risk_points(f, founded)
    p = np.clip(rate * 0.3 + rate * 0.9 * pts, 0, 0.85)
    chosen = f["_u_sel"].to_numpy() < p
    g = f.filter(pl.Series(chosen))
    mode = g["mode"].to_numpy()
    um = g["_u_meth"].to_numpy()
    parcel = np.isin(mode, ["post", "express", "passenger"])
    boxed = np.isin(mode, ["sea", "rail", "road"])
    # document < a, scan < b, physical < c, lab otherwise
    a = np.where(parcel, 0.15, np.where(boxed, 0.35, 0.45))
    b = np.where(parcel, 0.75, np.where(boxed, 0.7, 0.7))
    c = np.where(parcel, 0.92, np.where(boxed, 0.93, 0.9))
    meth = np.select([um < a, um < b, um < c], [0, 1, 2], 3)
    return g.with_columns(pl.Series("method", METHODS[meth])).pipe(
        outcome, meth, diligence, confirm
    )


def outcome(
    g: pl.DataFrame, meth: np.ndarray, diligence: dict[str, float], confirm: dict[str, float]
) -> pl.DataFrame:
    """Whether each check confirmed its line's scheme, and the inspection row."""
    scheme = g["_scheme"].to_numpy()
    base = np.array([CONFIRM[s][m] if s else 0.0 for s, m in zip(scheme, meth, strict=True)])
    scale = np.array([confirm.get(s, 1.0) for s in scheme])
    dil = np.array([diligence[p] for p in g["port"].to_numpy()])
    hit = g["_u_conf"].to_numpy() < np.clip(base * scale * dil, 0, 0.98)
    result = np.where(hit, [RESULT.get(s, "clear") for s in scheme], "clear")
    lab = np.isin(meth, [2, 3]) & hit
    return g.with_columns(
        pl.Series("result", result),
        # polars takes a Series as a duration's days (its types name Expr, str or a number).
        (pl.col("declared_at") + pl.duration(days=pl.Series(np.where(meth == 3, 12, 1)))).alias(  # type: ignore[arg-type]
            "inspected_at"
        ),
        pl.when(pl.Series(lab)).then(pl.col("_true_hs")).alias("found_hs_code"),
        pl.when(pl.Series(lab)).then(pl.col("_true_kg").round(2)).alias("found_quantity_kg"),
        pl.Series("_hit", hit),
    )


def audits(f: pl.DataFrame, rate: float, confirm: dict[str, float]) -> pl.DataFrame:
    """Post-clearance audits of whole declarations, 2-14 months after, from documents;
    those that would fall after the world's end have not happened."""
    d = (
        f.group_by("_decl")
        .agg(
            pl.col("declaration_id").first(),
            pl.col("declared_at").first(),
            pl.col("hs_code").str.slice(0, 4).is_in(list(SENSITIVE)).any().alias("sens"),
            pl.col("_scheme").filter(pl.col("_scheme") != "").first().alias("scheme"),
            pl.col("_u_audit").first(),
            pl.col("_u_aconf").first(),
            pl.col("_u_lag").first(),
        )
        .sort("_decl")
    )
    p = rate * np.where(d["sens"].to_numpy(), 6.0, 0.5)
    chosen = d["_u_audit"].to_numpy() < p
    d = d.filter(pl.Series(chosen))
    lag = (60 + 360 * d["_u_lag"].to_numpy()).astype(int)
    scheme = d["scheme"].fill_null("").to_numpy()
    prob = np.array([AUDIT_CONFIRM.get(s, 0.0) * confirm.get(s, 1.0) for s in scheme])
    hit = d["_u_aconf"].to_numpy() < prob
    out = d.with_columns(
        # polars takes a Series as a duration's days (its types name Expr, str or a number).
        (pl.col("declared_at") + pl.duration(days=pl.Series(lag))).alias("inspected_at"),  # type: ignore[arg-type]
        pl.Series("result", np.where(hit, [RESULT.get(s, "clear") for s in scheme], "clear")),
        pl.lit("document").alias("method"),
        pl.Series("_hit", hit),
    )
    return out.filter(pl.col("inspected_at") <= pl.lit(END.astype(object)))
