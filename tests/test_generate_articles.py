"""generate_articles: a deterministic corpus of Korean articles in the import schema."""

import io
import json
import os
import re
import statistics
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from newsroom import add_section
from PIL import Image

from home.management.commands.load_demo import SECTIONS
from news import corpus
from news.corpus import generate, josa
from news.importer import BODY_TYPES, REQUIRED_FIELDS, TYPE_CHOICES
from news.models import ARTICLE_NUMBER_SEQUENCE, ArticlePage, NewsImage

KST = timezone(timedelta(hours=9))
PROJECT_DIR = Path(__file__).resolve().parent.parent
# every section path of the demo site, parents included: where an article may be filed
DEMO_SECTIONS = {slug for slug, _, _, _ in SECTIONS} | {
    f"{slug}/{child}" for slug, _, _, children in SECTIONS for child, _ in children
}
PARTICLES = (("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"))


@pytest.fixture(scope="module")
def articles():
    return list(generate(200, seed=7))


def generate_file(path, count, seed, *options):
    out = io.StringIO()
    call_command(
        "generate_articles", str(count), "--seed", str(seed), "-o", str(path), *options, stdout=out
    )
    return out.getvalue()


def paragraphs(article):
    return [block["text"] for block in article["body"] if block["type"] == "paragraph"]


def running_text(article):
    """Everything a reader reads in sentences: lead, subtitle, paragraphs, quotes, captions."""
    texts = [article["lead"], article.get("subtitle", "")]
    for block in article["body"]:
        texts += [block.get("text", ""), block.get("caption", "")]
    return "\n".join(texts)


# Determinism


def test_the_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path):
    generate_file(tmp_path / "a.jsonl", 50, 3)
    generate_file(tmp_path / "b.jsonl", 50, 3)
    generate_file(tmp_path / "c.jsonl", 50, 4)

    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.jsonl").read_bytes() != (tmp_path / "c.jsonl").read_bytes()


