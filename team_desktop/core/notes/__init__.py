"""Co-preparation notes: the CRDT document, its store rows, authors, files, exports, links."""
