"""The Qt layer: windows and widgets over `team_desktop.core`."""

import sys


def _load_peewee_without_server_drivers() -> None:
    """Import peewee with the PostgreSQL drivers hidden, unless loaded.

    It imports every PostgreSQL driver it finds when it loads (about 100 ms for psycopg, which
    the server's extra installs beside the app), and the desktop store is SQLite only. The
    drivers stay importable by name for anything else in the process. Its migrator, which
    imports them too, is imported only when the store's schema needs a migration.
    """
    if "peewee" in sys.modules:
        return
    drivers = ("psycopg", "psycopg2", "psycopg2cffi")
    present = {name: sys.modules[name] for name in drivers if name in sys.modules}
    sys.modules.update(dict.fromkeys(drivers))  # None: "import psycopg" fails at once
    try:
        import peewee  # noqa: F401
    finally:
        for name in drivers:
            del sys.modules[name]
        sys.modules.update(present)


_load_peewee_without_server_drivers()


def _skip_pyside_source_reading() -> None:
    """Spare PySide6 reading the source of every module imported after it.

    PySide6's `__feature__` switch (snake_case, true_property) keeps a flag per module: its
    import hook reads each newly imported module's source to see whether it names PySide6
    (flag 0) or not (flag -1, ignored when switching). The app selects no feature, so 0 is
    right for every module; reading the sources cost the start about 30 ms for 150 modules.
    Should a PySide6 release rename the hook's helper, the start is slower, not wrong.
    """
    import PySide6.QtCore  # noqa: F401 (installs the hook and its module)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda module: True


_skip_pyside_source_reading()
