"""Residents' personal information on a laptop that can be lost (PIPL): encryption at rest,
roles, the audit log, consent, retention and export. Qt-free, like the rest of the domain."""
