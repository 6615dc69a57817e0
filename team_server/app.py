"""The FastAPI application: routes under /api/v1, French errors, gzip both ways."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from team_server import PROTOCOL, __version__, auth, errors, objectstore
from team_server.db import database, open_database
from team_server.middleware import API, ProtocolMiddleware, RequestBodyMiddleware
from team_server.migrations import check_schema
from team_server.research.lrs import Forwarder, LrsConfig
from team_server.routes import (
    account_controls,
    accounts,
    attestations,
    blobs,
    bundles,
    groups,
    my_data,
    packs,
    research,
    sync,
)
from team_server.settings import Settings
from team_server.sync_lane import GZIP_LEVEL, GZIP_MINIMUM, SyncLane

DESCRIPTION = (
    "Serveur de TEAM Desktop : comptes, groupes, synchronisation et distribution des packs. "
    f"Protocole de synchronisation version {PROTOCOL} : voir docs/sync-protocol.md."
)


def create_app(settings: Settings) -> FastAPI:
    """The application for `settings`; refuses a database that is not at the current schema."""
    auth.return_hash_buffers()  # in each worker process
    db = open_database(settings.effective_database_url)
    check_schema(db)
    database.initialize(db)
    objectstore.configure(settings.file_storage, settings.s3_endpoint)
    app = FastAPI(
        title="TEAM server",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_forwarding(settings),
        # FastAPI's OpenTelemetry hooks looked up the global providers (and the environment)
        # on every request: a few percent of a sync with nothing to do, for tracing that this
        # server neither configures nor documents.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    # Routes are matched in this order: the sync, most of the traffic, first.
    for module in (
        sync,
        accounts,
        account_controls,
        groups,
        bundles,
        blobs,
        packs,
        my_data,
        research,
        attestations,
    ):
        app.include_router(module.router, prefix=API)
    app.include_router(attestations.well_known)
    errors.install(app)
    # Added last runs first: protocol check, then the body reader, then response compression.
    # POST /api/v1/sync never reaches them: team_server/sync_lane.py runs the same checks
    # through the same functions (a check added here must be added there too).
    app.add_middleware(
        GZipMiddleware,
        minimum_size=GZIP_MINIMUM,
        compresslevel=GZIP_LEVEL,
        # Files are served as they are stored: compressing them would break byte ranges.
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/octet-stream"),
    )
    app.add_middleware(
        RequestBodyMiddleware,
        max_bytes=settings.max_body_bytes,
        timeout=settings.body_timeout,
    )
    app.add_middleware(ProtocolMiddleware)
    return app


def _forwarding(settings: Settings):
    """While the app runs, forward statements to the LRS when one is configured."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        forwarder = None
        if settings.lrs_url:
            config = LrsConfig(settings.lrs_url, settings.lrs_user, settings.lrs_password)
            forwarder = Forwarder(config, settings.lrs_interval)
            forwarder.start()
        yield
        if forwarder is not None:
            forwarder.stop()

    return lifespan


def create_app_from_env() -> SyncLane:
    """Factory for uvicorn's worker processes: settings come from the environment; the sync
    is answered in front of the framework (team_server/sync_lane.py), the rest by FastAPI."""
    settings = Settings.from_env()
    return SyncLane(create_app(settings), settings)
