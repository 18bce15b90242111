"""load_demo builds the demo 충청신문, and running it again changes nothing."""

import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage, Masthead, StandardPage
from news.models import ArticlePage, NewsImage, Reporter, SectionPage
from readership.models import ArticleDailyViews

DEMO_FILE = Path(__file__).resolve().parent.parent / "home" / "demo" / "articles.jsonl"
SEED_FILE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_cc7ee12da7f23ca9.txt"


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db, settings):
    settings.EMBEDDED_DATABASE = True
    return load_demo()


def demo_state():
    home = HomePage.objects.get()
    return (
        Page.objects.count(),
        Reporter.objects.count(),
        Masthead.objects.count(),
        NewsImage.objects.count(),
        ArticleDailyViews.objects.count(),
        sum(ArticleDailyViews.objects.values_list("views", flat=True)),
        home.top_story_id,
        list(home.headlines.values_list("article_id", "title")),
        home.revisions.count(),
        list(ArticlePage.objects.order_by("pk").values_list("grade", "breaking_until")),
    )


def test_load_demo_twice_leaves_the_same_pages(demo):
    state = demo_state()
    load_demo()
    assert demo_state() == state


def test_the_demo_front_page_has_every_block(client, demo):
    html = client.get("/").content.decode()

    top = html[html.index('class="front-top"') : html.index('class="front-columns"')]
    assert "산단 대개조" in top[: top.index('class="front-headlines"')]  # the top story
    assert "충북 &quot;광역철도, 청주 도심 통과해야&quot;" in top  # a front-page-only title
    ticker = html[html.index('class="breaking"') : html.index("site-header")]
    assert "보이스피싱 주의보" in ticker
    box = html[html.index('<section class="most-read"') :]
    assert box.count("<li>") >= 20  # 24시간 and 7일, ten each
    opinion = html[html.index('class="front-opinion"') :]
    assert "[사설]" in opinion and "칼럼" in opinion and "<img" in opinion
    assert 'class="front-photos"' in html and "[포토]" in html


def test_an_editors_curation_survives_load_demo(demo):
    home = HomePage.objects.get()
    home.top_story = ArticlePage.objects.get(legacy_idxno="300116")
    home.headlines = []
    home.save_revision().publish()
    load_demo()
    home = HomePage.objects.get()
    assert home.top_story.legacy_idxno == "300116"
    assert not home.headlines.exists()


def test_demo_has_the_sections_articles_reporters_and_pages(demo):
    titles = set(SectionPage.objects.values_list("title", flat=True))
    assert {
        "정치",
        "경제",
        "사회",
        "지역",
        "대전",
        "세종",
        "충남",
        "충북",
        "문화",
        "스포츠",
        "오피니언",
        "사설",
        "칼럼",
    } <= titles
    assert ArticlePage.objects.live().count() >= 16
    assert Reporter.objects.count() >= 3
    assert set(StandardPage.objects.values_list("title", flat=True)) == {
        "회사소개",
        "청소년보호정책",
        "개인정보처리방침",
        "이메일무단수집거부",
        "열린보도원칙",
    }
    masthead = Masthead.objects.get()
    assert masthead.registration_number == "대전 가 00006"
    with_photos = [a for a in ArticlePage.objects.all() if a.listing_image_id]
    assert len(with_photos) >= 10


def test_one_demo_article_is_shaped_like_the_seed(client, demo):
    article = ArticlePage.objects.get(legacy_idxno="300101")
    assert [r.name for r in article.reporters] == ["권예진"]
    assert article.dateline == "대전"
    html = client.get(article.url).content.decode()
    assert "입력 <time" in html and "2022.04.07 16:33" in html
    assert "[충청신문=대전] 권예진 기자 = " in html
    assert re.search(r"<figcaption>▲ [^<]+ \(사진=대전시 제공\)</figcaption>", html)


def test_demo_editor_account_only_for_the_embedded_database(db, settings):
    settings.EMBEDDED_DATABASE = False
    out = load_demo()
    assert not get_user_model().objects.filter(username="editor").exists()
    assert "비밀번호" not in out
    settings.EMBEDDED_DATABASE = True
    out = load_demo()
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and editor.check_password("chungcheong-demo")
    assert "/admin/" in out and "editor" in out


def test_demo_accounts_for_each_newsroom_role(demo, client):
    users = get_user_model().objects
    reporter = users.get(username="reporter")
    assert {g.name for g in reporter.groups.all()} >= {"기자", "지역 기자"}
    assert Reporter.objects.get(email="kwon@dailycc.net").user == reporter
    assert users.get(username="desk").groups.filter(name="지역 데스크").exists()
    assert users.get(username="chief").groups.filter(name="편집국장").exists()
    assert "reporter (지역 기자)" in demo
    assert client.login(username="reporter", password="chungcheong-demo")
    assert client.get("/admin/").status_code == 200


def test_no_sentence_of_the_seed_article_is_copied():
    if not SEED_FILE.exists():
        pytest.skip(f"the seed page is not at {SEED_FILE} (shared/ is not beside this checkout)")
    seed = SEED_FILE.read_text(encoding="utf-8")
    body = seed[seed.index("권예진 기자 =") : seed.index("저작권자")]
    sentences = [s.strip() for s in re.split(r"(?<=다\.)", body) if len(s.strip()) > 20]
    assert len(sentences) > 10
    demo_text = "\n".join(
        json.dumps(json.loads(line), ensure_ascii=False)
        for line in DEMO_FILE.open(encoding="utf-8")
    )
    copied = [sentence for sentence in sentences if sentence in demo_text]
    assert not copied
