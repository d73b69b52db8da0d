"""Each file read in a child process of its own, killed from outside when it overruns.

The time limit inside a reader (``pipeline.time_limit``, a SIGALRM) cannot stop a library that
swallows the exception or sits in C code; a child process killed with SIGKILL stops whatever
it runs. A file that kills or hangs its reader costs that file only, and the child's peak
memory and time are measured from outside (``wait4``), whatever the library did.

A memory limit, when given, is growth over what the child inherited: the child sets its own
``RLIMIT_AS`` (address space) to its size at the fork plus the limit, so an allocation past it
fails (Python's ``MemoryError``, a C library's failed ``malloc``) and the child ends with
``out_of_memory``. A fixed limit would misfire, since the fork already holds all the parent's
mappings. The address space is what the kernel can refuse at the moment of asking; resident
memory is only measured afterwards.

POSIX only (``fork``): a child shares the parent's pages until it writes them, so whatever
the parent has loaded before (see ``pipeline.warm_up``) costs the children nothing.
"""

from __future__ import annotations

import os
import pickle
import resource
import selectors
import signal
import struct
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 1 << 16
OUT_OF_MEMORY = 75
"""A child's exit status when its function ran out of the memory limit (``MemoryError``)."""
MEASURE = struct.Struct("<Q")
"""A measure a child sends, in bytes: its resident set as it starts, then, before its result
(or as it runs out of memory), its peak address space (``VmPeak``)."""


@dataclass(frozen=True)
class Isolated(Generic[T, R]):
    """What one child did with one item: its result, or why it has none, and what it cost.

    ``peak_rss`` is the child's largest resident set in bytes; it includes the pages the
    child inherited from the parent (``start_rss``, the parent's resident set at the fork).
    A fork does not map the parent's file pages until they are touched, so the child starts
    smaller (``child_start_rss``, as it measured itself; 0 if it could not say). The memory
    limit counts address space: ``start_address_space`` at the fork, the child's largest
    ``peak_address_space`` (0 when it sent none: killed, or dead).
    """

    item: T
    result: R | None
    seconds: float
    peak_rss: int
    start_rss: int
    killed: bool = False
    failure: str = ""
    out_of_memory: bool = False
    child_start_rss: int = 0
    start_address_space: int = 0
    peak_address_space: int = 0

    @property
    def ok(self) -> bool:
        return not self.failure

    @property
    def rss_growth(self) -> int:
        """What the child added to its resident set (bytes)."""
        return self.peak_rss - (self.child_start_rss or self.start_rss)

    @property
    def address_space_growth(self) -> int:
        """What the child added to its address space (bytes; 0 when it did not say)."""
        return max(0, self.peak_address_space - self.start_address_space)


@dataclass
class _Child(Generic[T]):
    index: int
    item: T
    pid: int
    fd: int
    started: float
    start_rss: int
    start_address_space: int
    received: bytearray
    killed: bool = False


def run_isolated(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    kill_after: float | None,
    memory_limit: int | None = None,
) -> Iterator[Isolated[T, R]]:
    """``function(item)`` for every item, each in its own child process, at most ``jobs`` at a
    time, yielded in input order. A child still running ``kill_after`` seconds after it
    started is killed (SIGKILL; ``None``: never); a child may grow its address space by
    ``memory_limit`` bytes over what it inherited (``None``: no limit), and one that runs out
    ends with ``out_of_memory``. A child that dies or raises gives a result of ``None`` with
    the reason in ``failure``. The result must pickle."""
    limit = float("inf") if kill_after is None else kill_after
    jobs = max(1, jobs)
    done: dict[int, Isolated[T, R]] = {}
    running: dict[int, _Child[T]] = {}
    following, next_to_yield = 0, 0
    with selectors.DefaultSelector() as selector:
        try:
            while next_to_yield < len(items):
                # Start children while there is room, never running far ahead of what is yielded.
                while len(running) < jobs and following < len(items) and following - next_to_yield < 2 * jobs:
                    child = _start(function, following, items[following], memory_limit)
                    running[child.fd] = child
                    selector.register(child.fd, selectors.EVENT_READ)
                    following += 1
                while next_to_yield in done:
                    yield done.pop(next_to_yield)
                    next_to_yield += 1
                if not running:
                    continue
                now = time.monotonic()
                soonest = min(child.started + limit for child in running.values())
                wait = None if soonest == float("inf") else max(0.0, soonest - now)
                for key, _ in selector.select(timeout=wait):
                    child = running[key.fd]
                    chunk = os.read(key.fd, CHUNK)
                    if chunk:
                        child.received += chunk
                        continue
                    selector.unregister(key.fd)
                    del running[key.fd]
                    done[child.index] = _finish(child)
                now = time.monotonic()
                for fd, child in list(running.items()):
                    if now >= child.started + limit:
                        child.killed = True
                        os.kill(child.pid, signal.SIGKILL)
                        selector.unregister(fd)
                        del running[fd]
                        done[child.index] = _finish(child)
                while next_to_yield in done:
                    yield done.pop(next_to_yield)
                    next_to_yield += 1
        finally:
            for fd, child in running.items():  # the caller stopped early, or was interrupted
                os.kill(child.pid, signal.SIGKILL)
                os.waitpid(child.pid, 0)
                os.close(fd)


