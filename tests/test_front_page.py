"""The front page: editors' curation first, grades for the rest, every article once.

Also the 속보 ticker on every page, and a query budget that does not grow with the paper.
"""

import datetime
import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from newsroom import add_article, add_section, make_image
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.front_page import HEADLINE_SLOTS, build_front_page
from home.models import HomePage, HomePageHeadline
from news.models import (
    ArticleGrade,
    ArticlePage,
    ArticleReporter,
    ArticleType,
    Reporter,
    SectionPage,
)
from readership.counter import counter_cache
from readership.counting import kst_today
from readership.models import ArticleDailyViews

FRONT_PAGE_BUDGET = 25


@pytest.fixture(autouse=True)
def empty_caches():
    counter_cache().clear()
    yield
    counter_cache().clear()


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def photo_body(title="사진"):
    image = make_image(title)
    return [
        ("paragraph", RichText("<p>본문.</p>")),
        ("image", {"image": image, "caption": "", "credit": ""}),
    ]


def curate(home, top=None, headlines=(), **fields):
    """What an editor does in the admin: choose, then publish the front page."""
    home = HomePage.objects.get(pk=home.pk)
    home.top_story = top
    for name, value in fields.items():
        setattr(home, name, value)
    home.headlines = [
        HomePageHeadline(
            article=slot[0],
            title=slot[1] if len(slot) > 1 else "",
            image=slot[2] if len(slot) > 2 else None,
        )
        for slot in headlines
    ]
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


def without_rankings(html):
    """The page minus the 많이 본 뉴스 box and the ticker, which repeat articles by design."""
    html = re.sub(r'<section class="most-read".*?</section>', "", html, flags=re.S)
    return re.sub(r'<section class="breaking".*?</section>', "", html, flags=re.S)


def lead_and_headlines(html):
    top = html[html.index('class="front-top"') : html.index('class="front-columns"')]
    lead = re.search(r'<h3 class="front-lead__title"><a [^>]*>([^<]+)</a>', top).group(1)
    headlines = re.findall(r'<span class="front-headline__title">([^<]+)</span>', top)
    return lead, headlines


@pytest.fixture
def articles(sections, masthead):
    """Eight news articles, one an hour, 기사 1 the newest."""
    return [
        add_article(sections["daejeon"], title=f"기사 {n}", published_at=hours_ago(n))
        for n in range(1, 9)
    ]


def test_editors_top_story_and_headlines_come_first_in_their_order(client, home, articles):
    a1, a2, a3, a4, *_ = articles
    photo = make_image("첫 화면 전용 사진")
    curate(
        home,
        top=articles[6],
        headlines=[(a3,), (a1, "첫 화면용으로 줄인 제목"), (a4, "", photo)],
        top_story_title="톱기사 전용 제목",
    )

    html = client.get("/").content.decode()
    lead, headlines = lead_and_headlines(html)

    assert lead == "톱기사 전용 제목"
    # Curated places first, in order; then the automatic fill, newest first.
    assert headlines == [
        "기사 3",
        "첫 화면용으로 줄인 제목",
        "기사 4",
        "기사 2",
        "기사 5",
        "기사 6",
    ]
    assert photo.get_rendition("fill-240x150|watermark").url in html
    # The overrides are the front page's own: the article keeps its title.
    article_html = client.get(a1.url).content.decode()
    assert '<h1 class="article__title">기사 1</h1>' in article_html
    assert "첫 화면용으로 줄인 제목" not in article_html


def test_every_article_appears_once_on_the_page(client, home, sections, reporter, articles):
    opinion = add_section(home, "오피니언", "opinion")
    columnist = Reporter.objects.create(name="오세영", title="논설위원", photo=make_image("필자"))
    add_article(opinion, title="칼럼 하나", article_type=ArticleType.COLUMN, reporters=[columnist])
    add_article(opinion, title="사설 하나", article_type=ArticleType.EDITORIAL)
    add_article(
        sections["politics"], title="정치 포토", article_type=ArticleType.PHOTO, body=photo_body()
    )
    curate(home, top=articles[0], headlines=[(articles[1],), (articles[0],)])  # chosen twice

    front = build_front_page(HomePage.objects.get(pk=home.pk))
    shown = [article.pk for article in front.articles()]
    assert len(shown) == len(set(shown)) == ArticlePage.objects.count()

    html = without_rankings(client.get("/").content.decode())
    for article in ArticlePage.objects.all():
        assert html.count(f">{article.title}<") == 1, article.title


