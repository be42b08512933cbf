"""Export licences for honest controlled trade, issued the way licensing offices do.

A dual-use licence covers one item, one exporter, one consignee and a quantity, for up to
a year. Honest licences here are built from the lines that needed them: a few draws per
licence, issued some weeks before the first draw. Their honest oddities are the traps a
licence check must survive: licences drawn to the last kilogram, used on their last
valid day, revoked after honest use (``status_since`` after the draws), issued and never
used, rare-earth general licences from 2025-12-19 naming no single consignee, and licence
numbers copied onto declarations in other spellings or, rarely, left off.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import goods, names
from .books import Books, Licence
from .places import REGIONS
from .population import PROFILES
from .timeline import END_DAY, RARE_EARTH_GENERAL_LICENCE, iso

END_USES: dict[str, tuple[str, ...]] = {
    "gallium": ("化合物半导体衬底 compound semiconductor substrates", "LED外延 LED epitaxy"),
    "germanium": (
        "红外光学 infrared optics",
        "光纤预制棒 optical fibre preform",
        "太阳能电池 space solar cells",
    ),
    "graphite": ("锂电池负极 battery anode material", "耐火材料 refractories"),
    "antimony": (
        "阻燃剂 flame retardants",
        "蓄电池合金 battery grid alloys",
        "玻璃澄清剂 glass fining",
    ),
    "tungsten": ("硬质合金 cemented carbide tools", "钨丝 lighting and heating wire"),
    "tellurium": ("碲化镉薄膜电池 CdTe thin-film solar",),
    "bismuth": ("医药原料 pharmaceuticals", "低熔点合金 fusible alloys"),
    "molybdenum": ("热喷涂 thermal spray coatings",),
    "indium": ("光通信芯片 optical communication chips",),
    "superhard_materials": ("人造金刚石生产 synthetic diamond production",),
}
RE_USES = (
    "永磁体 permanent magnets",
    "荧光粉 phosphors",
    "陶瓷 technical ceramics",
    "激光晶体 laser crystals",
)


def end_use_for(element: str, rng: np.random.Generator) -> str:
    uses = END_USES.get(element, RE_USES)
    return uses[int(rng.integers(0, len(uses)))]


class Serials:
    """Licence serial numbers, unique and in no telling order."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def new(self, issued: int, region: int) -> str:
        year = int(iso(max(issued, -400))[:4])
        province = REGIONS[region].code[:2]
        while True:
            no = f"LY{year % 100:02d}{province}{int(self.rng.integers(0, 10**6)):06d}"
            if no not in self.used:
                self.used.add(no)
                return no