def _start(function: Callable[[T], R], index: int, item: T, memory_limit: int | None) -> _Child[T]:
    read_end, write_end = os.pipe()
    start_rss, start_address_space = resident_bytes(), address_space_bytes()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: run, send the pickled result, leave without any clean-up
        code = 0
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            _send(write_end, MEASURE.pack(resident_bytes()))
            if memory_limit is not None:
                limit_growth(memory_limit)
            payload = pickle.dumps(function(item), protocol=pickle.HIGHEST_PROTOCOL)
            _send(write_end, MEASURE.pack(peak_address_space_bytes()))
            _send(write_end, payload)
        except MemoryError:
            code = OUT_OF_MEMORY
        except BaseException:
            code = 70
        finally:
            # Nothing may escape past here: the child would go on running the parent's code.
            try:
                if code == OUT_OF_MEMORY:  # once the exception has let go of what it held
                    _send(write_end, MEASURE.pack(peak_address_space_bytes()))
            finally:
                os._exit(code)
    os.close(write_end)
    return _Child(index, item, pid, read_end, started, start_rss, start_address_space, bytearray())


def _send(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def limit_growth(growth: int) -> None:
    """Let this process's address space grow by ``growth`` bytes over its size now, no more
    (soft and hard limit alike, so nothing it runs can raise it again)."""
    ceiling = address_space_bytes() + growth
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _finish(child: _Child[T]) -> Isolated[T, R]:
    """Reap the child (its rusage is its own) and turn what it sent into a result."""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - child.started
    os.close(child.fd)
    result: R | None = None
    failure = ""
    received, size = child.received, MEASURE.size
    child_start_rss, peak_address_space = (
        MEASURE.unpack_from(received, offset)[0] if len(received) >= offset + size else 0
        for offset in (0, size)
    )
    out_of_memory = os.WIFEXITED(status) and os.WEXITSTATUS(status) == OUT_OF_MEMORY
    if child.killed:
        failure = "killed at the time limit"
    elif os.WIFSIGNALED(status):
        failure = f"died of {signal.Signals(os.WTERMSIG(status)).name}"
    elif out_of_memory:
        failure = "ran out of its memory limit"
    elif os.waitstatus_to_exitcode(status) != 0 or len(received) <= 2 * size:
        failure = f"exited with status {os.waitstatus_to_exitcode(status)} and no result"
    else:
        # The child is a fork of this process and already holds everything it holds, so its
        # pickle is trusted no more than the fork itself was.
        result = pickle.loads(bytes(received[2 * size :]))  # noqa: S301
    return Isolated(
        child.item,
        result,
        seconds,
        usage.ru_maxrss * 1024,
        child.start_rss,
        child.killed,
        failure,
        out_of_memory,
        child_start_rss,
        child.start_address_space,
        peak_address_space,
    )


def resident_bytes() -> int:
    """This process's resident set now (Linux ``/proc``; 0 where it is not available)."""
    return _statm(1)


def address_space_bytes() -> int:
    """This process's address space now (what ``RLIMIT_AS`` counts; Linux ``/proc``, else 0)."""
    return _statm(0)


def _statm(field: int) -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def peak_address_space_bytes() -> int:
    """This process's largest address space so far (``VmPeak``; Linux ``/proc``, else 0)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0
