"""The reflective portfolio (journal de bord): entries, templates, history, attachments, bin."""