def test_the_same_seed_gives_the_same_articles_in_any_process():
    script = (
        "import json, sys; from news.corpus import generate; "
        "sys.stdout.write(''.join(json.dumps(a, ensure_ascii=False) + '\\n' "
        "for a in generate(300, 9)))"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=PROJECT_DIR,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 300


def test_photos_change_nothing_but_the_photo_blocks(tmp_path):
    without = list(generate(60, seed=5))
    with_photos = list(generate(60, seed=5, images_dir=tmp_path / "images"))
    for article in with_photos:
        article["body"] = [block for block in article["body"] if block["type"] != "image"]
    assert with_photos == without


# The import schema


def test_every_article_fits_the_import_schema(articles):
    assert [article["id"] for article in articles] == [str(1_000_001 + i) for i in range(200)]
    for article in articles:
        assert all(article.get(name) not in (None, "", []) for name in REQUIRED_FIELDS)
        assert article["section"] in DEMO_SECTIONS
        assert article["type"] in TYPE_CHOICES
        assert article["status"] == "live"
        assert 15 <= len(article["title"]) <= 45
        assert len(article.get("subtitle", "")) <= 1000
        assert 0 < len(article["lead"]) <= 500
        assert len(article["dateline"]) <= 30
        assert 1 <= len(article["tags"]) <= 4 and len(set(article["tags"])) == len(article["tags"])
        assert all(isinstance(tag, str) and 0 < len(tag) <= 100 for tag in article["tags"])
        for reporter in article["reporters"]:
            assert 0 < len(reporter["name"]) <= 50
            assert reporter["email"].endswith("@dailycc.net")
        assert 5 <= len(paragraphs(article)) <= 12
        for block in article["body"]:
            assert block["type"] in BODY_TYPES and block["type"] != "image"
            if block["type"] == "subheading":
                assert 0 < len(block["text"]) <= 200
            if block["type"] == "quote":
                assert block["text"] and 0 < len(block["attribution"]) <= 100


def test_opinion_has_its_own_sections_no_dateline_and_its_own_writers(articles):
    for article in articles:
        kind = article["type"]
        assert (kind == "editorial") == (article["section"] == "opinion/editorial")
        assert (kind == "column") == (article["section"] == "opinion/column")
        if kind in ("editorial", "column"):
            assert article["dateline"] == ""
        else:
            assert article["dateline"] and 1 <= len(article["reporters"]) <= 2
        if kind == "editorial":
            assert article["reporters"] == []
        if kind == "column":
            assert len(article["reporters"]) == 1


def test_the_mix_of_sections_and_types_is_a_regional_dailys():
    sample = list(generate(1000, seed=1))
    sections = [article["section"] for article in sample]
    kinds = [article["type"] for article in sample]

    assert set(sections) == {
        section for section in DEMO_SECTIONS if section not in ("region", "opinion")
    }
    assert 0.35 <= sum(section.startswith("region/") for section in sections) / 1000 <= 0.65
    assert kinds.count("news") / 1000 > 0.7
    assert all(kinds.count(kind) >= 10 for kind in ("editorial", "column", "interview", "photo"))


def test_publication_times_span_ten_years_to_november_2026_in_kst():
    sample = list(generate(500, seed=2))
    published = [datetime.fromisoformat(article["published_at"]) for article in sample]

    assert all(moment.utcoffset() == timedelta(hours=9) for moment in published)
    assert min(published) < datetime(2017, 3, 1, tzinfo=KST)
    assert datetime(2026, 7, 1, tzinfo=KST) < max(published) < datetime(2026, 11, 1, tzinfo=KST)
    days = [moment.date() for moment in published]
    assert days == sorted(days)  # a later number is never an older article
    for article, moment in zip(sample, published, strict=True):
        if "updated_at" in article:
            updated = datetime.fromisoformat(article["updated_at"])
            assert moment < updated <= moment + timedelta(hours=6)


# Korean that reads as Korean


@pytest.mark.parametrize(
    ("noun", "particle", "expected"),
    [
        ("대전시", "은", "대전시는"),
        ("충남도", "이", "충남도가"),
        ("세종시교육청", "는", "세종시교육청은"),
        ("법원", "로", "법원으로"),
        ("서울", "으로", "서울로"),
        ("청주", "으로", "청주로"),
        ("청주", "과", "청주와"),
        ("대전", "와", "대전과"),
        ("법원", "를", "법원을"),
        ("한국과학기술원(KAIST)", "는", "한국과학기술원(KAIST)은"),
        ("AI", "을", "AI를"),
        ("UAM", "를", "UAM을"),
        ("5G", "을", "5G를"),
        ("R&D", "이", "R&D가"),
        ("코로나19", "이", "코로나19가"),
        ("3-0", "로", "3-0으로"),
        ("2-1", "으로", "2-1로"),
        ("30%", "이", "30%가"),
        ("10", "는", "10은"),
        ("2", "은", "2는"),
        ("과제", "이다", "과제다"),
        ("시금석", "이다", "시금석이다"),
        ('"매일이 새로운 도전"', "라고", '"매일이 새로운 도전"이라고'),
        ("'다시 봄'", "를", "'다시 봄'을"),
    ],
)
def test_a_particle_follows_the_last_sound_of_its_noun(noun, particle, expected):
    assert josa(noun, particle) == expected


def has_final_consonant(syllable):
    return (ord(syllable) - 0xAC00) % 28 != 0


def is_rieul(syllable):
    return (ord(syllable) - 0xAC00) % 28 == 8


def particle_mismatches(text, nouns, checked=None):
    """Every known noun in the text followed by the wrong form of a particle, judged afresh
    from the noun's last syllable (not by the generator's own function)."""
    mismatches = []
    for token in re.findall(r"[^\s\"'()…·,.?!]+", text):
        if token in nouns:  # 창업가 is a word of its own, not 창업 with 가
            continue
        for after_consonant, after_vowel in PARTICLES:
            for form in (after_consonant, after_vowel):
                stem = re.sub(r"^[\d.]+", "", token[: -len(form)])
                if not token.endswith(form) or stem not in nouns:
                    continue
                last = stem[-1]
                if not "가" <= last <= "힣":
                    continue
                if after_consonant == "으로":
                    right = "으로" if has_final_consonant(last) and not is_rieul(last) else "로"
                else:
                    right = after_consonant if has_final_consonant(last) else after_vowel
                if checked is not None:
                    checked[form] = checked.get(form, 0) + 1
                if form != right:
                    mismatches.append(token)
    return mismatches


@pytest.fixture(scope="module")
def last_words():
    """The generator's nouns as they end a phrase: 스마트공장 보급 사업 ends in 사업."""
    return {noun.split()[-1] for noun in corpus.NOUNS}


def test_the_particle_check_catches_a_wrong_particle(last_words):
    text = "대전시은 7일 충남도를 찾았고 청주으로 향했다. 세종시교육청는 사업를 맡는다."
    assert particle_mismatches(text, last_words) == [
        "대전시은",
        "청주으로",
        "세종시교육청는",
        "사업를",
    ]


def test_every_known_noun_in_the_text_takes_the_right_particle(articles, last_words):
    checked = {}
    mismatches = []
    for article in articles:
        mismatches += particle_mismatches(running_text(article), last_words, checked)

    assert mismatches == []
    assert sum(checked.values()) > 3000
    assert set(checked) == {form for pair in PARTICLES for form in pair}


def test_paragraphs_are_whole_sentences_with_korean_endings(articles):
    for article in articles:
        for paragraph in paragraphs(article):
            assert paragraph[-1] in ".?!"
            for sentence in re.split(r"(?<=[.?!])\s+", paragraph):
                assert sentence.endswith(("다.", "까?")), sentence


def test_an_article_never_repeats_a_sentence(articles):
    for article in articles:
        sentences = [
            sentence
            for paragraph in paragraphs(article)
            for sentence in re.split(r"(?<=[.?!])\s+", paragraph)
        ]
        assert len(sentences) == len(set(sentences)), article["id"]


def test_bodies_are_as_long_as_a_regional_dailys(articles):
    lengths = [sum(map(len, paragraphs(article))) for article in articles]
    assert 900 <= statistics.mean(lengths) <= 1500


# Photos


def test_about_three_in_ten_articles_get_a_small_jpeg(tmp_path):
    sample = list(generate(200, seed=11, images_dir=tmp_path / "images"))
    photos = [block for article in sample for block in article["body"] if block["type"] == "image"]

    assert 0.2 <= len(photos) / len(sample) <= 0.4
    assert sorted(path.name for path in (tmp_path / "images").iterdir()) == sorted(
        block["src"].removeprefix("images/") for block in photos
    )
    for article in sample:
        blocks = [block for block in article["body"] if block["type"] == "image"]
        assert len(blocks) <= 1
        for block in blocks:
            assert block["src"] == f"images/{article['id']}.jpg"
            assert 0 < len(block["caption"]) <= 500 and 0 < len(block["credit"]) <= 100
            path = tmp_path / block["src"]
            assert path.stat().st_size < 30_000
            with Image.open(path) as picture:
                assert (picture.format, picture.size) == ("JPEG", (640, 400))
                picture.verify()


# The command


def test_the_command_writes_json_lines_to_the_output_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    out = generate_file(path, 5, 3)

    text = path.read_text(encoding="utf-8")
    ids = [json.loads(line)["id"] for line in text.splitlines()]
    assert ids == [str(1_000_001 + i) for i in range(5)]
    assert re.search("[가-힣]", text) and "\\u" not in text  # Korean as it is, not escaped
    assert "기사 5건" in out


def test_without_an_output_file_the_lines_go_to_standard_output(tmp_path):
    out = io.StringIO()
    call_command("generate_articles", "4", "--seed", "3", stdout=out)
    generate_file(tmp_path / "corpus.jsonl", 4, 3)

    assert out.getvalue() == (tmp_path / "corpus.jsonl").read_text(encoding="utf-8")


def test_images_go_into_an_images_folder_beside_the_output_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    generate_file(path, 30, 2, "--images")

    sources = [
        block["src"]
        for line in path.read_text(encoding="utf-8").splitlines()
        for block in json.loads(line)["body"]
        if block["type"] == "image"
    ]
    assert sources and all((tmp_path / src).is_file() for src in sources)


def test_images_without_an_output_file_are_refused():
    with pytest.raises(CommandError, match="--images는 -o FILE과 함께"):
        call_command("generate_articles", "5", "--images", stdout=io.StringIO())


@pytest.mark.parametrize(("count", "message"), [("0", "1 이상"), ("-3", "1 이상"), ("열", "정수")])
def test_a_count_that_is_not_a_positive_number_is_refused(count, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_articles", count, stdout=io.StringIO())


# Into the site


@pytest.fixture
def article_numbers_restored(db):
    """Imported ids move the article-number sequence, which a rollback does not undo; put
    it back so that other tests' numbers do not depend on the order tests run in."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value, is_called FROM {ARTICLE_NUMBER_SEQUENCE}")
        last_value, is_called = cursor.fetchone()
    yield
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(%s, %s, %s)", [ARTICLE_NUMBER_SEQUENCE, last_value, is_called]
        )


@pytest.mark.django_db
def test_generated_articles_with_photos_import_into_the_demo_sections(
    tmp_path, home, article_numbers_restored
):
    for slug, title, _, children in SECTIONS:
        section = add_section(home, title, slug)
        for child_slug, child_title in children:
            add_section(section, child_title, child_slug)
    path = tmp_path / "corpus.jsonl"
    generate_file(path, 20, 4, "--images")
    photos = len(list((tmp_path / "images").iterdir()))

    errors = io.StringIO()
    try:
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=errors)
    except CommandError as error:
        pytest.fail(f"{error}\n{errors.getvalue()}")

    assert ArticlePage.objects.count() == 20
    assert photos and NewsImage.objects.count() == photos