def test_an_unpublished_choice_gives_its_place_to_the_automatic_fill(client, home, articles):
    curate(home, top=articles[3], headlines=[(articles[4],)])
    articles[3].unpublish()

    lead, headlines = lead_and_headlines(client.get("/").content.decode())

    assert lead == "기사 1"
    assert headlines[0] == "기사 5"
    assert "기사 4" not in headlines


def test_without_curation_grades_place_the_last_48_hours(client, home, sections, masthead):
    def article(title, hours, grade, **fields):
        return add_article(
            sections["daejeon"], title=title, published_at=hours_ago(hours), grade=grade, **fields
        )

    article("어제 헤드라인", 30, ArticleGrade.HEADLINE)
    article("방금 일반", 1, ArticleGrade.NORMAL)
    article("오늘 중요", 10, ArticleGrade.IMPORTANT)
    article("오늘 헤드라인", 20, ArticleGrade.HEADLINE)
    article("지난주 헤드라인", 24 * 7, ArticleGrade.HEADLINE)  # outside the window: by date
    article("그제 일반", 50, ArticleGrade.NORMAL)
    article("사설 헤드라인", 2, ArticleGrade.HEADLINE, article_type=ArticleType.EDITORIAL)

    lead, headlines = lead_and_headlines(client.get("/").content.decode())

    assert lead == "오늘 헤드라인"
    assert headlines == ["어제 헤드라인", "오늘 중요", "방금 일반", "그제 일반", "지난주 헤드라인"]


def test_curated_places_stay_and_grades_fill_the_rest(client, home, sections, masthead):
    chosen = add_article(sections["daejeon"], title="편집자 선택", published_at=hours_ago(70))
    add_article(sections["daejeon"], title="최근 일반", published_at=hours_ago(1))
    add_article(sections["daejeon"], title="최근 헤드라인", published_at=hours_ago(5), grade=2)
    curate(home, headlines=[(chosen,)])

    lead, headlines = lead_and_headlines(client.get("/").content.decode())

    assert lead == "최근 헤드라인"  # no top story chosen: the best graded
    assert headlines == ["편집자 선택", "최근 일반"]


def test_a_new_paper_still_renders(client, home, masthead):
    html = client.get("/").content.decode()
    assert "아직 게재된 기사가 없습니다." in html
    assert "아직 집계된 기사가 없습니다." in html


def test_blocks_latest_photo_sections_and_opinion(client, home, sections, reporter, masthead):
    opinion = add_section(home, "오피니언", "opinion")
    editorials = add_section(opinion, "사설", "editorial")
    columnist = Reporter.objects.create(name="오세영", title="논설위원", photo=make_image("필자"))
    column = add_article(
        opinion,
        title="[충청칼럼] 원도심을 걷다",
        article_type=ArticleType.COLUMN,
        reporters=[columnist],
        published_at=hours_ago(3),
    )
    add_article(
        editorials,
        title="[사설] 산단 대개조",
        article_type=ArticleType.EDITORIAL,
        reporters=[reporter],
        published_at=hours_ago(2),
    )
    add_article(
        sections["politics"], title="정치 사진 기사", body=photo_body(), published_at=hours_ago(90)
    )
    add_article(
        sections["daejeon"],
        title="[포토] 벚꽃 터널",
        article_type=ArticleType.PHOTO,
        body=photo_body(),
        published_at=hours_ago(100),
    )
    for n in range(HEADLINE_SLOTS + 1 + 10):  # fills the top, the headlines and 최신기사
        add_article(sections["politics"], title=f"정치 {n}", published_at=hours_ago(10 + n))
    add_article(sections["daejeon"], title="대전 소식", published_at=hours_ago(200))

    html = client.get("/").content.decode()
    main = without_rankings(html)

    photos = main[main.index('class="front-photos"') :]
    photos = photos[: photos.index("</section>")]
    assert photos.index("[포토] 벚꽃 터널") < photos.index("정치 사진 기사")

    section_blocks = main[
        main.index('class="front-sections"') : main.index('class="front-opinion"')
    ]
    assert "대전 소식" in section_blocks  # the region block includes its subsections
    assert '<a href="/region/">지역</a>' in section_blocks
    assert "오피니언</a></h2>" not in section_blocks  # opinion only: its own block below

    opinion_block = main[main.index('class="front-opinion"') :]
    assert opinion_block.index("[사설] 산단 대개조") < opinion_block.index(
        "[충청칼럼] 원도심을 걷다"
    )
    assert columnist.photo.get_rendition("fill-96x96").url in opinion_block
    assert "오세영 논설위원" in opinion_block
    assert "권예진" not in opinion_block  # 사설 are unsigned on the front page
    assert opinion_block.count("<img") == 1
    assert column.url in opinion_block


