"""manage.py backup_site [DIR]: the database and the media in one timestamped folder.

    python manage.py backup_site                      # into BACKUP_DIR (var/backups/)
    python manage.py backup_site /backups             # e.g. a volume in a container
    python manage.py backup_site --with-renditions    # keep the resized photos too

Prints the folder it wrote on the last line; exit status 1 if anything failed (and no
folder is left behind).
"""

import psycopg
from django.core.management.base import BaseCommand, CommandError

from backups.backup import BackupFailed, create_backup, default_directory
from backups.postgres import ToolMissing


class Command(BaseCommand):
    help = (
        "데이터베이스(pg_dump)와 미디어 파일을 시각이 이름인 폴더 하나에 백업합니다 "
        "(database.dump, media.tar.gz, manifest.json)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            help=f"백업 폴더를 만들 곳. 기본값은 BACKUP_DIR({default_directory()}).",
        )
        parser.add_argument(
            "--with-renditions",
            action="store_true",
            help="크기를 바꾼 사진(렌디션)도 넣습니다. 기본값은 빼기: 볼 때 다시 만들어집니다.",
        )

    def handle(self, *args, directory=None, with_renditions=False, **options):
        try:
            create_backup(directory, renditions=with_renditions, log=self.stdout.write)
        except (BackupFailed, ToolMissing, OSError) as error:
            raise CommandError(f"백업하지 못했습니다: {error}") from None
        except psycopg.OperationalError as error:
            reason = (str(error).strip().splitlines() or ["?"])[0]
            raise CommandError(
                f"백업하지 못했습니다: 데이터베이스에 연결할 수 없습니다: {reason}"
            ) from None
