"""Archive import: 100,000 generated articles into an empty site, against Wagtail's own path.

Both imports run in this one run on fresh databases of the same server: the bulk
importer on the whole corpus, and Wagtail's one-article-at-a-time calls
(`--one-by-one`) on a sample, so the ratio compares like with like. The corpus
comes from `generate_articles` (three in ten articles with a photo) and is kept
under var/bench/ between runs.
"""

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
SAMPLE = int(os.environ.get("BENCH_SAMPLE", "500"))
SEED = 1
TARGET_SECONDS = 20 * 60


def server_url():
    """The PostgreSQL server the project uses: DATABASE_URL's, else the embedded one."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    sys.path.insert(0, str(ROOT))
    from config.embedded_postgres import database_url

    return database_url()


def fresh_database(url, name):
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def manage(database_url, media, *args, quiet=True):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=quiet,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} 실패:\n{result.stdout}\n{result.stderr}")
    return time.monotonic() - started, result.stdout or ""


def empty_site(url, name):
    database = fresh_database(url, name)
    media = WORK / f"media-{name}"
    shutil.rmtree(media, ignore_errors=True)
    manage(database, media, "migrate", "--noinput")
    manage(database, media, "load_demo", "--without-articles")
    return database, media


def corpus_file(count):
    """The generated corpus of `count` articles, made once and kept under var/bench/."""
    folder = WORK / f"corpus-{count}-seed{SEED}"
    path = folder / "articles.jsonl"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"말뭉치 생성: {count:,}건 → {path}", flush=True)
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "generate_articles",
                str(count),
                "--seed",
                str(SEED),
                "-o",
                str(path),
                "--images",
            ],
            cwd=ROOT,
            check=True,
        )
    return path


def corpus():
    path = corpus_file(ARTICLES)
    sample = path.parent / f"sample-{SAMPLE}.jsonl"
    with path.open("rb") as source, sample.open("wb") as out:
        for _ in range(SAMPLE):
            out.write(source.readline())
    return path, sample


def run():
    WORK.mkdir(parents=True, exist_ok=True)
    url = server_url()
    path, sample = corpus()

    print(f"기준: Wagtail의 기사별 저장 경로 (--one-by-one), 표본 {SAMPLE}건", flush=True)
    database, media = empty_site(url, "chungcheong_bench_baseline")
    baseline_seconds, _ = manage(
        database, media, "import_articles", str(sample), "--quiet", "--one-by-one"
    )

    print(f"일괄 가져오기: {ARTICLES:,}건", flush=True)
    database, media = empty_site(url, "chungcheong_bench_import")
    bulk_seconds, summary = manage(database, media, "import_articles", str(path), "--quiet")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    _, problems = manage(database, media, "fixtree")
    rerun_seconds, rerun_summary = manage(database, media, "import_articles", str(path), "--quiet")

    baseline_rate = SAMPLE / baseline_seconds
    bulk_rate = ARTICLES / bulk_seconds
    rows = [
        ("기사 수", f"{ARTICLES:,}", ""),
        (
            "일괄 가져오기 (검색 색인 포함)",
            f"{bulk_seconds / 60:.1f}분",
            f"목표 ≤ {TARGET_SECONDS // 60}분",
        ),
        ("일괄 속도", f"{bulk_rate:,.0f}건/초", ""),
        ("Wagtail 기사별 저장 속도 (표본)", f"{baseline_rate:,.1f}건/초", ""),
        ("속도 비율 (일괄 ÷ 기사별)", f"{bulk_rate / baseline_rate:,.1f}배", ""),
        ("같은 파일 다시 실행 (모두 건너뜀)", f"{rerun_seconds:.0f}초", rerun_summary.strip()),
        ("최대 메모리 (하위 프로세스)", f"{peak_mb:,.0f} MB", "목표 < 1,024 MB"),
        ("fixtree", "문제 없음" if "No problems found" in problems else "문제 있음", ""),
        ("결과", summary.strip(), ""),
    ]
    print_table("bench import", rows)
    if bulk_seconds > TARGET_SECONDS or "No problems found" not in problems:
        sys.exit(1)


def print_table(title, rows):
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    print(f"\n## {title}")
    for row in rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
