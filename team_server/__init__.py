"""TEAM server: accounts, groups, the sync exchange and pack distribution for TEAM Desktop."""

__version__ = "0.1.0"

# The sync protocol this server speaks (docs/sync-protocol.md).
PROTOCOL = 1
