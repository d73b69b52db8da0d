"""Each file read in a child process of its own, killed from outside when it overruns.

The time limit inside a reader (``pipeline.time_limit``, a SIGALRM) cannot stop a library that
swallows the exception or sits in C code; a child process killed with SIGKILL stops whatever
it runs. A file that kills or hangs its reader costs that file only, and the child's peak
memory and time are measured from outside (``wait4``), whatever the library did.

POSIX only (``fork``): a child shares the parent's pages until it writes them, so whatever
the parent has loaded before (see ``pipeline.warm_up``) costs the children nothing.
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 1 << 16


@dataclass(frozen=True)
class Isolated(Generic[T, R]):
    """What one child did with one item: its result, or why it has none, and what it cost.

    ``peak_rss`` is the child's largest resident set in bytes; it includes the pages the
    child inherited from the parent (``start_rss``, the parent's resident set at the fork).
    """

    item: T
    result: R | None
    seconds: float
    peak_rss: int
    start_rss: int
    killed: bool = False
    failure: str = ""

    @property
    def ok(self) -> bool:
        return not self.failure


@dataclass
class _Child(Generic[T]):
    index: int
    item: T
    pid: int
    fd: int
    started: float
    start_rss: int
    received: bytearray
    killed: bool = False


def run_isolated(
    function: Callable[[T], R], items: Sequence[T], *, jobs: int = 1, kill_after: float | None
) -> Iterator[Isolated[T, R]]:
    """``function(item)`` for every item, each in its own child process, at most ``jobs`` at a
    time, yielded in input order. A child still running ``kill_after`` seconds after it
    started is killed (SIGKILL; ``None``: never); a child that dies or raises gives a result of ``None`` with
    the reason in ``failure``. ``function`` and its result must pickle."""
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
                    child = _start(function, following, items[following])
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


def _start(function: Callable[[T], R], index: int, item: T) -> _Child[T]:
    read_end, write_end = os.pipe()
    start_rss = resident_bytes()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: run, send the pickled result, leave without any clean-up
        code = 0
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            payload = pickle.dumps(function(item), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
        except BaseException:
            code = 70
        finally:
            os._exit(code)
    os.close(write_end)
    return _Child(index, item, pid, read_end, started, start_rss, bytearray())


def _finish(child: _Child[T]) -> Isolated[T, R]:
    """Reap the child (its rusage is its own) and turn what it sent into a result."""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - child.started
    os.close(child.fd)
    result: R | None = None
    failure = ""
    if child.killed:
        failure = "killed at the time limit"
    elif os.WIFSIGNALED(status):
        failure = f"died of {signal.Signals(os.WTERMSIG(status)).name}"
    elif os.waitstatus_to_exitcode(status) != 0 or not child.received:
        failure = f"exited with status {os.waitstatus_to_exitcode(status)} and no result"
    else:
        # The child is a fork of this process and already holds everything it holds, so its
        # pickle is trusted no more than the fork itself was.
        result = pickle.loads(bytes(child.received))  # noqa: S301
    return Isolated(
        child.item, result, seconds, usage.ru_maxrss * 1024, child.start_rss, child.killed, failure
    )


def resident_bytes() -> int:
    """This process's resident set now (Linux ``/proc``; 0 where it is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
