"""Networks that change their ways after a find.

Each network has a playbook per generation (front company, mode and port, decoy code,
transit country, consignee, element). A line belongs to generation ``e`` until an
inspection or audit of the network's generation-``e`` lines confirms fraud; lines the
network lodges more than ``react_days`` after that find use generation ``e + 1``. What the
inspection history teaches about one generation is therefore partly stale for the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tenthworld import goods
from tenthworld.actors import EPOCHS, TRANSIT
from tenthworld.flows import MODES, PORTS


@dataclass
class Playbook:
    """(network, generation) arrays of what a network does."""

    front: np.ndarray
    mode: np.ndarray
    port: np.ndarray
    decoy: np.ndarray
    transit: np.ndarray
    consignee: np.ndarray
    item: np.ndarray
    scheme: np.ndarray  # per network


def playbooks(
    rng: np.random.Generator,
    fronts: np.ndarray,
    consignees: np.ndarray,
    scheme: np.ndarray,
    ctrl: goods.Controlled,
) -> Playbook:
    """Draw every network's generations; the element stays, the form/code may change."""
    n = fronts.shape[0]
    shape = (n, EPOCHS)
    mode = rng.choice(np.array(MODES[:4], dtype=object), shape, p=[0.55, 0.25, 0.1, 0.1])
    small = np.isin(scheme, ["sample_drip", "sliced_lot"])
    mode[small] = rng.choice(
        np.array(["express", "post", "passenger", "air"], dtype=object),
        (small.sum(), EPOCHS),
        p=[0.45, 0.25, 0.15, 0.15],
    )
    port = np.array(
        [[PORTS[m][rng.integers(0, len(PORTS[m]))] for m in row] for row in mode], dtype=object
    )
    element = rng.choice(np.unique(ctrl.element), n)
    item = np.zeros(shape, dtype=np.int64)
    decoy = np.empty(shape, dtype=object)
    for k in range(n):
        pool = np.flatnonzero(ctrl.element == element[k])
        item[k] = rng.choice(pool, EPOCHS)
        fam = ctrl.family[item[k, 0]]
        decoy[k] = rng.choice(np.array(goods.DECOYS[fam], dtype=object), EPOCHS)
    transit = rng.choice(np.array(TRANSIT, dtype=object), shape)
    return Playbook(
        front=fronts,
        mode=mode,
        port=port,
        decoy=decoy,
        transit=transit,
        consignee=consignees,
        item=item,
        scheme=scheme,
    )


def next_epochs(
    network: np.ndarray, epoch: np.ndarray, day: np.ndarray, found_at: np.ndarray, react_days: int
) -> np.ndarray:
    """Generations after one round of finds: each network's earliest find in a
    generation pushes its later lines (beyond the reaction time) to the next one.

    ``found_at`` is the date a line's fraud was confirmed (NaT if never)."""
    out = epoch.copy()
    ok = ~np.isnat(found_at) & (network >= 0)
    if not ok.any():
        return out
    key = network * EPOCHS + epoch
    first = np.full(int(network.max() + 1) * EPOCHS, np.datetime64("NaT"), dtype="datetime64[D]")
    order = np.argsort(found_at[ok])
    k_ok = key[ok][order]
    f_ok = found_at[ok][order]
    uniq, idx = np.unique(k_ok, return_index=True)
    first[uniq] = f_ok[idx]
    cut = first[key]
    move = (~np.isnat(cut)) & (day > cut + np.timedelta64(react_days, "D")) & (epoch < EPOCHS - 1)
    out[move] = epoch[move] + 1
    return out
