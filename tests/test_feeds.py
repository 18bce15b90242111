"""RSS 2.0 feeds: every element a feed reader or portal reads, only live public articles, fixed queries."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.cache import caches
from django.utils import timezone
from newsroom import KST, add_article, add_section, make_image
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from news.feeds import FEED_LENGTH, alternate_feeds
from news.models import ArticlePage, ArticleReporter, ArticleType, Reporter, Series
from readership.models import ArticleDailyViews

MEDIA = "{http://search.yahoo.com/mrss/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def published(day, hour=9):
    return datetime.datetime(2022, 4, day, hour, 0, tzinfo=KST)


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed, response


def titles(feed):
    return [entry.title for entry in feed.entries]


def xml_items(response):
    return ET.fromstring(response.content).find("channel").findall("item")


# Every element


def test_an_item_carries_every_element(client, seed_article):
    feed, response = fetch(client, "/rss/")
    [entry] = feed.entries

    assert entry.title == "대전시, 산업단지 재생 위해 20개 기관과 손잡아"
    assert entry.link == "http://localhost/region/daejeon/100001/" == seed_article.full_url
    assert entry.id == "http://localhost/articles/100001/"  # by number: survives a move
    [item] = xml_items(response)
    assert item.find("guid").get("isPermaLink") == "true"
    assert item.findtext("pubDate") == "Thu, 07 Apr 2022 16:33:00 +0900"
    assert entry.published_parsed[:5] == (2022, 4, 7, 7, 33)  # the same moment in UTC
    assert entry.author == "권예진 기자"
    assert item.find("author") is None  # RSS's <author> is an email address: dc:creator instead
    assert [tag.term for tag in entry.tags] == ["대전", "대전산단"]  # the section, then the tags
    assert entry.summary == "대전시가 노후 산단 재생을 위해 20개 기관과 협약을 맺었다."


def test_the_full_text_is_the_article_pages_body_with_absolute_urls(client, seed_article):
    feed, response = fetch(client, "/rss/")
    content = feed.entries[0].content[0]
    html = content.value

    assert content.type == "text/html"
    assert "&lt;p&gt;" in response.content.decode()  # escaped HTML inside content:encoded
    assert "<strong>지역 일자리 거점으로</strong>" in html  # the subtitle lines first
    assert "[충청신문=대전] 권예진 기자 = </span>대전시가 7일 시청에서 협약식을 열었다." in html
    assert 'src="http://localhost/media/images/' in html  # feedparser sorts attributes
    assert ".width-1200." in html
    assert "▲ 참석자들이 협약서를 들어 보이고 있다. (사진=대전시 제공)" in html
    assert "세부 과제" in html
    assert "산단을 일자리 거점으로 만들겠다" in html and "— 대전시장" in html
    assert "▲첫째 과제 ▲둘째 과제를 추진한다." in html
    assert html.rstrip().endswith("<p>저작권자 © 충청신문 무단전재 및 재배포 금지</p>")
    assert 'src="/' not in html and 'href="/' not in html


def test_the_main_photo_is_an_enclosure_with_its_caption(client, seed_article):
    feed, response = fetch(client, "/rss/")
    [enclosure] = feed.entries[0].enclosures
    rendition = seed_article.listing_image.get_rendition("width-1200|watermark")

    assert enclosure.href == f"http://localhost{rendition.url}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == rendition.file.size > 0
    media = xml_items(response)[0].find(f"{MEDIA}content")
    assert media.get("url") == enclosure.href
    assert media.get("medium") == "image"
    assert (media.get("width"), media.get("height")) == ("640", "400")
    # The caption written in the article wins over the photo's default; the credit is the default.
    assert (
        media.findtext(f"{MEDIA}description")
        == "참석자들이 협약서를 들어 보이고 있다. (사진=대전시 제공)"
    )
    assert media.findtext(f"{MEDIA}credit") == "대전시 제공"


def test_a_chosen_main_photo_outside_the_body_carries_its_own_caption(client, sections, masthead):
    photo = make_image("항공사진", caption="대전 도심 전경", credit="충청신문 DB")
    add_article(sections["daejeon"], title="대표 사진만 있는 기사", main_image=photo)

    feed, response = fetch(client, "/rss/")

    assert feed.entries[0].enclosures[0].href.startswith("http://localhost/media/images/")
    media = xml_items(response)[0].find(f"{MEDIA}content")
    assert media.findtext(f"{MEDIA}description") == "대전 도심 전경 (사진=충청신문 DB)"


def test_a_photo_article_opens_with_its_main_photo_as_its_page_does(client, sections, masthead):
    photo = make_image("포토", caption="벚꽃길을 걷는 시민들", credit="권예진 기자")
    add_article(
        sections["daejeon"],
        title="[포토] 벚꽃 만개",
        article_type=ArticleType.PHOTO,
        main_image=photo,
        body=[("paragraph", RichText("<p>대전 곳곳에 벚꽃이 활짝 폈다.</p>"))],
    )

    html = fetch(client, "/rss/")[0].entries[0].content[0].value

    assert html.index("article-photo--lead") < html.index("대전 곳곳에 벚꽃이 활짝 폈다.")
    assert "▲ 벚꽃길을 걷는 시민들 (사진=권예진 기자)" in html


def test_without_a_lead_the_description_is_the_opening_of_the_body(client, sections, masthead):
    sentence = "대전시가 올해 하반기 원도심 활성화 사업을 본격 추진한다. "
    add_article(
        sections["daejeon"],
        title="요약 없는 기사",
        body=[
            ("paragraph", RichText(f"<p>{sentence * 3}</p>")),
            ("paragraph", RichText(f"<p>{sentence * 5}</p>")),
        ],
    )

    summary = fetch(client, "/rss/")[0].entries[0].summary

    assert summary.startswith("대전시가 올해 하반기 원도심 활성화 사업을")
    assert 150 <= len(summary) <= 200
    assert summary.endswith("…")


def test_several_reporters_make_one_byline_and_an_editorial_has_no_author(
    client, sections, reporter, masthead
):
    second = Reporter.objects.create(name="이승훈", email="lee@dailycc.net")
    add_article(sections["daejeon"], title="공동 취재", reporters=[reporter, second])
    add_article(sections["politics"], title="[사설] 사설", article_type=ArticleType.EDITORIAL)

    feed, _response = fetch(client, "/rss/")
    by_title = {entry.title: entry for entry in feed.entries}

    assert by_title["공동 취재"].author == "권예진·이승훈 기자"
    assert "author" not in by_title["[사설] 사설"]


def test_titles_are_text_not_html(client, sections, masthead):
    add_article(sections["daejeon"], title='<인터뷰> "대전 & 세종" 상생')
    assert titles(fetch(client, "/rss/")[0]) == ['<인터뷰> "대전 & 세종" 상생']


def test_internal_links_and_embeds_become_plain_absolute_links(
    client, seed_article, sections, monkeypatch
):
    def no_provider(*args, **kwargs):
        raise AssertionError("a feed must not fetch an embed from its provider")

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", no_provider)
    add_article(
        sections["politics"],
        title="링크와 영상",
        body=[
            (
                "paragraph",
                RichText(f'<p>앞서 <a linktype="page" id="{seed_article.pk}">보도</a>했다.</p>'),
            ),
            ("embed", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ],
    )

    html = fetch(client, "/rss/")[0].entries[0].content[0].value

    assert f'<a href="{seed_article.full_url}">보도</a>' in html
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in html
    assert "<template>" not in html and "<button" not in html


def test_control_characters_from_imported_text_are_dropped_not_a_500(client, sections, masthead):
    add_article(sections["daejeon"], title="제목\x0b에 섞인 문자", lead="요약\x01입니다")

    entry = fetch(client, "/rss/")[0].entries[0]

    assert (entry.title, entry.summary) == ("제목에 섞인 문자", "요약입니다")


# The channel


def test_the_channel_says_what_the_feed_is(client, seed_article, masthead):
    feed, response = fetch(client, "/rss/")

    assert feed.feed.title == "충청신문 - 전체 기사"
    assert feed.feed.link == "http://localhost/"
    assert feed.feed.subtitle == "충청신문의 모든 섹션 최신 기사"
    assert feed.feed.language == "ko"
    assert feed.feed.rights == masthead.copyright_line
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("lastBuildDate") == "Thu, 07 Apr 2022 16:33:00 +0900"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert (self_link.get("rel"), self_link.get("href")) == ("self", "http://localhost/rss/")
    assert channel.findtext("ttl") == "5"


def test_last_build_date_is_the_latest_change_in_kst(client, seed_article):
    later = published(9, hour=18)
    ArticlePage.objects.filter(pk=seed_article.pk).update(last_published_at=later)

    response = fetch(client, "/rss/")[1]

    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("lastBuildDate") == "Sat, 09 Apr 2022 18:00:00 +0900"
    assert response["Last-Modified"] == "Sat, 09 Apr 2022 09:00:00 GMT"


def test_feeds_may_be_cached_for_five_minutes(client, seed_article):
    response = client.get("/rss/")
    assert "max-age=300" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_an_empty_feed_is_still_a_valid_feed(client, sections, masthead):
    feed, _response = fetch(client, "/rss/")
    assert feed.entries == []
    assert feed.feed.title == "충청신문 - 전체 기사"


# Which articles, in which order


def quick_articles(section, count, first_day=1, prefix="기사"):
    """`count` live articles, a day apart, added without revisions (fast)."""
    articles = []
    for n in range(count):
        article = section.add_child(
            instance=ArticlePage(
                title=f"{prefix}{n:03d}",
                lead="요약",
                body=[("paragraph", RichText(f"<p>{n}번 기사.</p>"))],
            )
        )
        moment = datetime.datetime(2022, 1, 1, 9, tzinfo=KST) + datetime.timedelta(
            days=first_day + n
        )
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=moment, last_published_at=moment
        )
        articles.append(article)
    return articles


def test_the_latest_fifty_newest_first(client, sections, masthead):
    quick_articles(sections["daejeon"], FEED_LENGTH + 5)

    feed, _response = fetch(client, "/rss/")

    assert FEED_LENGTH == 50
    assert titles(feed) == [f"기사{n:03d}" for n in range(54, 4, -1)]


def test_a_section_feed_holds_its_subsections_and_nothing_else(client, sections, masthead):
    add_article(sections["daejeon"], title="대전 기사", published_at=published(1))
    add_article(sections["region"], title="지역 기사", published_at=published(2))
    add_article(sections["politics"], title="정치 기사", published_at=published(3))

    region, _response = fetch(client, "/rss/region/")
    daejeon, _response = fetch(client, "/rss/region/daejeon/")

    assert titles(region) == ["지역 기사", "대전 기사"]
    assert region.feed.title == "충청신문 - 지역"
    assert region.feed.link == sections["region"].full_url
    assert titles(daejeon) == ["대전 기사"]
    assert titles(fetch(client, "/rss/daejeon/")[0]) == ["대전 기사"]  # by slug alone


def test_sections_sharing_a_slug_are_told_apart_by_their_path(client, sections, masthead):
    economy = add_section(sections["politics"], "경제 속 대전", "daejeon")
    add_article(sections["daejeon"], title="지역 대전 기사")
    add_article(economy, title="정치 대전 기사")

    assert titles(fetch(client, "/rss/politics/daejeon/")[0]) == ["정치 대전 기사"]
    assert titles(fetch(client, "/rss/region/daejeon/")[0]) == ["지역 대전 기사"]
    assert titles(fetch(client, "/rss/daejeon/")[0]) == ["지역 대전 기사"]  # the shallowest


def test_reporter_series_and_tag_feeds(client, sections, reporter, masthead):
    series = Series.objects.create(name="대전의 재발견", description="대전의 숨은 명소")
    other = Reporter.objects.create(name="오세영", title="논설위원")
    add_article(
        sections["daejeon"],
        title="연재 1회",
        reporters=[reporter],
        series=series,
        tags=["원도심"],
        published_at=published(1),
    )
    add_article(sections["politics"], title="다른 기사", reporters=[other], tags=["국회"])

    by_reporter, _response = fetch(client, f"/rss/reporter/{reporter.pk}/")
    by_series, _response = fetch(client, f"/rss/series/{series.slug}/")
    by_tag, _response = fetch(client, f"/rss/tag/{Tag.objects.get(name='원도심').slug}/")

    assert titles(by_reporter) == titles(by_series) == titles(by_tag) == ["연재 1회"]
    assert by_reporter.feed.title == "충청신문 - 권예진 기자"
    assert by_reporter.feed.link == f"http://localhost/reporters/{reporter.pk}/"
    assert by_series.feed.title == "충청신문 - 대전의 재발견"
    assert by_series.feed.subtitle == "대전의 숨은 명소"
    assert (
        by_series.feed.link
        == "http://localhost/series/%EB%8C%80%EC%A0%84%EC%9D%98-%EC%9E%AC%EB%B0%9C%EA%B2%AC/"
    )
    assert by_tag.feed.title == "충청신문 - #원도심"


def test_popular_ranks_the_last_24_hours_most_read_first(client, sections, masthead):
    today = timezone.localtime(timezone.now(), KST).date()
    little = add_article(sections["daejeon"], title="조금 읽은 기사")
    much = add_article(sections["politics"], title="많이 읽은 기사")
    old_hit = add_article(sections["politics"], title="지난주에 많이 읽은 기사")
    add_article(sections["politics"], title="아무도 안 읽은 기사")
    ArticleDailyViews.objects.create(article=little, day=today, views=3)
    ArticleDailyViews.objects.create(article=much, day=today, views=40)
    ArticleDailyViews.objects.create(
        article=old_hit, day=today - datetime.timedelta(days=5), views=900
    )

    feed, _response = fetch(client, "/rss/popular/")

    assert titles(feed) == ["많이 읽은 기사", "조금 읽은 기사"]
    assert feed.feed.title == "충청신문 - 많이 본 뉴스"
    assert feed.entries[0].content[0].value  # full items, like every feed


@pytest.fixture
def hidden_articles(sections, reporter, masthead):
    """One article of each kind a feed must never carry, each with views, byline, tag and series.

    Only 원본 기사 (in 대전) may appear; its alias in 정치 may not.
    """
    now = timezone.now()
    series = Series.objects.create(name="숨은 연재")
    common = {"reporters": [reporter], "tags": ["숨김"], "series": series}
    private_section = add_section(sections["region"], "내부", "internal")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")

    def unpublished_page(title, **fields):
        article = ArticlePage(
            title=title, body=[("paragraph", RichText("<p>본문</p>"))], live=False, series=series
        )
        article.article_reporters = [ArticleReporter(reporter=reporter)]
        for name, value in fields.items():
            setattr(article, name, value)
        sections["daejeon"].add_child(instance=article)
        article.tags.set(["숨김"])
        return article

    draft = unpublished_page("초안 기사")
    draft.save_revision()

    scheduled = unpublished_page("예약 기사", go_live_at=now + datetime.timedelta(hours=3))
    scheduled.save_revision().publish()
    assert not ArticlePage.objects.get(pk=scheduled.pk).live

    withdrawn = add_article(sections["daejeon"], title="내린 기사", **common)
    withdrawn.unpublish()

    private = add_article(private_section, title="비공개 기사", **common)

    embargoed = add_article(sections["daejeon"], title="엠바고 기사", **common)
    ArticlePage.objects.filter(pk=embargoed.pk).update(go_live_at=now + datetime.timedelta(hours=1))

    expired = add_article(sections["daejeon"], title="게재 종료 기사", **common)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))

    original = add_article(sections["daejeon"], title="원본 기사", **common)
    alias = original.create_alias(parent=sections["politics"])

    today = timezone.localtime(now, KST).date()
    for article in (draft, scheduled, withdrawn, private, embargoed, expired, original, alias):
        ArticleDailyViews.objects.create(article_id=article.pk, day=today, views=100)
    return series


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/rss/", ["원본 기사"]),
        ("/rss/region/", ["원본 기사"]),
        ("/rss/region/daejeon/", ["원본 기사"]),
        ("/rss/politics/", []),  # the alias shows the same article a second time
        ("/rss/popular/", ["원본 기사"]),
        ("/rss/tag/숨김/", ["원본 기사"]),
    ],
)
def test_drafts_private_scheduled_embargoed_and_expired_articles_never_appear(
    client, hidden_articles, url, expected
):
    assert titles(fetch(client, url)[0]) == expected


def test_nor_in_reporter_and_series_feeds(client, hidden_articles, reporter):
    assert titles(fetch(client, f"/rss/reporter/{reporter.pk}/")[0]) == ["원본 기사"]
    assert titles(fetch(client, f"/rss/series/{hidden_articles.slug}/")[0]) == ["원본 기사"]


# Unknown and malformed addresses


@pytest.mark.parametrize(
    "url",
    [
        "/rss/nowhere/",
        "/rss/region/nowhere/",
        "/rss/internal/",  # a private section
        "/rss/region/internal/",
        "/rss/reporter/999999/",
        "/rss/reporter/99999999999999999999999/",
        "/rss/reporter/abc/",
        "/rss/reporter/-1/",
        "/rss/series/없는-연재/",
        "/rss/tag/없는태그/",
        "/rss/tag/%00/",
        "/rss/series/%00/",
        "/rss/%00/",
        "/rss/region/%00/",
    ],
)
def test_unknown_or_malformed_feeds_are_the_sites_404(client, sections, masthead, url):
    private_section = add_section(sections["region"], "내부", "internal")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")

    response = client.get(url)

    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()


def test_an_unpublished_section_has_no_feed(client, sections, masthead):
    sections["politics"].unpublish()
    assert client.get("/rss/politics/").status_code == 404


# Advertised on the pages they belong to


def test_alternate_feeds_name_each_pages_feeds(rf, home, seed_article, sections, reporter):
    request = rf.get("/")
    series = Series.objects.create(name="연재물")
    tag = Tag.objects.get(name="대전산단")

    assert alternate_feeds(home, request) == [
        ("충청신문 - 전체 기사", "http://localhost/rss/"),
        ("충청신문 - 많이 본 뉴스", "http://localhost/rss/popular/"),
    ]
    assert alternate_feeds(sections["daejeon"], request) == [
        ("충청신문 - 대전", "http://localhost/rss/region/daejeon/")
    ]
    assert alternate_feeds(seed_article, request) == alternate_feeds(sections["daejeon"], request)
    assert alternate_feeds(seed_article, request, section=sections["daejeon"]) == [
        ("충청신문 - 대전", "http://localhost/rss/region/daejeon/")
    ]
    assert alternate_feeds(reporter, request) == [
        ("충청신문 - 권예진 기자", f"http://localhost/rss/reporter/{reporter.pk}/")
    ]
    assert alternate_feeds(series) == [("연재물", "/rss/series/%EC%97%B0%EC%9E%AC%EB%AC%BC/")]
    assert alternate_feeds(tag, request)[0][0] == "충청신문 - #대전산단"
    assert alternate_feeds(None, request) == []


def test_every_advertised_feed_exists(client, home, seed_article, sections, reporter):
    series = Series.objects.create(name="연재물")
    things = [home, sections["daejeon"], seed_article, reporter, series, Tag.objects.first()]
    for thing in things:
        for _title, url in alternate_feeds(thing):
            fetch(client, url)


# Queries


BUDGET = 12  # site, masthead, the feed's subject, articles, 3 prefetches, sections,
# the linked pages (2), body photos and their renditions


def build_newsroom(sections, count, prefix, shared_reporter):
    """`count` articles with all an item shows: photos, two bylines, tags, a series, links."""
    series = Series.objects.get_or_create(name="연재")[0]
    today = timezone.localtime(timezone.now(), KST).date()
    for n in range(count):
        photo = make_image(f"사진{prefix}{n}", caption=f"설명{n}", credit="대전시 제공")
        second_photo = make_image(f"둘째{prefix}{n}")
        target = ArticlePage.objects.order_by("pk").first()
        link = f'<a linktype="page" id="{target.pk}">관련</a>' if target else ""
        article = ArticlePage(
            title=f"기사{prefix}{n}",
            lead="" if n % 2 else "요약",
            dateline="대전",
            series=series,
            article_type=ArticleType.PHOTO if n % 5 == 0 else ArticleType.NEWS,
            main_image=photo if n % 3 == 0 else None,
            body=[
                ("paragraph", RichText(f"<p>{n}번 기사 첫 문단 {link}.</p>")),
                ("image", {"image": photo, "caption": "", "credit": ""}),
                ("subheading", "중간 제목"),
                ("quote", {"text": "인용", "attribution": "누군가"}),
                ("image", {"image": second_photo, "caption": "둘째 사진", "credit": ""}),
                ("embed", "https://www.youtube.com/watch?v=abc"),
                ("paragraph", RichText("<p>둘째 문단.</p>")),
            ],
        )
        article.tags.set(["태그1", f"태그{prefix}{n}"])
        own = Reporter.objects.create(name=f"기자{prefix}{n}")
        article.article_reporters = [
            ArticleReporter(reporter=shared_reporter, sort_order=0),
            ArticleReporter(reporter=own, sort_order=1),
        ]
        (sections["daejeon"] if n % 2 else sections["region"]).add_child(instance=article)
        article.save_revision().publish()
        ArticleDailyViews.objects.create(article=article, day=today, views=n + 1)
    return series


def measure(client, assert_max_queries, reporter, series):
    """Each feed's query count and item count, failing as soon as one is over budget."""
    counts = {}
    urls = [
        "/rss/",
        "/rss/region/",
        "/rss/region/daejeon/",
        "/rss/popular/",
        f"/rss/reporter/{reporter.pk}/",
        f"/rss/series/{series.slug}/",
        "/rss/tag/태그1/",
    ]
    for url in urls:
        client.get(url)  # the first reader makes the photos' renditions
        caches["renditions"].clear()  # but count finding them every time
        with assert_max_queries(BUDGET) as queries:
            feed, _response = fetch(client, url)
        counts[url] = (len(queries), len(feed.entries))
    return counts


