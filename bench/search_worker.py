"""One backend's side of `make bench search`, in a process of its own.

python -m bench.search_worker korean|stock reindex|queries|analysis QUERIES.json OUT.json CORPUS
"""

import json
import statistics
import sys
import time

import django


def use_backend(name):
    from django.conf import settings

    if name == "stock":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
        }


def resident_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def reindex():
    from django.core.management import call_command

    started = time.monotonic()
    call_command("update_index", verbosity=0)
    return {"reindex_seconds": time.monotonic() - started}


def queries(wanted):
    from news.models import ArticlePage

    articles = ArticlePage.objects.live()
    hits = total = 0
    for query, relevant in wanted["recall"].items():
        found = {
            page.legacy_idxno
            for page in articles.only("id", "legacy_idxno").search(query, order_by_relevance=False)
        }
        hits += len(found & set(relevant))
        total += len(relevant)
    timed = wanted["latency"]
    for query in timed:  # warm the caches before timing
        list(articles.search(query)[:20])
    timings, searches = [], 0
    while searches < 1000:
        for query in timed:
            started = time.perf_counter()
            list(articles.search(query)[:20])
            timings.append((time.perf_counter() - started) * 1000)
            searches += 1
    cuts = statistics.quantiles(timings, n=100)
    plan = articles.search(timed[0]).get_queryset().explain()
    return {
        "plan": plan,
        "gin": "Bitmap Index Scan on wagtailsear_" in plan,
        "recall": hits / total if total else 0.0,
        "p50_ms": statistics.median(timings),
        "p95_ms": cuts[94],
        "rss_mb": resident_mb(),
    }


def analysis(corpus):
    from bench.search_korean import article_text
    from search.analysis import tsvector
    from search.dictionary import current_analyzer

    analyzer = current_analyzer()
    texts = []
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            texts.append(article_text(json.loads(line)))
            if len(texts) == 1000:
                break
    timings = []
    for text in texts:
        started = time.perf_counter()
        tsvector([(text, "C")], analyzer)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "analysis_ms": statistics.median(timings),
        "article_chars": statistics.median(len(text) for text in texts),
    }


def main(backend, task, queries_file, out_file, corpus):
    django.setup()
    use_backend(backend)
    with open(queries_file, encoding="utf-8") as source:
        wanted = json.load(source)
    result = {"reindex": reindex, "queries": lambda: queries(wanted)}.get(task)
    result = result() if result else analysis(corpus)
    with open(out_file, "w", encoding="utf-8") as out:
        json.dump(result, out)


if __name__ == "__main__":
    main(*sys.argv[1:])
