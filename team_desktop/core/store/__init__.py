"""The learner's local store: peewee models on SQLite, opened and migrated in one place."""