def test_every_feed_takes_the_same_queries_at_ten_times_the_articles(
    client, sections, reporter, masthead, django_assert_max_num_queries
):
    series = build_newsroom(sections, 6, "a", reporter)
    small = measure(client, django_assert_max_num_queries, reporter, series)
    build_newsroom(sections, 54, "b", reporter)  # 60 articles: more than a feed holds
    large = measure(client, django_assert_max_num_queries, reporter, series)

    assert {url: queries for url, (queries, _items) in small.items()} == {
        url: queries for url, (queries, _items) in large.items()
    }
    assert {items for _queries, items in small.values()} <= {3, 6}
    assert large["/rss/"][1] == large["/rss/popular/"][1] == FEED_LENGTH


def test_the_guid_is_a_permanent_address_that_follows_the_article(client, seed_article, sections):
    response = client.get("/articles/100001/")
    assert response.status_code == 301
    assert response["Location"] == seed_article.url
    assert "max-age=86400" in response["Cache-Control"]  # not kept forever: it may move again

    seed_article.move(sections["politics"], pos="last-child")
    response = client.get("/articles/100001/")
    assert response["Location"] == "/politics/100001/"


@pytest.mark.parametrize("number", ["999", "99999999999999999999999"])
def test_an_unknown_article_number_is_the_404_page(client, seed_article, number):
    response = client.get(f"/articles/{number}/")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()


def test_a_draft_has_no_permanent_address_yet(client, seed_article):
    seed_article.unpublish()
    assert client.get("/articles/100001/").status_code == 404
