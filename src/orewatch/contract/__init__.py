"""The data contract: what a dataset is, and loading one honestly.

Owns the contract's description (:mod:`.schema`), reading table files in any of the
accepted formats and encodings, judging every value, and the quarantine of what did not
load. It does not decide what is risky; screening does, from what this hands over.
"""

from orewatch.contract.ids import is_valid_resident_id, is_valid_uscc, uscc_check_char
from orewatch.contract.loader import (
    DatasetError,
    LoadedDataset,
    LoadedTable,
    load_dataset,
    load_table,
)
from orewatch.contract.quarantine import REJECTED_SCHEMA, write_rejected

__all__ = [
    "REJECTED_SCHEMA",
    "DatasetError",
    "LoadedDataset",
    "LoadedTable",
    "is_valid_resident_id",
    "is_valid_uscc",
    "load_dataset",
    "load_table",
    "uscc_check_char",
    "write_rejected",
]