def test_most_read_box_is_on_the_front_page(client, home, articles):
    ArticleDailyViews.objects.create(article=articles[7], day=kst_today(), views=40)
    html = client.get("/").content.decode()
    box = html[html.index('<section class="most-read"') :]
    box = box[: box.index("</section>")]
    assert "많이 본 뉴스" in box and "기사 8" in box
    assert box.count("기사 8") == 2  # in 24시간 and in 7일


# --- 속보 ---------------------------------------------------------------------------------


def test_breaking_news_shows_on_every_page_until_it_expires(client, home, sections, masthead):
    until = timezone.now() + datetime.timedelta(hours=2)
    breaking = add_article(sections["daejeon"], title="대전 도심 정전", breaking_until=until)
    add_article(sections["daejeon"], title="지난 속보", breaking_until=hours_ago(1))

    for url in ("/", sections["politics"].url, breaking.url):
        html = client.get(url).content.decode()
        ticker = html[html.index('<section class="breaking"') :]
        ticker = ticker[: ticker.index("</section>") + 80]
        assert (
            html.index('class="skip-link"')
            < html.index('class="breaking"')
            < html.index("site-header")
        )
        assert "대전 도심 정전" in ticker
        assert "지난 속보" not in ticker
        expiry = timezone.localtime(until).replace(microsecond=0).isoformat()
        assert f'data-breaking-until="{expiry}"' in ticker
        assert 'src="/static/js/front.js"' in ticker

    ArticlePage.objects.filter(pk=breaking.pk).update(breaking_until=hours_ago(0.01))
    html = client.get("/").content.decode()
    assert 'class="breaking"' not in html and "js/front.js" not in html


def test_unpublished_and_private_breaking_news_is_not_shown(client, home, sections, masthead):
    until = timezone.now() + datetime.timedelta(hours=2)
    withdrawn = add_article(sections["daejeon"], title="철회된 속보", breaking_until=until)
    withdrawn.unpublish()
    members = add_section(home, "회원 전용", "members")
    add_article(members, title="회원 전용 속보", breaking_until=until)
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)

    assert 'class="breaking"' not in client.get("/").content.decode()


def test_the_ticker_costs_one_query_whatever_the_number_of_breaking_articles(
    client, home, sections, masthead
):
    def count():
        client.get(sections["politics"].url)
        with CaptureQueriesContext(connection) as queries:
            client.get(sections["politics"].url)
        return len(queries)

    without = count()
    until = timezone.now() + datetime.timedelta(hours=1)
    for n in range(8):
        add_article(sections["daejeon"], title=f"속보 {n}", breaking_until=until)
    assert count() == without


# --- Admin --------------------------------------------------------------------------------


