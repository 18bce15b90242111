"""Korean search against Wagtail's stock database backend (`simple`), on the same corpus.

For each corpus size (BENCH_SEARCH_ARTICLES, default 10,000 and 100,000) the
corpus from `generate_articles` is imported into an empty site (indexed by our
backend), copied to a second database, and reindexed there by Wagtail's stock
backend. The same queries then run against both, in worker processes
(bench/search_worker.py) so each backend has a process of its own.

Recall is measured on the bare forms of words that the corpus only ever writes
with a particle attached (`협약` where the text has `협약을`, `협약에`, never
`협약`); an article is relevant when it has such a form. The ground truth comes
from plain string matching, not from either analyser. Latency is measured on
words the corpus writes with particles, rare and common alike.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench.import_archive import (
    ROOT,
    WORK,
    corpus_file,
    empty_site,
    manage,
    print_table,
    server_url,
)

SIZES = [int(n) for n in os.environ.get("BENCH_SEARCH_ARTICLES", "10000,100000").split(",")]
QUERIES = int(os.environ.get("BENCH_SEARCH_QUERIES", "200"))
# BENCH_SEARCH_REUSE=1: search the databases an earlier run left (both sides indexed),
# without re-indexing them: to time a change in how queries run. Reindex is not measured.
REUSE = os.environ.get("BENCH_SEARCH_REUSE") == "1"
# Particles that follow nouns (은/는/의/나 also end verbs or words: 소통하는, 본회의).
PARTICLES = sorted(
    "을 를 이 가 에 에서 으로 로 와 과 도 만 까지 부터 에게 보다 처럼 에서는 에서도 으로는 에는 에도".split(),
    key=len,
    reverse=True,
)
PARTICLE_SET = frozenset(PARTICLES)
PARTICLE_LENGTHS = sorted({len(p) for p in PARTICLES}, reverse=True)  # longest match first
VERB_LIKE_ENDINGS = ("하", "되", "기", "지", "인")
HANGUL = re.compile(r"[가-힣]{2,}")
TAGS = re.compile(r"<[^>]+>")
EDGE_PUNCTUATION = "\"'“”‘’()[]<>.,·!?:;…"
IMPORT_DATABASE = "chungcheong_bench_import"  # what `make bench import` leaves behind
TARGETS = {"recall": 0.95, "p95_ms": 50, "p95_ratio": 1.5, "analysis_ms": 10, "reindex_min": 15}


def article_text(article):
    parts = [article.get(key) or "" for key in ("title", "subtitle", "lead")]
    for block in article["body"]:
        for key in ("text", "html", "caption", "attribution"):
            if isinstance(block.get(key), str):
                parts.append(TAGS.sub(" ", block[key]))
    return " ".join(parts)


def build_queries(path, count):
    """Recall: bare words seen only with particles, and their articles. Latency: query words.

    At 100,000 articles few words are never written bare (31 with the seed corpus),
    too few to time, so latency is measured on `count` words the corpus writes
    with particles, rare and common alike, as readers type them.
    """
    with_particle, bare = defaultdict(set), set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            for token in article_text(article).split():
                token = token.strip(EDGE_PUNCTUATION)
                if HANGUL.fullmatch(token):
                    bare.add(token)
                for length in PARTICLE_LENGTHS:
                    stem = token[:-length]
                    if token[-length:] in PARTICLE_SET and HANGUL.fullmatch(stem):
                        with_particle[stem].add(article["id"])
                        break
    words = sorted(
        (
            stem
            for stem, ids in with_particle.items()
            if len(ids) >= 2 and len(stem) >= 2 and not stem.endswith(VERB_LIKE_ENDINGS)
        ),
        key=lambda stem: hashlib.sha1(stem.encode()).hexdigest(),
    )
    recall = [stem for stem in words if stem not in bare and len(with_particle[stem]) <= 500]
    return {
        "recall": {stem: sorted(with_particle[stem]) for stem in recall[:count]},
        "latency": words[:count],
    }


def copy_database(url, source, target):
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    return urlunsplit(parts._replace(path=f"/{target}"))


def worker(database, media, backend, task, queries, corpus):
    with tempfile.TemporaryDirectory() as folder:
        queries_file = os.path.join(folder, "queries.json")
        out_file = os.path.join(folder, "out.json")
        with open(queries_file, "w", encoding="utf-8") as out:
            json.dump(queries, out, ensure_ascii=False)
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "MEDIA_ROOT": str(media),
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        }
        subprocess.run(
            [sys.executable, "-m", "bench.search_worker", backend, task, queries_file, out_file]
            + [str(corpus)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        with open(out_file, encoding="utf-8") as result:
            return json.load(result)


def database_url(url, database):
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


def article_count(url, database):
    try:
        with psycopg.connect(database_url(url, database)) as connection:
            return connection.execute("SELECT count(*) FROM news_articlepage").fetchone()[0]
    except psycopg.Error:
        return None


def site_with_corpus(url, name, size, path):
    """A site holding the corpus: a copy of `bench import`'s database when it has it."""
    if article_count(url, IMPORT_DATABASE) == size:
        print(f"  {IMPORT_DATABASE}의 기사 {size:,}건을 복사해 씁니다", flush=True)
        database, media = (
            copy_database(url, IMPORT_DATABASE, name),
            WORK / f"media-{IMPORT_DATABASE}",
        )
        manage(database, media, "migrate", "--noinput")  # the copy may predate a migration
        return database, media
    database, media = empty_site(url, name)
    manage(database, media, "import_articles", str(path), "--quiet")
    return database, media


