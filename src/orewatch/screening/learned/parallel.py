"""Independent model fits side by side, one per core.

LightGBM trains in C and its Python wrapper releases the GIL for every call into it
(``ctypes``), so several boosters of one thread each train truly at once in threads of one
process: the folds of a cross-validation use every core without the OpenMP team of a
multi-threaded booster, which spins and waits at each split and lost to one thread on a
shared machine in our measurements. Threads also share the design frames, where worker
processes would copy them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def in_parallel(fn: Callable[[T], R], items: Iterable[T], workers: int) -> list[R]:
    """``[fn(item) for item in items]``, at most ``workers`` at a time, in the items' order.

    Each result depends only on its item, so the order of completion cannot change them.
    """
    todo = list(items)
    if workers <= 1 or len(todo) <= 1:
        return [fn(item) for item in todo]
    with ThreadPoolExecutor(max_workers=min(workers, len(todo))) as pool:
        return list(pool.map(fn, todo))
