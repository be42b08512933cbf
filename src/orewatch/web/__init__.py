"""The analysts' workbench: server-rendered pages and the cases API over HTTP.

Owns the page and API routers (mounted by :func:`orewatch.api.app.create_app`), the
templates, the small own CSS/JS, and the reading of screening outputs from files
(``alerts.csv``, ``parties.csv``, ``facilities.csv``, ``routes.csv``) and of the
dataset the outputs came from. Every decision about who may see what is taken by
:mod:`orewatch.cases.service` and :mod:`orewatch.cases.auth`; views only call them.
"""
