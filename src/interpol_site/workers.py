"""Independent tasks on every core: forked worker processes, the build's own included.

A task is a callable that the workers inherit when they are forked, so nothing is
pickled on the way in: they see the corpus, the site and the staging folder as the
build left them. Each task returns a picklable result (records, what it wrote).
Workers take the next task from a shared counter, so a slow task does not hold the
others back, and send each result home as soon as it is made; the build process runs
tasks too and reads what the workers sent between its own tasks, so unpickling the
results is shared out like the rest of the work. ``run`` returns the results in task
order, as a serial run would. A worker dies with the build (PR_SET_PDEATHSIG), and an
error in any task stops the others and is raised in the build, with the worker's
traceback when it happened there.
"""

from __future__ import annotations

import fcntl
import multiprocessing as mp
import os
import pickle
import select
import signal
import struct
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

_FRAME = struct.Struct("<Q")  # the length of each pickled message on a worker's pipe
_PIPE_SIZE = 1 << 20  # room for a few results before a worker waits for the build to read


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
    children: list[_Child] = []
    done: dict[int, Any] = {}
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
            children.append(_Child(pid, read))
        while True:
            i = _next(counter, len(tasks))
            if i is None:
                break
            done[i] = tasks[i]()
            for child in children:
                child.receive(done, wait=False)
            if progress:
                progress(min(counter.value, len(tasks)), len(tasks))
        for child in children:
            child.receive(done, wait=True)
            child.reap()
        children.clear()
    finally:
        with counter.get_lock():
            counter.value = len(tasks)  # the others take nothing more
        for child in children:
            child.kill()
    return [done[i] for i in range(len(tasks))]


def _next(counter, count: int) -> int | None:
    """The index of the next task nobody has taken, or None."""
    with counter.get_lock():
        i = counter.value
        counter.value = i + 1
    return i if i < count else None


class _Child:
    """A worker process as the build sees it: its pid and the pipe of its messages
    (``("result", index, value)``, ``("error", traceback)``, ``("done",)``)."""

    def __init__(self, pid: int, read: int):
        self.pid, self.read = pid, read
        self.buffer = bytearray()
        self.finished = False
        os.set_blocking(read, False)

    def receive(self, done: dict[int, Any], wait: bool) -> None:
        """Take the messages that have arrived (with ``wait``, all of them, to the end)."""
        while not self.finished:
            try:
                chunk = os.read(self.read, 1 << 20)
            except BlockingIOError:
                if not wait:
                    return
                select.select([self.read], [], [])
                continue
            if not chunk:
                raise WorkerError(f"a worker process ended before its tasks were done (pid {self.pid})")
            self.buffer += chunk
            while len(self.buffer) >= _FRAME.size:
                (length,) = _FRAME.unpack_from(self.buffer)
                if len(self.buffer) < _FRAME.size + length:
                    break
                message = pickle.loads(memoryview(self.buffer)[_FRAME.size:_FRAME.size + length])
                del self.buffer[:_FRAME.size + length]
                if message[0] == "result":
                    done[message[1]] = message[2]
                elif message[0] == "error":
                    raise WorkerError(message[1])
                else:
                    self.finished = True

    def reap(self) -> None:
        os.close(self.read)
        self.read = -1
        os.waitpid(self.pid, 0)

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        if self.read >= 0:
            try:
                os.close(self.read)
            except OSError:
                pass


def _work(tasks: Sequence[Callable[[], T]], counter, write: int, parent: int) -> None:
    """The body of a worker process: take tasks, send each result, exit."""
    code = 0
    try:
        _die_with_parent()
        if os.getppid() != parent:  # the build died before the line above took effect
            os._exit(3)
        try:
            fcntl.fcntl(write, 1031, _PIPE_SIZE)  # F_SETPIPE_SZ (Linux): fewer waits on the build
        except OSError:
            pass

        def send(message: tuple) -> None:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(_FRAME.pack(len(data)) + data)
            while view:
                view = view[os.write(write, view):]

        try:
            while True:
                i = _next(counter, len(tasks))
                if i is None:
                    break
                send(("result", i, tasks[i]()))
            send(("done",))
        except BaseException:
            with counter.get_lock():
                counter.value = len(tasks)
            send(("error", traceback.format_exc()))
            code = 1
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
