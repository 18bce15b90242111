"""Article views per day, written in batches from the cache (never one row per page view)."""

from django.db import models


class ArticleDailyViews(models.Model):
    """How many readers opened an article on one day (KST); upserted by readership.counter."""

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name="기사",
        on_delete=models.CASCADE,
        related_name="daily_views",
    )
    day = models.DateField("날짜")
    views = models.PositiveIntegerField("조회수", default=0)

    class Meta:
        verbose_name = "일별 조회수"
        verbose_name_plural = "일별 조회수"
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="unique_article_day_views")
        ]
        indexes = [
            # The rankings read a range of days and sum per article: an index-only scan.
            models.Index(fields=["day"], include=["article", "views"], name="daily_views_by_day"),
        ]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.views}"
