"""Technical logs a trainer can send: a rotating file in the data folder, nothing personal.

The log says what the program did and what went wrong (errors, tracebacks, sync outcomes),
never what the learner wrote: no entry or note text, no password, no token. A filter masks
anything that looks like a credential, in case a message carries one by mistake.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from team_desktop.core.paths import DataPaths

LOG_FILE = "team-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 4  # five files of at most 1 MB: small enough to send by mail
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
_SECRETS = re.compile(
    r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?(?:bearer\s+)?|bearer\s+|"
    r"(?:password|passwd|mot_de_passe|token|secret)[\"']?\s*[:=]\s*[\"']?)([^\s\"',}]+)"
)


def log_folder(paths: DataPaths) -> Path:
    """The folder holding the technical logs of this data folder."""
    return paths.root / "logs"


def mask_secrets(text: str) -> str:
    """`text` with what follows "password=", "token:", "Bearer "... replaced by asterisks."""
    return _SECRETS.sub(lambda m: m.group(1) + "***", text)


class SecretMask(logging.Filter):
    """Masks credentials in every record's message and traceback before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        return True


def setup_logging(paths: DataPaths, level: int = logging.INFO) -> Path:
    """Send the app's logging to a rotating file in the data folder; returns its path.

    Called again (another data folder in the same process), it replaces the earlier file.
    """
    folder = log_folder(paths)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(SecretMask())
    handler.set_name("team-desktop-file")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "team-desktop-file"]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return path
