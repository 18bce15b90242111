"""manage.py import_articles FILE.jsonl: load articles, one JSON object per line."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from news.importer import ArticleImporter


class Command(BaseCommand):
    help = (
        "JSON Lines 파일에서 기사를 가져옵니다. 같은 id는 갱신되고, 내용이 같으면 건너뜁니다. "
        "중단된 가져오기는 다시 실행하면 이어서 끝납니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="기사 JSON Lines 파일 경로")
        parser.add_argument(
            "--dry-run", action="store_true", help="쓰지 않고 모든 줄을 검사만 합니다"
        )
        parser.add_argument("--quiet", action="store_true", help="진행 표시 없이 요약만 출력합니다")
        parser.add_argument("--batch-size", type=int, default=250, help="한 번에 쓰는 기사 수")
        parser.add_argument(
            "--one-by-one",
            action="store_true",
            help="기사마다 Wagtail의 일반 저장 경로를 씁니다 (느림, 비교·문제 추적용)",
        )

    def handle(self, *args, file, dry_run, quiet, batch_size, one_by_one, **options):
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
            importer = ArticleImporter(
                home=site.root_page,
                base_dir=path.parent,
                source_name=path.name,
                batch_size=max(1, batch_size),
                dry_run=dry_run,
                one_by_one=one_by_one,
            )
            progress = None
            if not quiet and self.stderr.isatty():
                progress = ProgressBar(self.stderr, total=count_lines(source))
                source.seek(0)
            try:
                report = importer.import_lines(source, progress=progress)
            except OSError as error:
                raise CommandError(
                    f"파일을 읽다가 실패했습니다: {path} ({error})", returncode=2
                ) from None
            if progress:
                progress.finish()

        for line, field_name, reason in report.errors:
            self.stderr.write(f"{path.name}:{line}: {field_name}: {reason}")
        summary = report.summary()
        if dry_run:
            summary = f"검사만 했습니다(쓰지 않음). {summary}"
        if report.failed:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))


def count_lines(binary_file):
    return sum(chunk.count(b"\n") for chunk in iter(lambda: binary_file.read(1 << 20), b""))


class ProgressBar:
    """`[#####-----] 12,345/100,000 12% · 95건/초 · 남은 시간 15:20` on one terminal line."""

    width = 30

    def __init__(self, stream, total):
        self.stream = stream
        self.total = max(total, 1)
        self.started = time.monotonic()

    def __call__(self, report):
        done = min(report.lines, self.total)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate else 0
        filled = int(self.width * done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(
            f"\r[{bar}] {done:,}/{self.total:,} {done * 100 // self.total}% · "
            f"{rate:,.0f}줄/초 · 남은 시간 {int(left // 60)}:{int(left % 60):02d}",
            ending="",
        )
        self.stream.flush()

    def finish(self):
        self.stream.write("", ending="\n")
