"""Course packs: their format, loading, validation and archives."""
