"""manage.py flush_views: write the views counted in the cache to the daily rows now."""

from django.core.management.base import BaseCommand

from readership.counting import flush_views


class Command(BaseCommand):
    help = (
        "캐시에 모인 기사 조회수를 데이터베이스(일별 조회수)에 기록합니다. "
        "조회 요청이 들어올 때도 1분마다 자동으로 기록되며, 이 명령은 작업자(cron, worker)용입니다."
    )

    def handle(self, *args, **options):
        rows = flush_views()
        self.stdout.write(f"기사·날짜 {rows}건의 조회수를 기록했습니다.")
