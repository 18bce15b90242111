"""Move the banner impression and click counters from the cache into the daily rows."""

from django.core.management.base import BaseCommand

from ads.stats import flush


class Command(BaseCommand):
    help = "광고 노출·클릭 집계를 캐시에서 일별 통계(BannerDailyStats)로 옮깁니다. cron으로 1분마다 돌려도 됩니다."

    def handle(self, *args, **options):
        rows, impressions, clicks = flush()
        self.stdout.write(f"광고 통계 {rows}건 반영: 노출 {impressions}, 클릭 {clicks}")
