"""Full-chain traceability: mass balance, counterparties, yields, leakage and lineage.

Owns the domestic chain of custody (the contract's ``facilities``, ``movements`` and
``production`` tables): reconciling each facility-month, checking each side against its
counterparties, ranking leaking facility-months, tracing lots back and forward, and the
flow data the workbench draws. It reads the materials catalogue and never touches
screening's own state; screening calls :func:`chain_findings`.
"""

from orewatch.chain.signals import ChainFindings, chain_findings

__all__ = ["ChainFindings", "chain_findings"]
