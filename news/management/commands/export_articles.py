"""manage.py export_articles OUT_DIR: articles out as JSON Lines, in the import schema."""

from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from news.exporter import ArticleExporter, find_section


class Command(BaseCommand):
    help = (
        "기사를 import_articles와 같은 형식으로 내보냅니다: "
        "OUT_DIR/articles.jsonl과 OUT_DIR/images/."
    )

    def add_arguments(self, parser):
        parser.add_argument("out_dir", help="내보낼 폴더 (없으면 만듭니다)")
        parser.add_argument(
            "--section", help="이 섹션과 하위 섹션의 기사만 (예: region, region/daejeon)"
        )
        parser.add_argument(
            "--since", help="이 날짜(한국 시간)부터 처음 게재된 기사만 (YYYY-MM-DD)"
        )

    def handle(self, *args, out_dir, section, since, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("기본 사이트가 없습니다. 먼저 manage.py migrate를 실행하세요.")
        home = site.root_page

        section_page = None
        if section is not None:
            section_page = find_section(home, section)
            if section_page is None:
                raise CommandError(f"섹션을 찾을 수 없습니다: {section}")
        since_date = None
        if since is not None:
            try:
                since_date = datetime.strptime(since, "%Y-%m-%d").date()
            except ValueError:
                raise CommandError(
                    f"날짜는 YYYY-MM-DD 형식이어야 합니다 (예: 2022-04-01): {since}"
                ) from None

        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"폴더를 만들 수 없습니다: {out} ({error.strerror})") from None

        exporter = ArticleExporter(home, out)
        report = exporter.export(exporter.articles(section=section_page, since=since_date))

        for pk, name in report.missing_images:
            self.stderr.write(f"사진 파일을 읽을 수 없습니다: {name} (사진 {pk}번)")
        summary = f"기사 {report.articles}건, 사진 {report.images}장을 내보냈습니다: {out}"
        if report.missing_images:
            raise CommandError(
                f"{summary} (읽지 못한 사진 {len(report.missing_images)}장)", returncode=1
            )
        self.stdout.write(self.style.SUCCESS(summary))
