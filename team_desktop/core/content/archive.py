"""`.teampack` archives: building them, and opening them as safely as the app must."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from team_desktop.core.content.loader import PackError, load_pack
from team_desktop.core.content.model import Pack
from team_desktop.core.hashing import sha256_file
from team_desktop.core.i18n import _

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
MAX_ENTRIES = 5000
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # compression ratio beyond which a large entry is taken for a zip bomb
CHUNK = 1024 * 1024
FIXED_DATE = (2020, 1, 1, 0, 0, 0)

ProgressCallback = Callable[[int, int], None]


class PackArchiveError(Exception):
    """A `.teampack` the app refuses; the message says why, in plain French."""


def pack_files(root: Path) -> list[str]:
    """Files of a pack folder that go into its archive, as sorted POSIX paths."""
    files = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        if path.is_file():
            files.append(relative.as_posix())
    return files


def build_archive(root: Path, output: Path) -> dict:
    """Write the pack in `root` to `output`; refuses a pack with problems. Returns the manifest."""
    pack, problems = load_pack(root)
    if pack is None:
        raise PackError(problems)
    files = pack_files(root)
    manifest = {
        "format": FORMAT_VERSION,
        "pack": pack.meta,
        "files": {name: sha256_file(root / name) for name in files},
    }
    tmp = output.with_name(output.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _write_entry(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        for name in files:
            _write_entry(archive, name, (root / name).read_bytes())
    tmp.replace(output)
    return manifest


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    # A fixed date makes builds of the same content byte-identical.
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    archive.writestr(info, data)


def extract_archive(path: Path, dest: Path, progress: ProgressCallback | None = None) -> Pack:
    """Verify `path` entry by entry while extracting it into the empty folder `dest`.

    Raises PackArchiveError, having written nothing outside `dest`, if anything is wrong.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackArchiveError(
            _("Ce fichier n'est pas un pack TEAM : ce n'est pas une archive zip lisible.")
        ) from error
    with archive:
        infos = archive.infolist()
        _check_entries(infos)
        manifest = _read_manifest(archive)
        files = manifest["files"]
        names = {info.filename for info in infos if not info.is_dir()} - {MANIFEST}
        missing = sorted(set(files) - names)
        extra = sorted(names - set(files))
        if missing:
            raise PackArchiveError(
                _(
                    "Pack incomplet : le fichier « {n} » annoncé par le manifeste est absent."
                ).format(n=missing[0])
            )
        if extra:
            raise PackArchiveError(
                _("Pack refusé : le fichier « {n} » n'est pas déclaré dans le manifeste.").format(
                    n=extra[0]
                )
            )
        entries = [i for i in infos if not i.is_dir() and i.filename != MANIFEST]
        total = sum(info.file_size for info in entries)
        done = 0
        for info in entries:
            _extract_entry(archive, info, dest, files[info.filename])
            done += info.file_size
            if progress:
                progress(done, total)
    pack, problems = load_pack(dest)
    if pack is None:
        first = problems[0] if problems else None
        raise PackArchiveError(_("Pack refusé : son contenu est invalide ({p}).").format(p=first))
    if pack.meta.get("id") != manifest["pack"].get("id") or pack.version != manifest["pack"].get(
        "version"
    ):
        raise PackArchiveError(_("Pack refusé : le manifeste ne correspond pas à pack.toml."))
    return pack


def _extract_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, expected: str
) -> None:
    """Write one entry under `dest`, counting real bytes and checking its SHA-256."""
    target = dest.joinpath(*PurePosixPath(info.filename).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    written = 0
    try:
        with archive.open(info) as source, target.open("wb") as out:
            for block in iter(lambda: source.read(CHUNK), b""):
                written += len(block)
                # Header sizes can lie: count what really comes out.
                if written > info.file_size or written > MAX_TOTAL_BYTES:
                    raise PackArchiveError(
                        _(
                            "Pack refusé : « {n} » se décompresse au-delà de sa taille annoncée."
                        ).format(n=info.filename)
                    )
                digest.update(block)
                out.write(block)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        # Corrupt data, encrypted entries and unknown compression methods all end here.
        raise PackArchiveError(
            _("Pack endommagé : « {n} » est illisible ({e}). Recopiez le fichier.").format(
                n=info.filename, e=error
            )
        ) from error
    if digest.hexdigest() != expected:
        raise PackArchiveError(
            _(
                "Pack endommagé : l'empreinte de « {n} » ne correspond pas au manifeste. Recopiez le fichier."
            ).format(n=info.filename)
        )


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise PackArchiveError(
            _("Pack refusé : il contient trop de fichiers ({n}).").format(n=len(infos))
        )
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or (len(name) > 1 and name[1] == ":")
            or ".." in parts
        ):
            raise PackArchiveError(
                _("Pack refusé : le chemin « {n} » sortirait du dossier du pack.").format(n=name)
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackArchiveError(
                _("Pack refusé : « {n} » est un lien symbolique.").format(n=name)
            )
        total += info.file_size
        if (
            info.file_size > CHUNK
            and info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
        ):
            raise PackArchiveError(
                _("Pack refusé : « {n} » est anormalement compressé (archive piégée ?).").format(
                    n=name
                )
            )
    if total > MAX_TOTAL_BYTES:
        raise PackArchiveError(
            _("Pack refusé : une fois décompressé il dépasserait {mb} Mo.").format(
                mb=MAX_TOTAL_BYTES // 2**20
            )
        )


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        with archive.open(MANIFEST) as handle:
            manifest = json.loads(handle.read(MAX_TOTAL_BYTES // 100))
    except KeyError as error:
        raise PackArchiveError(
            _("Ce fichier n'est pas un pack TEAM : il n'a pas de manifeste.")
        ) from error
    except (ValueError, zipfile.BadZipFile) as error:
        raise PackArchiveError(_("Pack endommagé : son manifeste est illisible.")) from error
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT_VERSION
        or not isinstance(manifest.get("pack"), dict)
        or not isinstance(manifest.get("files"), dict)
        or not all(isinstance(v, str) for v in manifest["files"].values())
    ):
        raise PackArchiveError(
            _("Pack refusé : manifeste d'un format inconnu (mettez TEAM Desktop à jour ?).")
        )
    return manifest
