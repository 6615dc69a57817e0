"""`team-server`: serve the API (the default), migrate the database, administer it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from peewee import Database, OperationalError

from team_server import __version__, migrations, objectstore
from team_server.db import DatabaseUrlError, database, open_database
from team_server.settings import DEFAULT_HOST, DEFAULT_PORT, ENV_SETTINGS, Settings, resolve

COMMANDS = (
    "serve",
    "migrate",
    "create-user",
    "publish-pack",
    "research-export",
    "grant-researcher",
    "forward-statements",
    "deliver-bundle",
    "move-files",
    "set-quota",
)


def build_parser() -> argparse.ArgumentParser:
    storage = argparse.ArgumentParser(add_help=False)
    storage.add_argument(
        "--data-dir", metavar="DOSSIER", help="dossier de données (base SQLite intégrée)"
    )
    storage.add_argument(
        "--database-url",
        metavar="URL",
        help="base partagée, par exemple postgresql://utilisateur:motdepasse@hote/base "
        "(ou la variable TEAM_DATABASE_URL) ; sans elle, SQLite dans le dossier de données",
    )
    storage.add_argument(
        "--file-storage",
        metavar="STOCKAGE",
        help="où garder les fichiers : database (par défaut) ou s3://seau/prefixe "
        "(ou la variable TEAM_FILE_STORAGE)",
    )
    storage.add_argument(
        "--s3-endpoint",
        metavar="URL",
        help="adresse d'un stockage compatible S3 (ou TEAM_S3_ENDPOINT) ; sans elle, AWS",
    )
    lrs = argparse.ArgumentParser(add_help=False)
    for option, variable, what in (
        ("--lrs-url", "TEAM_LRS_URL", "adresse xAPI du Learning Record Store"),
        ("--lrs-user", "TEAM_LRS_USER", "identifiant sur le LRS"),
        ("--lrs-password", "TEAM_LRS_PASSWORD", "mot de passe sur le LRS"),
    ):
        lrs.add_argument(option, metavar=option[6:].upper(), help=f"{what} (ou {variable})")
    parser = argparse.ArgumentParser(
        prog="team-server", description="Serveur de TEAM Desktop (sans argument : servir l'API)."
    )
    parser.add_argument("--version", action="version", version=f"team-server {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    serve = commands.add_parser("serve", parents=[storage, lrs], help="servir l'API (par défaut)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"adresse d'écoute ({DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    serve.add_argument("--workers", type=int, default=1, help="processus de travail (1)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="adresse publique du serveur, émetteur des attestations (ou TEAM_PUBLIC_URL)",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        metavar="ADRESSES",
        help="mandataires (répartiteur de charge) dont on croit X-Forwarded-For",
    )
    serve.add_argument(
        "--lrs-interval",
        type=float,
        metavar="SECONDES",
        help="intervalle entre deux envois des traces au LRS (30)",
    )
    serve.add_argument(
        "--session-days",
        type=float,
        metavar="JOURS",
        help="une session (un appareil) inutilisée ce nombre de jours expire (120)",
    )
    serve.add_argument(
        "--quota-mo",
        type=float,
        metavar="MO",
        help="espace par compte, fichiers et enregistrements (1024 ; 0 : sans limite)",
    )
    serve.add_argument(
        "--body-timeout",
        type=float,
        metavar="SECONDES",
        help="délai pour recevoir tout le corps d'une requête (60)",
    )
    commands.add_parser("migrate", parents=[storage], help="mettre le schéma de la base à jour")
    create = commands.add_parser(
        "create-user",
        parents=[storage],
        help="créer un compte (et un groupe qu'il anime, avec --group)",
    )
    create.add_argument("username", metavar="IDENTIFIANT")
    create.add_argument("--display-name", metavar="NOM", required=True, help="nom affiché")
    create.add_argument(
        "--password-stdin",
        action="store_true",
        help="lire le mot de passe sur l'entrée standard (sinon, il est demandé deux fois)",
    )
    create.add_argument("--group", metavar="NOM", help="créer aussi ce groupe, animé par ce compte")
    export = commands.add_parser(
        "research-export",
        parents=[storage],
        help="écrire le jeu de données de recherche (apprenants consentants seulement)",
    )
    export.add_argument("--out", metavar="DOSSIER", type=Path, required=True)
    grant = commands.add_parser(
        "grant-researcher", parents=[storage], help="donner (ou retirer) le rôle de chercheur"
    )
    grant.add_argument("username", metavar="IDENTIFIANT")
    grant.add_argument("--revoke", action="store_true", help="retirer le rôle")
    quota = commands.add_parser(
        "set-quota", parents=[storage], help="donner à un compte son propre espace de stockage"
    )
    quota.add_argument("username", metavar="IDENTIFIANT")
    size = quota.add_mutually_exclusive_group(required=True)
    size.add_argument(
        "--mo", type=float, metavar="MO", help="espace du compte en Mo (0 : sans limite)"
    )
    size.add_argument(
        "--default", action="store_true", help="revenir à l'espace de tous (--quota-mo)"
    )
    commands.add_parser(
        "forward-statements",
        parents=[storage, lrs],
        help="envoyer maintenant au LRS les traces xAPI en attente",
    )
    publish = commands.add_parser(
        "publish-pack", parents=[storage], help="vérifier puis publier un fichier .teampack"
    )
    publish.add_argument("file", metavar="FICHIER.teampack", type=Path)
    deliver = commands.add_parser(
        "deliver-bundle",
        parents=[storage],
        help="appliquer un fichier .teamsync d'un appareil hors ligne et écrire sa réponse",
    )
    deliver.add_argument("file", metavar="FICHIER.teamsync", type=Path)
    deliver.add_argument(
        "--out", metavar="REPONSE.teamsync", type=Path, required=True, help="réponse à écrire"
    )
    move = commands.add_parser(
        "move-files",
        parents=[storage],
        help="déplacer les fichiers gardés dans la base vers un stockage S3 (reprend où il "
        "s'est arrêté)",
    )
    move.add_argument("--to", metavar="s3://SEAU/PREFIXE", required=True, help="destination")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `team-server`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "serve")
    options = build_parser().parse_args(args)
    given = ("lrs_url", "lrs_user", "lrs_password", "file_storage", "s3_endpoint")
    extra = {key: getattr(options, key, None) for key in given}
    if options.command == "serve":
        extra.update(
            host=options.host,
            port=options.port,
            workers=options.workers,
            lrs_interval=options.lrs_interval,
            public_url=options.public_url,
            session_days=options.session_days,
            quota_bytes=None if options.quota_mo is None else int(options.quota_mo * 2**20),
            body_timeout=options.body_timeout,
        )
    settings = resolve(options.data_dir, options.database_url, **extra)
    # What the server writes (its SQLite database, the archives it builds) is for its own
    # account only: other local users read nothing of the learners'.
    os.umask(0o077)
    try:
        status = run_command(options, settings)
    except (migrations.SchemaError, DatabaseUrlError, objectstore.StorageError) as error:
        print(f"team-server : {error}", file=sys.stderr)
        return 2
    except OperationalError as error:
        print(f"team-server : base de données inaccessible ({error}).", file=sys.stderr)
        return 2
    if status is not None:
        return status
    return serve(settings, options.forwarded_allow_ips)


def run_command(options: argparse.Namespace, settings: Settings) -> int | None:
    """Migrate, publish, or prepare the database for serving (then None)."""
    db = open_database(settings.effective_database_url)
    objectstore.configure(settings.file_storage, settings.s3_endpoint)
    if objectstore.target() is not None and options.command == "serve":
        objectstore.check(objectstore.target())
    try:
        if options.command == "migrate":
            before, after = migrations.migrate(db)
            print(f"Schéma de la base : {before} → {after}.")
            return 0
        prepare(settings, db)
        if options.command == "publish-pack":
            return publish_pack(db, options.file)
        if options.command == "create-user":
            from team_server import admin_cli

            database.initialize(db)
            return admin_cli.create_user(options)
        if options.command == "set-quota":
            from team_server import admin_cli

            database.initialize(db)
            return admin_cli.set_quota(options)
        if options.command == "move-files":
            return move_files(db, objectstore.parse(options.to))
        if options.command == "deliver-bundle":
            return deliver_bundle(db, options, settings)
        if options.command in RESEARCH_COMMANDS:
            from team_server import research_cli

            database.initialize(db)
            return RESEARCH_COMMANDS[options.command](research_cli, options, settings)
        return None
    finally:
        db.close_all()


KEEP_ALIVE_SECONDS = 5  # idle kept-alive connections: closed after this

RESEARCH_COMMANDS = {
    "research-export": lambda cli, options, _settings: cli.export(options.out),
    "grant-researcher": lambda cli, options, _settings: cli.grant(options.username, options.revoke),
    "forward-statements": lambda cli, _options, settings: cli.forward(settings),
}


def prepare(settings: Settings, db: Database) -> None:
    """The embedded SQLite file migrates itself when new; any other database must be migrated
    with `team-server migrate` first."""
    if settings.embedded and migrations.is_fresh(db):
        migrations.migrate(db)
    migrations.check_schema(db)


def publish_pack(db: Database, path: Path) -> int:
    from team_server.publishing import PublishError, publish

    database.initialize(db)
    try:
        info, new = publish(path)
    except PublishError as error:
        print(f"team-server : pack refusé : {error}", file=sys.stderr)
        return 1
    state = "publié" if new else "déjà publié, identique"
    print(f"{info['id']} {info['version']} ({info['title']}) : {state}, sha256 {info['sha256']}.")
    return 0


def move_files(db: Database, to: objectstore.Location | None) -> int:
    from team_server.file_moves import move_files as move

    if to is None:
        raise objectstore.StorageError("--to attend une destination s3://seau/prefixe.")
    objectstore.check(to)
    database.initialize(db)
    moved = move(to)
    print(moved.summary(to))
    return 1 if moved.damaged else 0


def deliver_bundle(db: Database, options: argparse.Namespace, settings: Settings) -> int:
    from team_server.bundles import BundleError, deliver

    database.initialize(db)
    try:
        with database.connection_context():
            summary = deliver(options.file, options.out, settings)
    except BundleError as error:
        print(f"team-server : fichier refusé : {error}", file=sys.stderr)
        return 1
    print(summary, end="")
    print(f"Réponse écrite : {options.out}")
    return 0


def serve(settings: Settings, forwarded_allow_ips: str | None) -> int:
    from team_server import serving  # uvicorn: only to serve

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.data_dir.chmod(0o700)
    # Every worker process builds its app from these settings.
    os.environ[ENV_SETTINGS] = settings.to_env()
    serving.run(
        serving.TcpConfig(
            "team_server.app:create_app_from_env",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            # X-Forwarded-For names the client only when a proxy we were told of sets it:
            # uvicorn otherwise believes it from 127.0.0.1, so a local user could spoof the
            # address that login throttling counts.
            proxy_headers=forwarded_allow_ips is not None,
            forwarded_allow_ips=forwarded_allow_ips,
            # An idle kept-alive connection is closed after this; nginx reuses its own.
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            log_level="info",
        )
    )
    return 0