def license_honest(
    rng: np.random.Generator, books: Books, lines: pl.DataFrame, serials: Serials, noise: float
) -> pl.DataFrame:
    """Issue licences for the honest lines that need one and cite them on those lines."""
    product = lines["product"].to_numpy()
    day = lines["day"].to_numpy().astype(np.int64)
    exporter = lines["exporter"].to_numpy()
    profile = np.array([PROFILES.index(e.profile) for e in books.exporters])[exporter]
    need = goods.in_force(product, day) & (profile == PROFILES.index("licensed"))
    n = lines.height
    licence = np.full(n, "", dtype=object)
    end_user = np.full(n, "", dtype=object)
    end_use = np.full(n, "", dtype=object)

    # rare-earth general licences (2025-12-19) for a few large rare-earth sellers
    elem = goods.ELEMENT[product]
    rare = np.isin(
        elem, ("dysprosium", "terbium", "samarium", "gadolinium", "yttrium", "lutetium", "scandium")
    )
    general = need & rare & (day >= RARE_EARTH_GENERAL_LICENCE)
    gl_exporters = np.unique(exporter[general])
    if gl_exporters.size:
        sizes = np.array([books.exporters[e].size for e in gl_exporters])
        chosen = gl_exporters[np.argsort(-sizes, kind="stable")[: max(1, gl_exporters.size // 3)]]
        for e in chosen.tolist():
            sel = general & (exporter == e)
            kg = float(lines["net_kg"].to_numpy()[sel].sum())
            top = np.array(
                [books.consignees[c].country for c in lines["consignee"].to_numpy()[sel]]
            )
            vals, counts = np.unique(top, return_counts=True)
            country = str(vals[np.argmax(counts)])
            issued = RARE_EARTH_GENERAL_LICENCE - int(rng.integers(0, 10))
            lic = Licence(
                licence_no=serials.new(issued, books.exporters[e].region).replace("LY", "GL", 1),
                issued=issued,
                valid_until=min(issued + 364, END_DAY + 200),
                exporter=e,
                control="CN-2025-18-DY-B",
                hs="",
                quantity_kg=float(np.ceil(kg * 1.8 / 100) * 100),
                consignee=-1,
                end_user="",
                end_use=RE_USES[0],
                write_hs=False,
            )
            lic.end_user = "多个最终用户 various end users"
            books.licences.append(lic)
            books.general_licence_country[lic.licence_no] = country
            licence[sel] = lic.licence_no
            end_use[sel] = RE_USES[0]
        need = need & ~(general & np.isin(exporter, chosen))

    idx = np.flatnonzero(need)
    if idx.size:
        frame = pl.DataFrame(
            {
                "i": idx,
                "exporter": exporter[idx],
                "product": product[idx],
                "consignee": lines["consignee"].to_numpy()[idx],
                "day": day[idx],
                "kg": lines["net_kg"].to_numpy()[idx],
            }
        )
        frame = frame.with_columns(
            (
                (pl.col("day") - pl.col("day").min().over("exporter", "product", "consignee"))
                // 300
            ).alias("bucket")
        ).sort("exporter", "product", "consignee", "bucket", "day", "i")
        frame = frame.with_columns(
            pl.struct("exporter", "product", "consignee", "bucket").rank("dense").alias("gid"),
            pl.int_range(pl.len()).over("exporter", "product", "consignee", "bucket").alias("rank"),
        )
        n_groups = int(frame["gid"].max())  # type: ignore[arg-type]
        per = rng.integers(1, 7, n_groups + 1)
        gid = frame["gid"].to_numpy()
        frame = frame.with_columns(pl.Series("k", frame["rank"].to_numpy() // per[gid]))
        agg = (
            frame.group_by("gid", "k")
            .agg(
                pl.col("exporter").first(),
                pl.col("product").first(),
                pl.col("consignee").first(),
                pl.col("day").min().alias("first"),
                pl.col("day").max().alias("last"),
                pl.col("kg").sum(),
                pl.col("i"),
            )
            .sort("gid", "k")
        )
        for row in agg.iter_rows(named=True):
            e, p, c = int(row["exporter"]), int(row["product"]), int(row["consignee"])
            first, last = int(row["first"]), int(row["last"])
            issued = max(first - int(rng.integers(5, 45)), goods.PRODUCTS[p].effective)
            if rng.random() < 0.1:
                valid = last  # used on its last day
            else:
                valid = max(last, min(issued + 364, last + int(rng.integers(5, 150))))
            kg = float(row["kg"])
            qty = kg if rng.random() < 0.2 else float(np.ceil(kg * rng.uniform(1.0, 1.6) / 10) * 10)
            prod = goods.PRODUCTS[p]
            cons = books.consignees[c]
            named = (
                cons.name if rng.random() < 0.5 else _end_user_name(rng, cons.country, cons.sector)
            )
            lic = Licence(
                licence_no=serials.new(issued, books.exporters[e].region),
                issued=issued,
                valid_until=valid,
                exporter=e,
                control=prod.control,
                hs=prod.hs,
                quantity_kg=round(qty, 3),
                consignee=c,
                end_user=named,
                end_use=end_use_for(prod.element, rng),
            )
            u = rng.random()
            lic.write_control, lic.write_hs = (
                (True, True) if u < 0.7 else ((False, True) if u < 0.9 else (True, False))
            )
            if rng.random() < 0.03 and last + 1 <= END_DAY:
                lic.status, lic.status_since = (
                    "revoked",
                    min(END_DAY, last + int(rng.integers(1, 60))),
                )
            books.licences.append(lic)
            rows = np.asarray(row["i"], dtype=np.int64)
            licence[rows] = lic.licence_no
            written = [
                names.name_variant(rng, lic.end_user)
                if rng.random() < noise * 0.5
                else lic.end_user
                for _ in range(rows.size)
            ]
            end_user_arr = np.where(
                rng.random(rows.size) < 0.85, np.array(written, dtype=object), ""
            )
            end_use_arr = np.where(rng.random(rows.size) < 0.8, lic.end_use, "")
            end_user[rows] = end_user_arr
            end_use[rows] = end_use_arr

    # licences issued and never used
    licensed = [i for i, e in enumerate(books.exporters) if e.profile == "licensed"]
    for _ in range(max(1, len(licensed) // 8)):
        e = licensed[int(rng.integers(0, len(licensed)))]
        slots = [s for s in books.exporters[e].slots if goods.PRODUCTS[s].kind == "C"]
        if not slots:
            continue
        prod = goods.PRODUCTS[slots[0]]
        issued = int(rng.integers(max(0, prod.effective), END_DAY - 30))
        c = books.exporters[e].consignees[0]
        books.licences.append(
            Licence(
                serials.new(issued, books.exporters[e].region),
                issued,
                min(issued + 364, END_DAY + 90),
                e,
                prod.control,
                prod.hs,
                float(rng.integers(1, 50)) * 100,
                c,
                books.consignees[c].name,
                end_use_for(prod.element, rng),
            )
        )

    # clerks copy licence numbers other ways, and now and then leave one off
    has = licence != ""
    variant = has & (rng.random(n) < noise * 0.3)
    licence[variant] = [_respell(rng, str(x)) for x in licence[variant]]
    dropped = has & (rng.random(n) < noise * 0.02)
    licence[dropped] = ""
    ordinary = ~has & (rng.random(n) < 0.08)
    end_use[ordinary] = np.where(rng.random(int(ordinary.sum())) < 0.5, "工业用", "industrial use")
    return lines.with_columns(
        pl.Series("licence", licence.astype(str)),
        pl.Series("end_user", end_user.astype(str)),
        pl.Series("end_use", end_use.astype(str)),
    )


def _respell(rng: np.random.Generator, no: str) -> str:
    k = int(rng.integers(0, 4))
    if k == 0:
        return no.lower()
    if k == 1:
        return f"{no[:4]}-{no[4:6]}-{no[6:]}"
    if k == 2:
        return f"{no[:2]} {no[2:]}"
    return f"{no}号"


def _end_user_name(rng: np.random.Generator, country: str, sector: str) -> str:
    from .names import foreign_company

    return foreign_company(rng, country, sector or None)
