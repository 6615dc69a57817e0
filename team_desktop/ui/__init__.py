"""The Qt layer: windows and widgets over `team_desktop.core`."""

import sys


def _load_peewee_without_server_drivers() -> None:
    """Import peewee (and its migrator) with the PostgreSQL drivers hidden, unless loaded.

    Both import every PostgreSQL driver they find when they load (about 100 ms for psycopg,
    which the server's extra installs beside the app), and the desktop store is SQLite only.
    The drivers stay importable by name for anything else in the process.
    """
    if "peewee" in sys.modules:
        return
    drivers = ("psycopg", "psycopg2", "psycopg2cffi")
    present = {name: sys.modules[name] for name in drivers if name in sys.modules}
    sys.modules.update(dict.fromkeys(drivers))  # None: "import psycopg" fails at once
    try:
        import peewee  # noqa: F401
        import playhouse.migrate  # noqa: F401
    finally:
        for name in drivers:
            del sys.modules[name]
        sys.modules.update(present)


_load_peewee_without_server_drivers()
