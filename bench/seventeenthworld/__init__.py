"""The seventeenth world: an independent generator of export declarations with
labelled smuggling of controlled strategic minerals.

Two years (2024-07 .. 2026-06) of Chinese export declarations around the real control
dates of the catalogue, dominated by untidy honest trade, with fourteen smuggling schemes
(:data:`SCHEMES`), each run by rings working loudly or faintly, who adapt after every
seizure. :func:`generate` writes a dataset folder under the data contract and the truth
in ``truth/``; :class:`Knobs` holds the numeric knobs and refuses nonsense.

Modules, one concern each: ``timeline`` (dates), ``goods`` and ``products.tsv`` (what is
shipped), ``places`` (regions, ports, countries, money), ``idents`` (identifiers),
``names``, ``books`` (the registers), ``population`` (honest exporters and buyers),
``honest`` (honest lines), ``licensing`` (honest licences), ``inspections``, ``rings``
(rings, seizures, adaptation), ``shipping`` (what schemes share), the schemes by family
(``misdeclaration``, ``concealment``, ``licence_fraud``, ``diversion``, ``title``) and
``schemes`` (their list, planning and running), ``registry`` (parties, relations, watch
list), ``chain`` (chain of custody), ``stats`` (trade statistics, prices), ``render``
(contract columns), ``write`` and ``generate``.
"""

from .generate import generate
from .knobs import KnobError, Knobs
from .schemes import FAMILY, SCHEMES

__all__ = ["FAMILY", "SCHEMES", "KnobError", "Knobs", "generate"]
