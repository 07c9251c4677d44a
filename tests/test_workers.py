"""workers: tasks on several forked processes give what a serial run gives."""

from __future__ import annotations

import multiprocessing as mp
import os
import time

import pytest

from interpol_site import workers

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="needs fork")


def test_results_come_back_in_task_order_from_every_process():
    tasks = [lambda i=i: (time.sleep(0.002), i, os.getpid())[1:] for i in range(200)]
    results = workers.run(tasks, 3)
    assert [i for i, _ in results] == list(range(200))
    assert len({pid for _, pid in results}) > 1  # the build process and its workers took tasks


def test_large_results_do_not_stall_the_pipes():
    """Results far larger than a pipe's buffer, from workers and the build alike."""
    tasks = [lambda i=i: bytes([i % 256]) * (3 << 20) for i in range(12)]
    assert workers.run(tasks, 2) == [task() for task in tasks]


def _flag():
    """A flag in shared memory, seen by the build process and the workers it forks."""
    return mp.get_context("fork").Value("b", 0)


def _wait_for(flag, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not flag.value and time.monotonic() < deadline:
        time.sleep(0.001)


def test_an_error_in_a_worker_is_raised_with_its_traceback():
    parent, worker_started = os.getpid(), _flag()

    def task(i: int) -> int:
        if os.getpid() != parent:
            worker_started.value = 1
            raise ValueError(f"task {i} failed in a worker")
        _wait_for(worker_started)  # the build's tasks leave some for a worker to take
        return i

    with pytest.raises(workers.WorkerError, match="failed in a worker"):
        workers.run([lambda i=i: task(i) for i in range(50)], 2)


def test_an_error_in_the_build_process_stops_the_workers():
    parent, build_took_one = os.getpid(), _flag()

    def task(i: int) -> int:
        if os.getpid() == parent:
            build_took_one.value = 1
            raise KeyError("the build's own task")
        _wait_for(build_took_one)  # a worker cannot take every task before the build does
        return i

    with pytest.raises(KeyError):
        workers.run([lambda i=i: task(i) for i in range(50)], 2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no worker is left behind


def test_one_job_runs_in_this_process_and_reports_progress():
    seen: list[tuple[int, int]] = []
    pids = workers.run([os.getpid] * 3, 1, lambda taken, total: seen.append((taken, total)))
    assert pids == [os.getpid()] * 3 and seen == [(1, 3), (2, 3), (3, 3)]
