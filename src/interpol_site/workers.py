"""Independent tasks on every core: forked worker processes, the build's own included.

A task is a callable that the workers inherit when they are forked, so nothing is
pickled on the way in: they see the corpus, the site and the staging folder as the
build left them. Each task returns a small picklable result (what it wrote, where).
Workers take the next task from a shared counter, so a slow task does not hold the
others back, and send their results home when the tasks run out; ``run`` returns them
in task order, as a serial run would. A worker dies with the build (PR_SET_PDEATHSIG),
and an error in any task stops the others and is raised in the build, with the
worker's traceback when it happened there.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


class WorkerError(RuntimeError):
    """A task failed in a worker process; the message carries its traceback."""


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and "fork" in mp.get_all_start_methods()


def run(tasks: Sequence[Callable[[], T]], jobs: int,
        progress: Callable[[int, int], None] | None = None) -> list[T]:
    """Each task's result, in task order; with ``jobs`` > 1, on ``jobs`` processes.
    ``progress(tasks taken, tasks)`` is called after each task this process runs."""
    jobs = min(jobs, len(tasks))
    if jobs <= 1 or not can_fork():
        out = []
        for task in tasks:
            out.append(task())
            if progress:
                progress(len(out), len(tasks))
        return out
    counter = mp.get_context("fork").Value("l", 0)  # shared memory: the next task to take
    children: list[tuple[int, int]] = []  # (pid, read end of its result pipe)
    parent = os.getpid()
    sys.stdout.flush()  # a child must not print what the build had buffered
    sys.stderr.flush()
    try:
        for _ in range(jobs - 1):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(read)
                _work(tasks, counter, write, parent)
            os.close(write)
            children.append((pid, read))
        done = dict(_take(tasks, counter, progress))
        for pid, read in children:
            with os.fdopen(read, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            if not data:
                raise WorkerError(f"a worker process ended without results (status {status})")
            status_kind, payload = pickle.loads(data)
            if status_kind == "error":
                raise WorkerError(payload)
            done.update(payload)
        children.clear()
    finally:
        with counter.get_lock():
            counter.value = len(tasks)  # the others take nothing more
        for pid, read in children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            try:
                os.close(read)
            except OSError:
                pass
    return [done[i] for i in range(len(tasks))]


def _take(tasks: Sequence[Callable[[], T]], counter,
          progress: Callable[[int, int], None] | None = None) -> list[tuple[int, T]]:
    """Run tasks until none is left; (index, result) of those this process ran."""
    out = []
    while True:
        with counter.get_lock():
            i = counter.value
            counter.value = i + 1
        if i >= len(tasks):
            return out
        out.append((i, tasks[i]()))
        if progress:
            progress(min(counter.value, len(tasks)), len(tasks))


def _work(tasks: Sequence[Callable[[], T]], counter, write: int, parent: int) -> None:
    """The body of a worker process: take tasks, send the results, exit."""
    code = 0
    try:
        _die_with_parent()
        if os.getppid() != parent:  # the build died before the line above took effect
            os._exit(3)
        try:
            message: tuple = ("ok", _take(tasks, counter))
        except BaseException:
            with counter.get_lock():
                counter.value = len(tasks)
            message = ("error", traceback.format_exc())
            code = 1
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 2
    finally:
        os._exit(code)


def _die_with_parent() -> None:
    """On Linux, the worker is killed when the build process dies (even by SIGKILL)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


__all__ = ["WorkerError", "can_fork", "cores", "run"]
