"""manage.py run_worker: the newsroom's background worker (editorial/worker.py).

    python manage.py run_worker              # a pass every EDITORIAL_WORKER_INTERVAL seconds
    python manage.py run_worker --once       # one pass, e.g. from cron every minute
    python manage.py run_worker --interval 10

Stops cleanly on SIGTERM or Ctrl-C (the pass under way finishes first). Logs one line per
pass, in English, to standard output (unless LOGGING configures `editorial.worker`).
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from editorial.worker import Worker, interval_seconds


class Command(BaseCommand):
    help = (
        "게재 예약·게재 종료 처리, 조회수·광고 통계 기록, 휴지통 비우기를 주기적으로 실행합니다. "
        "--once는 한 번만 실행합니다(cron용)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="한 번만 실행하고 끝냅니다.")
        parser.add_argument(
            "--interval",
            type=int,
            default=None,
            help=f"실행 간격(초). 기본값은 EDITORIAL_WORKER_INTERVAL({interval_seconds()}초).",
        )

    def handle(self, *args, once=False, interval=None, verbosity=1, **options):
        if interval is not None and interval < 1:
            raise CommandError("--interval은 1초 이상이어야 합니다.")
        handler = self._log_to_stdout(verbosity)
        try:
            worker = Worker(interval=interval)
            if once:
                result = worker.run_once()
                if result.errors:
                    raise CommandError(f"{result.errors}건의 오류가 있었습니다(로그를 보세요).")
                return
            worker.install_signal_handlers()
            worker.run_forever()
        finally:
            if handler:
                logging.getLogger("editorial.worker").removeHandler(handler)

    def _log_to_stdout(self, verbosity):
        """One line per pass on standard output, unless LOGGING already handles the logger."""
        logger = logging.getLogger("editorial.worker")
        if logger.handlers:
            return None
        handler = logging.StreamHandler(self.stdout)
        handler.terminator = ""  # OutputWrapper adds the line ending
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z")
        )
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING if verbosity == 0 else logging.INFO)
        return handler