def measure(size, url):
    path = corpus_file(size)
    queries = build_queries(path, QUERIES)
    print(
        f"검색 벤치마크: 기사 {size:,}건, 재현율 질의 {len(queries['recall'])}개, "
        f"지연 질의 {len(queries['latency'])}개",
        flush=True,
    )
    name = f"chungcheong_bench_search_{size}"
    if REUSE and article_count(url, name) == size == article_count(url, f"{name}_stock"):
        print(f"  {name}와 {name}_stock을 그대로 씁니다 (색인 시간은 재지 않음)", flush=True)
        korean_db, stock_db = (database_url(url, n) for n in (name, f"{name}_stock"))
        imported = article_count(url, IMPORT_DATABASE) == size
        media = WORK / f"media-{IMPORT_DATABASE if imported else name}"
        korean_reindex = None
        stock = {"reindex_seconds": None}
    else:
        korean_db, media = site_with_corpus(url, name, size, path)
        started = time.monotonic()
        manage(korean_db, media, "update_index")
        korean_reindex = time.monotonic() - started
        stock_db = copy_database(url, name, f"{name}_stock")
        stock = worker(stock_db, media, "stock", "reindex", queries, path)
    stock.update(worker(stock_db, media, "stock", "queries", queries, path))
    korean = worker(korean_db, media, "korean", "queries", queries, path)
    korean.update(worker(korean_db, media, "korean", "analysis", queries, path))
    korean["reindex_seconds"] = korean_reindex
    return korean, stock


def minutes(seconds):
    return "재지 않음" if seconds is None else f"{seconds / 60:.1f}분"


def _yes(value):
    return "예" if value else "아니요"


def run():
    url = server_url()
    failures = []
    for size in SIZES:
        korean, stock = measure(size, url)
        ratio = korean["p95_ms"] / stock["p95_ms"] if stock["p95_ms"] else float("inf")
        rows = [
            ("항목", "한국어 검색", "Wagtail 기본(simple)", "목표"),
            ("재현율(조사 뗀 낱말)", f"{korean['recall']:.3f}", f"{stock['recall']:.3f}", "≥ 0.95"),
            ("질의 지연 p50", f"{korean['p50_ms']:.1f} ms", f"{stock['p50_ms']:.1f} ms", ""),
            (
                "질의 지연 p95",
                f"{korean['p95_ms']:.1f} ms",
                f"{stock['p95_ms']:.1f} ms",
                f"≤ 50 ms, 기본의 1.5배 이하 (지금 {ratio:.2f}배)",
            ),
            (
                "기사 1건 분석 (중앙값)",
                f"{korean['analysis_ms']:.2f} ms",
                "PostgreSQL 안",
                "≤ 10 ms",
            ),
            (
                "전체 색인 다시 만들기",
                minutes(korean["reindex_seconds"]),
                minutes(stock["reindex_seconds"]),
                "≤ 15분 (100,000건)",
            ),
            (
                "웹 프로세스 메모리 (검색 1,000번 뒤)",
                f"{korean['rss_mb']:.0f} MB",
                f"{stock['rss_mb']:.0f} MB",
                "≤ 250 MB",
            ),
        ]
        rows.append(
            ("GIN 색인 사용 (EXPLAIN)", _yes(korean["gin"]), _yes(stock["gin"]), "예 (100,000건)")
        )
        print_table(f"bench search — 기사 {size:,}건", rows)
        print(f"\n한국어 검색 질의 계획 (EXPLAIN, 기사 {size:,}건):\n{korean['plan']}")
        if korean["recall"] < TARGETS["recall"] or korean["analysis_ms"] > TARGETS["analysis_ms"]:
            failures.append(size)
        if size >= 100_000 and (
            korean["p95_ms"] > TARGETS["p95_ms"]
            or ratio > TARGETS["p95_ratio"]
            or (korean["reindex_seconds"] or 0) > TARGETS["reindex_min"] * 60
            or not korean["gin"]
        ):
            failures.append(size)
        if korean["rss_mb"] > 250:
            failures.append(size)
    if failures:
        sys.exit(f"목표에 못 미친 크기: {sorted(set(failures))}")
