import argparse
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from copydesk.background.runners import DatabaseRunner, RedisRunner, backend_kind
from copydesk.background.scheduler import Loop, clock_tick, dispatch_tick, guarded, scheduler_loops
from copydesk.background.stop import stopping
from copydesk.cli import at_least, reports_database_errors
from copydesk.wire.tasks import fetch_waiting_pictures


class Command(BaseCommand):
    help = (
        "Run background work until stopped: the queue's tasks (on threads, in one or more processes) and "
        "the scheduler (publish what is due every second; enqueue due sources, dropped files, pictures)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=at_least(1), default=None,
                            help="Task threads per process (default COPYDESK_WORKER_THREADS, 4).")  # fmt: skip
        parser.add_argument("--processes", type=at_least(1), default=1,
                            help="Worker processes on this machine, this one included (default 1).")  # fmt: skip
        role = parser.add_mutually_exclusive_group()
        role.add_argument("--no-scheduler", action="store_true",
                          help="Run tasks only; another process runs the scheduler.")  # fmt: skip
        role.add_argument("--scheduler-only", action="store_true", help="Run the scheduler only, no tasks.")
        parser.add_argument("--interval", type=float, default=1.0,
                            help="Seconds between two rounds of enqueueing due work (default 1).")  # fmt: skip
        parser.add_argument("--nice", type=at_least(0), default=None,
                            help="Lower this process's CPU priority by N; the task processes that a "
                                 "worker with the scheduler starts take 5, so its clock comes first.")  # fmt: skip
        parser.add_argument("--parent", type=int, default=None, help=argparse.SUPPRESS)  # see spawn()
        parser.add_argument("--once", action="store_true",
                            help="Publish what is due, enqueue what is due, run every ready task, then exit.")  # fmt: skip

    @reports_database_errors
    def handle(
        self, *, threads, processes, no_scheduler, scheduler_only, interval, nice, parent, once, **options
    ):
        if not interval > 0:
            raise CommandError(f"--interval must be more than 0 seconds, not {interval:g}.")
        if nice:
            os.nice(nice)
        # A worker that cannot reach its database does nothing; say so and stop instead of logging
        # a traceback every round (or, with --once, exiting 0 as if the round had run).
        connection.ensure_connection()
        stopping.clear()
        kind = backend_kind()
        if once:
            return self.run_once(kind, no_scheduler=no_scheduler, scheduler_only=scheduler_only)
        threads = threads or settings.COPYDESK_WORKER_THREADS
        previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        queued = kind != "immediate" and not scheduler_only
        # With the scheduler, the task threads run in processes of their own: the clock then shares
        # no interpreter lock with busy tasks, which would delay a scheduled story by seconds.
        here = queued and no_scheduler
        self.children = [self.spawn(threads) for _ in range(processes - here)] if queued else []
        clock, dispatcher = (
            (None, None) if no_scheduler else scheduler_loops(self.stdout.write, dispatch_interval=interval)
        )
        loops = [clock, Loop("children", self.restart_children, 1.0)] if clock else []
        if dispatcher and kind != "immediate":
            # The main thread only waits for a signal: Python runs signal handlers there, and a
            # database call that waits for a lock (SQLite's busy timeout) would delay the stop.
            loops.append(dispatcher)
            dispatcher = None
        runners = self.runners(kind, threads) if here else []
        for thread in loops + runners:
            thread.start()
        self.stdout.write(
            f"Copydesk worker started on the {kind} queue: "
            + ("the scheduler" if clock else "no scheduler")
            + (f", {len(runners)} task thread(s)" if runners else "")
            + (f", {len(self.children)} task process(es) of {threads} thread(s)" if self.children else "")
            + "."
        )
        if kind == "immediate" and not scheduler_only:
            self.stdout.write("The immediate task backend runs each task where it is enqueued.")
        try:
            if dispatcher:
                # The immediate backend runs each task where it is enqueued: here, in the thread
                # that sees what a test (calling this command in its transaction) has written.
                dispatcher.run()
            else:
                # A task process ends with the worker that started it, however that one ended.
                while not stopping.wait(1.0):
                    if parent and os.getppid() != parent:
                        stopping.set()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.shut_down(loops, runners, self.children)

    def runners(self, kind, threads):
        if kind == "database":
            return [DatabaseRunner() for _ in range(threads)]
        return [RedisRunner(number) for number in range(threads)]

    def spawn(self, threads):
        process = subprocess.Popen(  # noqa: S603  (this very command, with our own arguments)
            [
                sys.executable,
                "-m",
                "copydesk",
                "worker",
                "--no-scheduler",
                "--threads",
                str(threads),
                "--nice",
                "5",
                "--parent",
                str(os.getpid()),
            ]
        )
        process.threads = threads
        return process

    def restart_children(self):
        """A task process that died (killed, out of memory) is started again; its tasks are taken back."""
        for n, child in enumerate(self.children):
            if child.poll() is not None and not stopping.is_set():
                self.stderr.write(f"Task process {child.pid} ended ({child.returncode}); starting another.")
                self.children[n] = self.spawn(child.threads)

    def shut_down(self, loops, runners, children):
        """Let running tasks finish for COPYDESK_WORKER_STOP_SECONDS; give back the rest; exit."""
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + settings.COPYDESK_WORKER_STOP_SECONDS
        for thread in loops + runners:
            thread.join(max(0.0, deadline - time.monotonic()))
        still = [runner for runner in runners if runner.is_alive()]
        for runner in still:
            guarded("give back", runner.give_back)
        for child in children:
            try:
                # A task process has the same grace and gives back what it still runs; half a second
                # more lets it say so before it is killed (a killed one's tasks are taken back too).
                child.wait(max(0.5, deadline + 0.5 - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        self.stdout.write(f"Copydesk worker stopped; {len(still)} running task(s) given back to the queue.")
        if still or any(loop.is_alive() for loop in loops):
            # Threads still inside a task (a fetch that has not timed out yet) cannot be stopped:
            # their tasks are given back, and the process ends without waiting for them.
            self.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def run_once(self, kind, *, no_scheduler, scheduler_only):
        if not no_scheduler:
            guarded("publish_due", lambda: clock_tick(self.stdout.write), once=True)
            guarded("enqueue_due", lambda: dispatch_tick(self.stdout.write), once=True)
        if scheduler_only or kind == "immediate":
            return
        self.run_ready(kind)
        if not no_scheduler:
            # The pictures of what those polls ingested, as one round of the old worker fetched them.
            guarded("fetch_waiting_pictures", lambda: fetch_waiting_pictures(), once=True)
            self.run_ready(kind)

    def run_ready(self, kind):
        runner = DatabaseRunner(batch=True) if kind == "database" else RedisRunner(batch=True)
        runner.run()  # in this thread: a test's transaction sees what the tasks did
        if kind == "database" and runner.ran:
            self.stdout.write(f"tasks: {runner.ran}")

    def stop(self, *args):
        stopping.set()
