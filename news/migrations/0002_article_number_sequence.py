"""Article numbers come from a PostgreSQL sequence, so concurrent editors never collide."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS news_article_number_seq START 100001",
            "DROP SEQUENCE IF EXISTS news_article_number_seq",
        )
    ]
