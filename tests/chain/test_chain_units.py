"""Which material a declared commodity code (and its words) carries."""

import polars as pl

from orewatch.chain.units import hs_materials, line_materials
from orewatch.controls.materials import load_materials


def test_shorter_and_longer_codes_name_their_forms_and_words_decide_between_elements() -> None:
    """A dataset declaring six-digit codes had no exports of any element, so an exporter
    shipping more terbium than it ever took in (``EXPORTS_EXCEED_SUPPLY``) went unseen."""
    materials = load_materials()
    known = hs_materials(materials)
    terbium = known.filter(pl.col("material") == "terbium:oxide")["hs_code"][0]
    tungsten = known.filter(pl.col("material") == "tungsten:apt")["hs_code"][0]
    lines = pl.DataFrame(
        {
            "hs_code": [terbium, terbium[:6], terbium[:6], terbium[:6], tungsten[:6], "760110"],
            "description": ["oxide", "氧化铽", "氧化铽 氧化镝", "rare earth", "APT", "铝锭"],
            "net_weight_kg": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        }
    )
    out = line_materials(lines, materials).sort("net_weight_kg")
    # The full code names its form whatever the words; the heading of every rare-earth
    # oxide needs words naming one element; a heading of one element's forms needs none.
    assert out["element"].to_list() == [m.split(":")[0] for m in out["material"]]
    assert out.select("net_weight_kg", "material").rows() == [
        (1.0, "terbium:oxide"),
        (2.0, "terbium:oxide"),
        (5.0, "tungsten:apt"),
    ]


def test_lines_whose_codes_name_no_form_leave_an_empty_frame_with_the_columns() -> None:
    lines = pl.DataFrame(
        {
            "hs_code": ["0101210000", None],
            "description": ["horses", None],
            "net_weight_kg": [1.0, 2.0],
        }
    )
    for frame in (lines, lines.clear()):
        out = line_materials(frame, load_materials())
        assert out.is_empty()
        assert {"material", "metal_fraction", "hs_code", "net_weight_kg"} <= set(out.columns)
