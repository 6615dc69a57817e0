"""The research commands of `team-server`: export the dataset, grant the role, forward now."""

from __future__ import annotations

import sys
from pathlib import Path

from team_server.db import database
from team_server.models import User
from team_server.research import lrs
from team_server.research.export import write_dataset
from team_server.settings import Settings


def export(out: Path) -> int:
    """`team-server research-export --out DIR`."""
    with database.connection_context():
        counts = write_dataset(out)
    lines = ", ".join(f"{name} : {count}" for name, count in counts.items())
    print(f"Jeu de données écrit dans {out} ({lines}).")
    return 0


def grant(username: str, revoke: bool) -> int:
    """`team-server grant-researcher USERNAME [--revoke]`."""
    with database.connection_context():
        changed = (
            User.update(researcher=not revoke)
            .where(User.username == username.strip().lower())
            .execute()
        )
    if not changed:
        print(f"team-server : compte inconnu : {username}", file=sys.stderr)
        return 1
    state = "n'est plus chercheur" if revoke else "est maintenant chercheur"
    print(f"{username} {state}.")
    return 0


def forward(settings: Settings) -> int:
    """`team-server forward-statements`: one pass now; 1 when the LRS could not take them."""
    if not settings.lrs_url:
        print("team-server : aucun LRS configuré (--lrs-url ou TEAM_LRS_URL).", file=sys.stderr)
        return 2
    config = lrs.LrsConfig(settings.lrs_url, settings.lrs_user, settings.lrs_password)
    with database.connection_context():
        report = lrs.forward_once(config)
        left = lrs.waiting()
    print(
        f"Traces envoyées : {report.sent}, refusées par le LRS : {report.refused}, en attente : {left}."
    )
    if report.error:
        print(f"team-server : {report.error}", file=sys.stderr)
        return 1
    return 0
