"""Decide whether a SQLite file may live where the user put it.

SQLite's locking and WAL are unreliable on network file systems, so UNC paths, remote drives and network
mounts are refused (no "open anyway"); cloud-sync folders only get a warning because the file is local.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PureWindowsPath

from erpdesk.domain.errors import DomainError

NETWORK_FS_TYPES = frozenset(
    {
        "cifs",
        "smb",
        "smbfs",
        "smb2",
        "smb3",
        "nfs",
        "nfs4",
        "sshfs",
        "9p",
        "davfs",
        "webdav",
        "afs",
        "ncpfs",
        "glusterfs",
        "ceph",
        "lustre",
        "gpfs",
        "beegfs",
        "vboxsf",
        "vmhgfs",
        "prl_fs",
        "fuse",
    }
)
CLOUD_SYNC_MARKERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "百度网盘": "百度网盘",
    "baidunetdisk": "百度网盘",
    "坚果云": "坚果云",
    "nutstore": "坚果云",
    "icloud": "iCloud",
    "google drive": "Google Drive",
}
_DRIVE_REMOTE = 4


def _is_unc(path: str) -> bool:
    r"""``\\server\share``, ``//server/share`` and ``\\?\UNC\…``; not ``\\?\C:\…`` (local)."""
    text = path.replace("/", "\\").lower()
    if text.startswith(("\\\\?\\unc\\", "\\\\.\\unc\\")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return text.startswith("\\\\")


def _windows_drive_is_remote(path: str) -> bool:
    import ctypes

    root = PureWindowsPath(os.path.abspath(path)).anchor
    if not root:
        return False
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE)


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def filesystem_type(path: Path, mounts: Iterable[tuple[str, str]]) -> str | None:
    """Return the type of the mount holding ``path`` (longest mount-point prefix), if known."""
    best: tuple[int, str] | None = None
    text = str(path)
    for mount_point, fs_type in mounts:
        prefix = mount_point.rstrip("/") + "/"
        if (text == mount_point or text.startswith(prefix) or mount_point == "/") and (
            best is None or len(mount_point) > best[0]
        ):
            best = (len(mount_point), fs_type)
    return best[1] if best else None


def is_network_fs(fs_type: str | None) -> bool:
    """True for network and FUSE file system types (``fuse.sshfs``, ``nfs4``, ``cifs``…)."""
    if not fs_type:
        return False
    base = fs_type.lower().split(".")[0]
    return base in NETWORK_FS_TYPES or fs_type.lower() in NETWORK_FS_TYPES


def check_sqlite_location(
    path: str | os.PathLike[str],
    *,
    mounts: Iterable[tuple[str, str]] | None = None,
    windows: bool | None = None,
) -> str | None:
    """Refuse a network location; return a cloud-sync warning message id's service name, or None.

    Raises:
        DomainError: ``db.network_path`` for UNC paths, remote drives and network mounts.
    """
    raw = os.fspath(path)
    windows = os.name == "nt" if windows is None else windows
    if _is_unc(raw):
        raise DomainError("db.network_path", path=raw)
    if windows:
        if _windows_drive_is_remote(raw):
            raise DomainError("db.network_path", path=raw)
    else:
        resolved = Path(raw).resolve()
        table = _linux_mounts() if mounts is None else list(mounts)
        if is_network_fs(filesystem_type(resolved, table)):
            raise DomainError("db.network_path", path=raw)
    lowered = raw.lower()
    for marker, service in CLOUD_SYNC_MARKERS.items():
        if marker in lowered:
            return service
    return None
