"""Two things the planner needs for fast searches over a large archive.

1. Wagtail joins its index table to a model on `object_id = pk::varchar(50)`.
   Without an index on that expression PostgreSQL hash-joins every article
   (a 100,000-row scan, ~60 ms per search); with it, it looks each match up.
2. `tsvector @@ tsquery` is costed as a cheap operator, so for a common word the
   planner prefers reading the whole index table and matching every row (which
   unpacks every body vector: ~900 ms at 100,000 articles) to the GIN index
   (~45 ms). Raising the operator function's cost fixes the choice. It needs the
   function's owner (a superuser, as in the embedded server and docker-compose);
   without that privilege the migration says so and goes on.
"""

from django.db import migrations

JOIN_INDEXES = [
    ("news_articlepage", "page_ptr_id", "search_join_news_articlepage"),
    ("wagtailcore_page", "id", "search_join_wagtailcore_page"),
]

MATCH_COST = """
DO $$
BEGIN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST {cost};
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'ts_match_vq: not its owner; search plans for common words may be slower';
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_dictionary"),
        ("news", "0004_article_comments_open"),
    ]

    operations = [
        *(
            migrations.RunSQL(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} ((({column})::varchar(50)))",
                f"DROP INDEX IF EXISTS {name}",
            )
            for table, column, name in JOIN_INDEXES
        ),
        migrations.RunSQL(MATCH_COST.format(cost=100), MATCH_COST.format(cost=1)),
    ]
