"""Who this worker is, and whether the worker named in a claim has certainly died.

A claim (a source being polled, a drop-folder file being read) names its holder as
"host,pid,start,thread". On the holder's own host a dead holder is seen at once: no such process,
or a process that started at another moment (the pid was reused, as it is after a restart in a
container, where the worker is always pid 1). Elsewhere only the claim's lease can tell.
"""

import os
import re
import socket
import threading
from pathlib import Path

HOST = re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname()) or "localhost"


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22; the fields after the name start at 3


def owner() -> str:
    """This thread of this process, as claims name their holder."""
    return f"{HOST},{os.getpid()},{_start_time(os.getpid()) or '-'},{threading.get_native_id()}"


def gone(holder: str) -> bool:
    """Whether the holder of a claim has certainly died; False when it cannot be known from here."""
    host, pid, start, thread = (holder.split(",") + ["", "", ""])[:4]
    if host != HOST or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        if start != (_start_time(os.getpid()) or "-"):
            return True  # an earlier life of this pid
        # This thread holds nothing while it looks for work; another thread holds it while it lives.
        return thread == str(threading.get_native_id()) or thread not in {
            str(t.native_id) for t in threading.enumerate()
        }
    current = _start_time(int(pid))
    if current is not None:
        return current != start
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, as another user
    return False
