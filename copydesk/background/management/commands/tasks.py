from django.core.management.base import BaseCommand

from copydesk.background.queues import summary
from copydesk.cli import reports_database_errors


class Command(BaseCommand):
    help = "Show the task queue: ready, scheduled for later, running and failed tasks, and recent failures."

    @reports_database_errors
    def handle(self, **options):
        state = summary()
        self.stdout.write(f"Task backend: {state.backend}")
        if not state.queues:
            self.stdout.write("Tasks run where they are enqueued: nothing waits in a queue.")
        else:
            self.stdout.write(f"{'queue':<10} {'ready':>8} {'later':>8} {'running':>8} {'failed':>8}")
            for queue in state.queues:
                self.stdout.write(
                    f"{queue.name:<10} {queue.ready:>8} {queue.scheduled:>8} {queue.running:>8} {queue.failed:>8}"
                )
            self.stdout.write("(failed: attempts that raised; on the database queue, in the last 24 hours)")
        if state.gave_up:
            self.stdout.write("Gave up (retry or dismiss them in the admin, Reports › Failed tasks):")
            for failed in state.gave_up:
                self.stdout.write(
                    f"  {failed.last_failed_at:%Y-%m-%d %H:%M} {failed.task_path} "
                    f"after {failed.attempts} attempt(s): {failed.reason}"
                )
        else:
            self.stdout.write("No task has given up.")
