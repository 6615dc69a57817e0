"""Participatory research on the server: consent, xAPI statements, LRS forwarding, the export.

docs/decisions/0008-research-data.md explains the choices.
"""
