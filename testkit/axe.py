"""axe-core for the accessibility audit: one pinned release from the npm registry, checked and cached.

`axe_script()` returns the path of `axe.min.js` for `page.add_script_tag(path=...)`. The first call
runs `npm pack axe-core@AXE_VERSION` into `.cache/axe-core/` (git-ignored); every call checks the
tarball against the pinned `dist.integrity` (sha512, as `npm view axe-core@AXE_VERSION dist.integrity`
prints it) and extracts `package/axe.min.js` and its `package/LICENSE` from the checked tarball, so a
file changed in the cache is overwritten rather than trusted. A tarball that does not match is
deleted and refused.

To move to another release: change AXE_VERSION and AXE_INTEGRITY together.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AXE_VERSION = "4.14.1"
AXE_INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
CACHE = ROOT / ".cache" / "axe-core"
MEMBERS = {"package/axe.min.js": "axe.min.js", "package/LICENSE": "LICENSE"}


class AxeUnavailable(RuntimeError):
    """axe-core cannot be fetched here (no npm, no registry): the audit cannot run."""


class AxeIntegrityError(RuntimeError):
    """The tarball is not the pinned release: never run it."""


def integrity_of(data: bytes) -> str:
    """The Subresource-Integrity string npm records for a tarball: 'sha512-' + base64 of the digest."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def check_integrity(tarball: Path, expected: str) -> None:
    """Refuse (and delete) a tarball whose sha512 is not the pinned one."""
    actual = integrity_of(tarball.read_bytes())
    if actual != expected:
        tarball.unlink(missing_ok=True)
        raise AxeIntegrityError(f"{tarball.name}: integrity {actual} is not the pinned {expected}; file deleted")


def npm_pack(version: str, destination: Path, npm: str | None = None) -> Path:
    """`npm pack axe-core@version` into `destination`; the tarball's path."""
    npm = npm or shutil.which("npm")
    if npm is None:
        raise AxeUnavailable("npm not found: the accessibility audit needs npm to fetch axe-core from the registry")
    with tempfile.TemporaryDirectory() as scratch:
        try:
            subprocess.run(
                [npm, "pack", f"axe-core@{version}", "--pack-destination", scratch, "--ignore-scripts", "--silent"],
                check=True,
                capture_output=True,
                text=True,
                timeout=300,
            )
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", "") or error
            raise AxeUnavailable(f"npm pack axe-core@{version} failed: {detail}") from error
        packed = sorted(Path(scratch).glob("*.tgz"))
        if len(packed) != 1:
            raise AxeUnavailable(f"npm pack axe-core@{version} wrote {len(packed)} tarballs, not one")
        destination.mkdir(parents=True, exist_ok=True)
        target = destination / f"axe-core-{version}.tgz"
        shutil.move(packed[0], target)
    return target


def extract(tarball: Path, destination: Path) -> Path:
    """Copy axe.min.js and LICENSE out of a checked tarball (by name only: nothing else is unpacked)."""
    with tarfile.open(tarball, "r:gz") as archive:
        for member, name in MEMBERS.items():
            source = archive.extractfile(member)  # KeyError if absent: not an axe-core tarball
            if source is None:
                raise AxeIntegrityError(f"{tarball.name}: {member} is not a regular file")
            (destination / name).write_bytes(source.read())
    return destination / "axe.min.js"


def axe_script(
    cache: Path = CACHE, *, version: str = AXE_VERSION, integrity: str = AXE_INTEGRITY, npm: str | None = None
) -> Path:
    """The path of the pinned axe.min.js, fetched with npm on first use, checked on every use."""
    folder = cache / version
    tarball = folder / f"axe-core-{version}.tgz"
    if not tarball.exists():
        tarball = npm_pack(version, folder, npm)
    check_integrity(tarball, integrity)
    return extract(tarball, folder)
