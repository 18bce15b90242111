"""manage.py import_articles FILE.jsonl: load articles, one JSON object per line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from news.importer import ArticleImporter


class Command(BaseCommand):
    help = "JSON Lines 파일에서 기사를 가져옵니다. 같은 id는 새 판(revision)으로 갱신됩니다."

    def add_arguments(self, parser):
        parser.add_argument("file", help="기사 JSON Lines 파일 경로")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            source = path.open("rb")
        except OSError as error:
            raise CommandError(
                f"파일을 읽을 수 없습니다: {path} ({error.strerror})", returncode=2
            ) from None
        with source:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            if site is None:
                raise CommandError(
                    "기본 사이트가 없습니다. 먼저 manage.py migrate를 실행하세요.", returncode=2
                )

            importer = ArticleImporter(home=site.root_page, base_dir=path.parent)
            try:
                report = importer.import_lines(source)
            except OSError as error:
                raise CommandError(
                    f"파일을 읽다가 실패했습니다: {path} ({error})", returncode=2
                ) from None

        for line, field_name, reason in report.errors:
            self.stderr.write(f"{path.name}:{line}: {field_name}: {reason}")
        summary = f"새 기사 {report.created}건, 갱신 {report.updated}건, 실패 {report.failed}건"
        if report.failed:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))
