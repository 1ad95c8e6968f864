"""Drop folders: claim each file by renaming it, and take back the files whose reader went away.

A file being read lives in processing/ as "<holder>~<delivery id>~<name>": the holder is the worker
reading it (wire/workers.py) or "released" (a worker that stopped or lost its database gave it
back), and the delivery id is the record its reading began (0 until there is one). The rename is
the claim, so two workers never read one file; whoever renames a file away from a dead holder
resumes its delivery. A holder's sign of life is the file's modification time, touched after every
item; silent for longer than WIRE_LEASE_SECONDS, the holder is taken for dead wherever it runs.
"""

import os
import time
from dataclasses import dataclass
from pathlib import Path

from .workers import gone, owner

RELEASED = "released"
# A file set aside for a task of its own (`queue_files`): never read yet (n), given back (r), or
# taken from a worker that died reading it (i). Its task claims it by renaming it to its own name.
QUEUED = "queued"
OUTCOMES = ("processing", "done", "failed")


@dataclass
class Claim:
    """A file this worker has claimed, and what its reading so far has left."""

    folder: Path
    path: Path  # where the file is now, in processing/
    name: str  # the name the agency gave it
    delivery_id: int | None
    interrupted: bool  # taken from a worker that died while reading it
    resumed: bool = False  # taken back from processing/ (from a dead worker, or given back)

    def record(self, delivery_id: int):
        """Write the delivery's id into the claimed name, so a reading resumed after a crash finds it."""
        if delivery_id != self.delivery_id:
            self.path = _rename(self.path, f"{owner()}~{delivery_id}~{self.name}")
            self.delivery_id = delivery_id

    def heartbeat(self):
        os.utime(self.path)

    def release(self):
        """Give the file back unfinished: any worker takes it at once and resumes its delivery."""
        self.path = _rename(self.path, f"{RELEASED}~{self.delivery_id or 0}~{self.name}")

    def file_away(self, outcome: str):
        os.replace(self.path, self.folder / outcome / self.name)


def claims(folder: Path, lease_seconds: float):
    """Claim files one at a time: first those left by dead or stopped workers, then new ones by name."""
    for sub in OUTCOMES:
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for path in sorted((folder / "processing").iterdir()):
        if not delivered_file(path):
            continue
        holder, delivery_id, name = _parse(path.name)
        if not (holder == RELEASED or (holder and gone(holder)) or _silent(path, lease_seconds)):
            continue  # a live worker is reading it
        if claim := _take(folder, path, name, delivery_id, interrupted=holder != RELEASED, resumed=True):
            yield claim
    for path in sorted(p for p in folder.iterdir() if delivered_file(p)):
        if claim := _take(folder, path, path.name, None, interrupted=False):
            yield claim


def queue_files(folder: Path, lease_seconds: float):
    """Set aside each file waiting for a reader, for a task of its own; yield each one's name in processing/.

    New files in name order, after those left by dead or stopped workers; a file set aside whose
    task has not claimed it within the lease (a queue that lost it) is set aside again. A file is
    set aside only when the caller asks for the next, so a caller that stops leaves the rest alone.
    """
    for sub in OUTCOMES:
        (folder / sub).mkdir(parents=True, exist_ok=True)
    with os.scandir(folder / "processing") as entries:
        waiting = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    for claimed in waiting:
        path = folder / "processing" / claimed
        holder, delivery_id, name = _parse(claimed)
        if holder and holder.startswith(f"{QUEUED}."):
            flag = holder[-1] if _silent(path, lease_seconds) else None
        elif holder == RELEASED:
            flag = "r"
        elif (holder and gone(holder)) or _silent(path, lease_seconds):
            flag = "i"
        else:
            flag = None  # a live worker reads it, or its task waits in the queue
        if flag and delivered_file(path) and (target := _set_aside(path, flag, delivery_id, name)):
            yield target
    with os.scandir(folder) as entries:
        new = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    for name in new:
        path = folder / name
        if delivered_file(path) and (target := _set_aside(path, "n", None, name)):
            yield target


def in_flight(folder: Path, lease_seconds: float) -> int:
    """How many of the folder's files wait in the queue or are being read (not given back, not stale)."""
    processing = folder / "processing"
    if not processing.is_dir():
        return 0
    count = 0
    with os.scandir(processing) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            holder = _parse(entry.name)[0]
            if holder == RELEASED or _silent(Path(entry.path), lease_seconds):
                continue
            if holder and not holder.startswith(f"{QUEUED}.") and gone(holder):
                continue
            count += 1
    return count


def _set_aside(path: Path, flag: str, delivery_id, name) -> str | None:
    target = f"{QUEUED}.{flag}~{delivery_id or 0}~{name}"
    try:
        claimed = _rename(
            path, target, path.parent if path.parent.name == "processing" else path.parent / "processing"
        )
    except FileNotFoundError:
        return None  # another scheduler set it aside first, or a worker claimed it
    os.utime(claimed)  # its lease runs from now
    return target


def claim_queued(folder: Path, queued: str) -> Claim | None:
    """Claim a file set aside by `queue_files`, for this worker; None if another task took it."""
    holder, delivery_id, name = _parse(queued)
    if not (holder and holder.startswith(f"{QUEUED}.")):
        return None
    flag = holder[-1]
    return _take(folder, folder / "processing" / queued, name, delivery_id,
                 interrupted=flag == "i", resumed=flag != "n")  # fmt: skip


def _parse(claimed: str):
    parts = claimed.split("~", 2)
    if len(parts) == 3 and parts[1].isdigit():
        return parts[0], int(parts[1]) or None, parts[2]
    return None, None, claimed  # claimed by an older Copydesk, which named no holder


def _silent(path: Path, lease_seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > lease_seconds
    except FileNotFoundError:
        return False


def _take(folder, path, name, delivery_id, *, interrupted, resumed=False) -> Claim | None:
    try:
        claimed = _rename(path, f"{owner()}~{delivery_id or 0}~{name}", folder / "processing")
    except FileNotFoundError:
        return None  # another worker claimed it first
    os.utime(claimed)  # a rename keeps the agency's time; the lease runs from now
    return Claim(folder, claimed, name, delivery_id, interrupted, resumed)


def _rename(path: Path, name: str, into: Path | None = None) -> Path:
    target = (into or path.parent) / name
    os.rename(path, target)
    return target


def delivered_file(path: Path) -> bool:
    """True for a file an agency delivered: not hidden, not a folder, and not a link.

    A link could lead out of the drop root, to a file the rejection inspector would then show.
    """
    return path.is_file() and not path.is_symlink() and not path.name.startswith(".")