def test_an_editor_curates_the_front_page_in_the_admin(client, home, articles):
    editor = get_user_model().objects.create_superuser("desk", "desk@dailycc.net", "pw")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(home.pk,))
    form = client.get(edit_url).content.decode()
    assert "톱기사" in form and "헤드라인" in form

    def form(first_title, **actions):
        return nested_form_data(
            {
                "title": home.title,
                "slug": home.slug,
                "top_story": articles[5].pk,
                "top_story_title": "",
                "top_story_image": "",
                "headlines": inline_formset(
                    [
                        {"article": articles[6].pk, "title": first_title, "image": ""},
                        {"article": articles[2].pk, "title": "", "image": ""},
                    ]
                ),
                "seo_title": "",
                "search_description": "",
                "go_live_at": "",
                "expire_at": "",
                **actions,
            }
        )

    # The preview shows the unsaved choices, and they stay unsaved.
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(home.pk,))
    assert client.post(preview_url, form("미리보기 제목")).json()["is_valid"]
    assert "미리보기 제목" in client.get(preview_url).content.decode()
    assert "미리보기 제목" not in client.get("/").content.decode()

    response = client.post(
        edit_url, form("일곱째를 둘째로", **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=(home.pk,)))
    assert "일곱째를 둘째로" in draft.content.decode()

    client.logout()
    lead, headlines = lead_and_headlines(client.get("/").content.decode())
    assert lead == "기사 6"
    assert headlines[:3] == ["일곱째를 둘째로", "기사 3", "기사 1"]


# --- Query budget -------------------------------------------------------------------------


def build_paper(home, scale, prefix):
    """`scale` times a small paper: sections with subsections, every kind of article,
    grades, reporters with photos, a breaking story, view counts and a curated top."""
    reporters = [
        Reporter.objects.create(name=f"기자{prefix}{n}", photo=make_image(f"얼굴{prefix}{n}"))
        for n in range(4 * scale)
    ]
    sections = []
    for n in range(5 * scale):
        section = home.add_child(
            instance=SectionPage(title=f"섹션{prefix}{n}", slug=f"s{prefix}{n}")
        )
        sections.append(section)
        sections.append(section.add_child(instance=SectionPage(title=f"하위{n}", slug="sub")))
    types = itertools.cycle(
        [
            ArticleType.NEWS,
            ArticleType.NEWS,
            ArticleType.PHOTO,
            ArticleType.COLUMN,
            ArticleType.EDITORIAL,
        ]
    )
    reporter_cycle = itertools.cycle(reporters)
    section_cycle = itertools.cycle(sections)
    created = []
    published = timezone.now() - datetime.timedelta(days=3)
    for n in range(30 * scale):
        published += datetime.timedelta(minutes=7)
        article = ArticlePage(
            title=f"기사 {prefix}{n}",
            lead="요약",
            first_published_at=published,
            last_published_at=published,
            body=photo_body(f"사진{prefix}{n}")
            if n % 2
            else [("paragraph", RichText("<p>본문</p>"))],
            article_type=next(types),
            grade=n % 3,
            breaking_until=timezone.now() + datetime.timedelta(hours=1) if n % 10 == 0 else None,
        )
        article.article_reporters = [
            ArticleReporter(reporter=next(reporter_cycle), sort_order=0),
            ArticleReporter(reporter=next(reporter_cycle), sort_order=1),
        ]
        next(section_cycle).add_child(instance=article)
        created.append(article)

    ArticleDailyViews.objects.bulk_create(
        [
            ArticleDailyViews(
                article=article, day=kst_today() - datetime.timedelta(days=n % 8), views=n + 1
            )
            for n, article in enumerate(created)
        ]
    )
    curate(
        home,
        top=created[-1],
        headlines=[(created[-2], "바꾼 제목"), (created[-3], "", make_image(f"대체{prefix}"))],
        top_story_image=make_image(f"톱{prefix}"),
    )


def measure(client, assert_max_queries):
    client.get("/")  # create renditions, warm per-process caches
    caches["renditions"].clear()  # but count the photos' renditions every time
    with assert_max_queries(FRONT_PAGE_BUDGET) as queries:
        response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="front-lead"' in html and 'class="breaking"' in html
    assert 'class="front-opinion"' in html and 'class="front-photos"' in html
    import json

    with open(f"/tmp/q{len(queries)}.json", "w") as f:
        json.dump([q["sql"] for q in queries.captured_queries], f)
    return len(queries)


def test_front_page_budget_holds_at_ten_times_the_articles(
    client, home, masthead, django_assert_max_num_queries
):
    build_paper(home, 1, "a")
    small = measure(client, django_assert_max_num_queries)
    build_paper(home, 9, "b")  # ten times in all
    assert ArticlePage.objects.count() == 300
    assert measure(client, django_assert_max_num_queries) == small
