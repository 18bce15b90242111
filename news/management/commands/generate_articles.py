"""manage.py generate_articles N: synthetic Korean articles as JSON Lines, for benchmarks.

Needs no database, so it runs anywhere the code does; the articles come from news.corpus.
"""

import argparse
import json
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.corpus import generate


def article_count(value):
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"정수가 아닙니다: {value!r}") from None


class Command(BaseCommand):
    help = (
        "가상의 한국어 기사 N건을 가져오기 형식(JSON Lines)으로 만듭니다. "
        "같은 N과 --seed는 언제나 같은 파일을 만듭니다."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("count", metavar="N", type=article_count, help="만들 기사 수 (1 이상)")
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="난수 시드. 같은 시드는 같은 기사를 만듭니다 (기본값 1)",
        )
        parser.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="JSON Lines를 쓸 파일. 없으면 표준 출력으로 씁니다",
        )
        parser.add_argument(
            "--images",
            action="store_true",
            help="기사 10건 중 3건꼴로 사진을 만들어 FILE 옆의 images/ 폴더에 저장합니다 (-o 필요)",
        )

    def handle(self, *args, count, seed, output, images, **options):
        if count < 1:
            raise CommandError(f"기사 수 N은 1 이상이어야 합니다 (받은 값: {count}).")
        if images and not output:
            raise CommandError(
                "--images는 -o FILE과 함께 써야 합니다. 사진은 FILE 옆의 images/ 폴더에 저장됩니다."
            )
        if output is None:
            try:
                for article in generate(count, seed):
                    self.stdout.write(json.dumps(article, ensure_ascii=False))
                self.stdout.flush()
            except BrokenPipeError:
                # The reader had enough (… | head): stop, and keep Python quiet at exit.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return

        path = Path(output)
        images_dir = path.parent / "images" if images else None
        try:
            target = path.open("w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise CommandError(f"파일을 쓸 수 없습니다: {path} ({error.strerror})") from None
        photos = 0
        with target:
            for article in generate(count, seed, images_dir=images_dir):
                target.write(json.dumps(article, ensure_ascii=False))
                target.write("\n")
                photos += any(block["type"] == "image" for block in article["body"])
        summary = f"기사 {count}건을 {path}에 썼습니다"
        if images:
            summary += f" (사진 {photos}장: {images_dir})"
        self.stdout.write(self.style.SUCCESS(summary + "."))
