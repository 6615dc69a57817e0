"""Open Badges 3.0 attestations: the server's signing key, credentials, the revocation list."""
