"""manage.py restore_site [BACKUP]: a backup folder back into an empty database.

    python manage.py restore_site                                   # the newest in BACKUP_DIR
    python manage.py restore_site var/backups/2026-12-01T093012+0900
    python manage.py restore_site BACKUP --force                    # over an existing site
    python manage.py restore_site BACKUP --drill      # into a scratch database, checked, dropped
    python manage.py restore_site BACKUP --database drill --media-root /tmp/drill-media
    PGPASSWORD=… python manage.py restore_site BACKUP --database-url postgres://user@host/db

Exit status: 0 restored and verified; 1 restored but the counts differ from the manifest;
2 the backup is unreadable or damaged (nothing restored); 3 refused or rolled back (the
target database is not empty, a client tool is missing, or the database rejected the
restore; nothing changed).
"""

import unicodedata
from pathlib import Path

import psycopg
from django.core.management.base import BaseCommand, CommandError

from backups.backup import default_directory
from backups.manifest import BackupUnreadable
from backups.postgres import Database, ToolMissing
from backups.restore import (
    MediaIncomplete,
    RestoreFailed,
    TargetNotEmpty,
    complete_backups,
    drill,
    restore_backup,
)

VERIFIED, MISMATCH, UNREADABLE, REFUSED = 0, 1, 2, 3


class Command(BaseCommand):
    help = (
        "backup_site로 만든 백업을 빈 데이터베이스에 복원하고 manifest의 개수와 맞춰 봅니다. "
        "종료 코드: 0 성공, 1 개수 불일치, 2 백업을 읽을 수 없음, 3 거부(비어 있지 않음 등)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "backup",
            nargs="?",
            help=f"백업 폴더. 없으면 BACKUP_DIR({default_directory()})의 가장 최근 백업.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="테이블이 있는 데이터베이스도 지우고 복원합니다 (web과 worker를 먼저 멈추세요).",
        )
        target = parser.add_mutually_exclusive_group()
        target.add_argument(
            "--database",
            metavar="NAME",
            help="사이트의 데이터베이스 대신 같은 서버의 이 데이터베이스에 복원합니다 (복원 훈련용).",
        )
        target.add_argument(
            "--drill",
            action="store_true",
            help="복원 훈련: 임시 데이터베이스와 임시 폴더에 복원해 확인하고 둘 다 지웁니다. "
            "사이트는 건드리지 않습니다.",
        )
        target.add_argument(
            "--database-url",
            help="다른 서버의 데이터베이스에 복원합니다. 비밀번호는 URL 대신 PGPASSWORD로 주세요.",
        )
        parser.add_argument(
            "--media-root",
            help="MEDIA_ROOT 대신 이 폴더에 미디어를 풉니다 (복원 훈련용).",
        )

    def handle(self, *args, backup=None, force=False, media_root=None, **options):
        path = Path(backup) if backup else self._newest_backup()
        database = None
        if options.get("database_url"):
            database = Database.from_url(options["database_url"])
        elif options.get("database"):
            database = Database({**Database.from_django().params, "dbname": options["database"]})
        if options.get("drill") and (force or media_root):
            raise CommandError("--drill은 --force, --media-root와 함께 쓸 수 없습니다.")
        try:
            if options.get("drill"):
                result = drill(path, log=self.stdout.write)
            else:
                result = restore_backup(
                    path,
                    database=database,
                    media_root=media_root,
                    force=force,
                    log=self.stdout.write,
                )
        except BackupUnreadable as error:
            raise CommandError(str(error), returncode=UNREADABLE) from None
        except MediaIncomplete as error:
            raise CommandError(str(error), returncode=MISMATCH) from None
        except (TargetNotEmpty, RestoreFailed, ToolMissing) as error:
            raise CommandError(str(error), returncode=REFUSED) from None
        except psycopg.OperationalError as error:
            reason = (str(error).strip().splitlines() or ["?"])[0]
            raise CommandError(
                f"데이터베이스에 연결하지 못했습니다: {reason} / could not connect",
                returncode=REFUSED,
            ) from None

        self.stdout.write(f"\n{_pad('확인', 18)}{'백업':>10}{'복원':>10}")
        for check in result.checks:
            mark = "✓" if check.ok else "✗ 다름"
            self.stdout.write(
                f"{_pad(check.label, 18)}{_number(check.expected):>12}"
                f"{_number(check.restored):>12}  {mark}"
            )
        for name in result.missing_files[:10]:
            self.stdout.write(f"  복원된 미디어에 없는 파일: {name}")
        if result.pending_migrations:
            self.stdout.write(
                f"\n이 코드에 있고 백업에 없는 마이그레이션 {len(result.pending_migrations)}개: "
                "`python manage.py migrate`를 실행하세요."
            )
        if result.unknown_migrations:
            app, name = result.unknown_migrations[0]
            self.stdout.write(
                f"\n백업에 이 코드가 모르는 마이그레이션 {len(result.unknown_migrations)}개 "
                f"(예: {app}.{name}): 백업을 만든 버전의 코드로 실행하세요."
            )
        if not result.ok:
            names = ", ".join(check.label for check in result.mismatches)
            raise CommandError(
                f"복원했지만 백업과 다릅니다: {names}. / restored, but the counts differ.",
                returncode=MISMATCH,
            )
        self.stdout.write(self.style.SUCCESS(f"\n복원 완료, 확인됨: {result.path}"))

    def _newest_backup(self):
        backups = complete_backups()
        if not backups:
            raise CommandError(
                f"{default_directory()}에 백업이 없습니다: 복원할 백업 폴더를 지정하세요.",
                returncode=UNREADABLE,
            )
        self.stdout.write(f"가장 최근 백업: {backups[-1]}")
        return backups[-1]


def _pad(text, width):
    """Left-align in a terminal, where a Hangul syllable takes two columns."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(width - columns, 1)


def _number(value):
    return "-" if value is None else f"{value:,}"
