"""Who is linked to whom: relations and shared contacts as one undirected edge list.

A first, join-based view of the party network (k = 2 hops) that screening needs today;
the parties layer will replace it with resolved entities and a real graph library.
"""

from __future__ import annotations

import polars as pl

from orewatch.screening.detectors.transshipment import match_names, watchlist_keys
from orewatch.screening.names import normalise_name_expr

EDGE_SCHEMA = {"a": pl.String(), "b": pl.String(), "how": pl.String()}


def contact_edges(parties: pl.DataFrame) -> pl.DataFrame:
    """Pairs of parties sharing a phone, e-mail or address (both directions)."""
    keys = (
        parties.select(
            "party_id",
            pl.concat_list(
                [
                    pl.format("phone {}", pl.col("phone").str.replace_all(r"\D", "")),
                    pl.format("email {}", pl.col("email").str.to_lowercase().str.strip_chars()),
                    pl.format(
                        "address {}",
                        pl.col("address").str.replace_all(r"\s", "").str.to_lowercase(),
                    ),
                ]
            ).alias("contact"),
        )
        .explode("contact")
        .drop_nulls("contact")
        .filter(~pl.col("contact").str.ends_with(" "))
    )
    # Contacts shared by very many parties (a registered-agent address) say little.
    keys = keys.filter(pl.len().over("contact").is_between(2, 20))
    pairs = keys.join(keys, on="contact", suffix="_b").filter(
        pl.col("party_id") != pl.col("party_id_b")
    )
    return pairs.select(
        pl.col("party_id").alias("a"),
        pl.col("party_id_b").alias("b"),
        pl.format("shares {}", pl.col("contact")).alias("how"),
    ).unique(["a", "b"])


def relation_edges(relations: pl.DataFrame) -> pl.DataFrame:
    forward = relations.select(
        pl.col("src_party_id").alias("a"),
        pl.col("dst_party_id").alias("b"),
        pl.format("{} of", pl.col("relation")).alias("how"),
    )
    backward = relations.select(
        pl.col("dst_party_id").alias("a"),
        pl.col("src_party_id").alias("b"),
        pl.format("has {}", pl.col("relation")).alias("how"),
    )
    return pl.concat([forward, backward])


def party_edges(parties: pl.DataFrame | None, relations: pl.DataFrame | None) -> pl.DataFrame:
    parts = []
    if relations is not None and relations.height:
        parts.append(relation_edges(relations))
    if parties is not None and parties.height:
        parts.append(contact_edges(parties))
    if not parts:
        return pl.DataFrame(schema=EDGE_SCHEMA)
    return pl.concat([p.cast(EDGE_SCHEMA) for p in parts]).unique(["a", "b"])  # type: ignore[arg-type]


def watchlisted_parties(parties: pl.DataFrame, watchlist: pl.DataFrame) -> pl.DataFrame:
    """Parties whose name or alternative name matches a watchlist entry."""
    keys = watchlist_keys(watchlist)
    names = parties.select(
        "party_id", pl.concat_list([pl.col("name"), pl.col("alt_names").fill_null([])]).alias("n")
    ).explode("n")
    hits = match_names(names["n"], keys)
    return (
        names.join(hits, left_on="n", right_on="name")
        .select(
            "party_id",
            pl.format("{} [{}]", pl.col("entry_name"), pl.col("list")).alias("listed_as"),
        )
        .unique("party_id")
    )


def linked_consignees(
    consignee_names: pl.Series,
    parties: pl.DataFrame | None,
    relations: pl.DataFrame | None,
    watchlist: pl.DataFrame | None,
) -> pl.DataFrame:
    """Consignee names within two hops of a watchlisted party, with the path in words."""
    empty = pl.DataFrame(schema={"consignee_name": pl.String(), "link": pl.String()})
    if parties is None or watchlist is None or parties.is_empty() or watchlist.is_empty():
        return empty
    listed = watchlisted_parties(parties, watchlist)
    edges = party_edges(parties, relations)
    if listed.is_empty() or edges.is_empty():
        return empty
    names = parties.select("party_id", "name")
    one = edges.join(listed, left_on="b", right_on="party_id").select(
        pl.col("a").alias("party_id"),
        pl.format(
            "{} {} ({}, listed as {})", pl.lit("→"), pl.col("how"), pl.col("b"), pl.col("listed_as")
        ).alias("path"),
    )
    two = (
        edges.join(one.rename({"party_id": "b"}), on="b")
        .filter(pl.col("a") != pl.col("b"))
        .select(
            pl.col("a").alias("party_id"),
            pl.format("→ {} {} {}", pl.col("how"), pl.col("b"), pl.col("path")).alias("path"),
        )
    )
    reach = pl.concat([one, two]).join(listed.select("party_id"), on="party_id", how="anti")
    reach = reach.unique("party_id", keep="first").join(names, on="party_id")
    consignees = pl.DataFrame(
        {"consignee_name": consignee_names.unique().drop_nulls()}
    ).with_columns(normalise_name_expr(pl.col("consignee_name")).alias("key"))
    return (
        consignees.join(
            reach.with_columns(normalise_name_expr(pl.col("name")).alias("key")), on="key"
        )
        .select("consignee_name", pl.format("{} {}", pl.col("name"), pl.col("path")).alias("link"))
        .unique("consignee_name")
    )
