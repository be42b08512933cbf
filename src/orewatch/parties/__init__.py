"""Parties and networks: who is who across documents, who is listed, who is behind whom.

Owns entity resolution (``records``, ``normalise``, ``resolve``), restricted-party
screening (``watchlists``, ``screen``), the party network (``network``), exports for
the workbench and FollowTheMoney (``export``) and the signals it hands to screening
(``signals.party_findings``). It reads contract tables and never touches detectors'
internals; screening decides what the signals weigh.
"""
