"""Talking to a TEAM server: the connection, the sync engine, and how each kind merges."""
