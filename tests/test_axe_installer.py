"""The axe-core installer (testkit/axe.py), offline: a checked tarball is unpacked, any other is refused."""

from __future__ import annotations

import io
import stat
import tarfile
from pathlib import Path

import pytest

from testkit.axe import AXE_INTEGRITY, AXE_VERSION, AxeIntegrityError, AxeUnavailable, axe_script, integrity_of

SCRIPT = b"/*! axe v0.0.0-test */ window.axe = {};"


def tarball(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


GOOD = tarball({"package/axe.min.js": SCRIPT, "package/LICENSE": b"MPL-2.0", "package/../../evil": b"x"})


def cached(cache: Path, data: bytes, version: str = "0.0.0") -> Path:
    folder = cache / version
    folder.mkdir(parents=True)
    (folder / f"axe-core-{version}.tgz").write_bytes(data)
    return folder


def fake_npm(tmp_path: Path, data: bytes) -> str:
    """An `npm` that answers `npm pack … --pack-destination DIR` by writing `data` into DIR."""
    (tmp_path / "payload.tgz").write_bytes(data)
    script = tmp_path / "npm"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$#" -gt 0 ]; do [ "$1" = --pack-destination ] && dest="$2"; shift; done\n'
        f'cp "{tmp_path / "payload.tgz"}" "$dest/axe-core-0.0.0.tgz"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_the_pin_is_one_exact_4_14_release_with_a_sha512():
    assert AXE_VERSION.startswith("4.14.") and AXE_VERSION.count(".") == 2 and "-" not in AXE_VERSION
    assert AXE_INTEGRITY.startswith("sha512-") and len(AXE_INTEGRITY) == len(integrity_of(b""))


def test_a_cached_tarball_that_matches_is_unpacked_by_name_only(tmp_path):
    folder = cached(tmp_path, GOOD)
    path = axe_script(tmp_path, version="0.0.0", integrity=integrity_of(GOOD), npm="/nonexistent/npm")
    assert path == folder / "axe.min.js" and path.read_bytes() == SCRIPT
    assert (folder / "LICENSE").read_bytes() == b"MPL-2.0"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["LICENSE", "axe-core-0.0.0.tgz", "axe.min.js"]


def test_a_cached_script_changed_on_disk_is_overwritten_from_the_checked_tarball(tmp_path):
    folder = cached(tmp_path, GOOD)
    (folder / "axe.min.js").write_bytes(b"tampered")
    assert axe_script(tmp_path, version="0.0.0", integrity=integrity_of(GOOD)).read_bytes() == SCRIPT


def test_a_cached_tarball_that_does_not_match_is_refused_and_deleted(tmp_path):
    tampered = tarball({"package/axe.min.js": b"window.axe = evil;", "package/LICENSE": b"MPL-2.0"})
    folder = cached(tmp_path, tampered)
    with pytest.raises(AxeIntegrityError, match="not the pinned"):
        axe_script(tmp_path, version="0.0.0", integrity=integrity_of(GOOD))
    assert not (folder / "axe-core-0.0.0.tgz").exists() and not (folder / "axe.min.js").exists()


def test_a_fresh_download_is_checked_too(tmp_path):
    npm = fake_npm(tmp_path, GOOD)
    cache = tmp_path / "cache"
    assert axe_script(cache, version="0.0.0", integrity=integrity_of(GOOD), npm=npm).read_bytes() == SCRIPT
    other = tmp_path / "other"
    with pytest.raises(AxeIntegrityError):
        axe_script(other, version="0.0.0", integrity=integrity_of(b"something else"), npm=npm)
    assert not list(other.rglob("*.js")) and not list(other.rglob("*.tgz"))


def test_without_npm_the_installer_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no npm on it
    with pytest.raises(AxeUnavailable, match="npm not found"):
        axe_script(tmp_path / "cache", version="0.0.0", integrity=integrity_of(GOOD))


def test_a_failing_npm_is_reported_not_ignored(tmp_path):
    script = tmp_path / "npm"
    script.write_text("#!/bin/sh\necho 'E404 not found' >&2\nexit 1\n")
    script.chmod(0o755)
    with pytest.raises(AxeUnavailable, match="E404"):
        axe_script(tmp_path / "cache", version="0.0.0", integrity=integrity_of(GOOD), npm=str(script))
    assert not list(tmp_path.rglob("*.tgz"))
