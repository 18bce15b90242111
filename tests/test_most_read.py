"""많이 본 뉴스: views are counted in the cache and flushed in batches; rankings per period.

A view costs the reader's request no database write (design.md §4); bots, editors'
previews and one reader reloading are not counted; `flush_views` upserts daily rows
in one statement per batch; most_read() ranks live public articles in one query.
"""

import datetime
import io
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from newsroom import KST, add_article, add_section
from wagtail.models import PageViewRestriction

from readership import counting
from readership.counter import counter_cache
from readership.counting import count_view, flush_views, kst_today, pending_views
from readership.models import ArticleDailyViews
from readership.queries import most_read, period_window

CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
BROWSERS = [
    CHROME_ANDROID,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 13; SM-G991N) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Mobile/15E148 NAVER(inapp; search; 2000; 12.5.1)",
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36;KAKAOTALK 2410420",
    "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 "
    "Mobile Safari/537.36 DaumApps/8.0.2 DaumDevice/mobile",
    "Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/110.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
]
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)",
    "Mozilla/5.0 (compatible; Daum/4.1; +http://cs.daum.net/faq/15/4118.html?faqId=28966)",
    "Mozilla/5.0 (compatible; Daumoa/4.0)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/124.0.0.0 Safari/537.36",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "kakaotalk-scrap/1.0; +https://devtalk.kakao.com/",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "Wget/1.21.4",
    "",
]
HIT_URL = "/readership/hit/"


@pytest.fixture(autouse=True)
def empty_counter_cache():
    counter_cache().clear()
    yield
    counter_cache().clear()


@pytest.fixture
def not_due():
    """Keep the endpoint's once-a-minute flush from running during the test."""
    counter_cache().set(counting.FLUSH_DUE_KEY, 1, 24 * 60 * 60)


@pytest.fixture
def article(sections, masthead):
    return add_article(sections["daejeon"], title="대전 트램 착공")


def hit(client, article_id, user_agent=CHROME_ANDROID, reader="reader-0001", **headers):
    data = {"article": str(article_id)}
    if reader is not None:
        data["reader"] = reader
    return client.post(HIT_URL, data, headers={"user-agent": user_agent, **headers})


def writes(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_counters_never_share_the_small_default_local_memory_cache(settings):
    # Django's local-memory cache culls a third of its entries at 300: counters would go.
    assert counter_cache() is not caches["default"]
    assert counter_cache()._max_entries >= 100_000
    settings.READERSHIP_CACHE = "default"  # e.g. Redis, shared by every web process
    assert counter_cache() is caches["default"]


def test_the_endpoint_is_mounted_under_readership():
    assert reverse("readership:hit") == HIT_URL


def test_a_view_is_counted_in_the_cache_with_no_database_write(client, article, not_due):
    with CaptureQueriesContext(connection) as queries:
        response = hit(client, article.pk)

    assert response.status_code == 204
    assert writes(queries) == []
    assert not any("news_articlepage" in w for w in writes(queries))
    assert pending_views() == {(article.pk, kst_today()): 1}
    assert ArticleDailyViews.objects.count() == 0

    # A busy article: later views are cache-only, not even a read of the article row.
    with CaptureQueriesContext(connection) as queries:
        for n in range(5):
            assert hit(client, article.pk, reader=f"reader-{n:04d}x").status_code == 204
    assert len(queries) == 0
    assert pending_views() == {(article.pk, kst_today()): 6}


def test_one_reader_reloading_a_hundred_times_counts_once(client, article, not_due):
    for _ in range(100):
        hit(client, article.pk)
    assert pending_views() == {(article.pk, kst_today()): 1}


def test_readers_behind_one_address_count_separately(client, article, not_due):
    for n in range(3):
        hit(client, article.pk, reader=f"device-{n}-abcdef")
    hit(client, article.pk, reader=None)  # no token: address and browser alone
    assert pending_views() == {(article.pk, kst_today()): 4}


def test_behind_the_proxy_readers_are_told_apart_by_their_own_address(
    client, article, not_due, settings
):
    # Without a token (storage blocked), nginx's address alone would lump them together.
    settings.TRUSTED_PROXY_COUNT = 1
    for address in ["203.0.113.7", "198.51.100.20", "203.0.113.7"]:
        hit(client, article.pk, reader=None, x_forwarded_for=address)
    assert pending_views() == {(article.pk, kst_today()): 2}


def test_the_same_reader_counts_again_after_the_dedupe_window(
    client, article, not_due, settings, monkeypatch
):
    settings.READERSHIP_DEDUPE_SECONDS = 30 * 60
    hit(client, article.pk)
    hit(client, article.pk)
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started + 31 * 60)  # the cache's clock
    hit(client, article.pk)
    assert pending_views() == {(article.pk, kst_today()): 2}


@pytest.mark.parametrize("user_agent", BROWSERS)
def test_browsers_are_counted(client, article, not_due, user_agent):
    assert hit(client, article.pk, user_agent=user_agent).status_code == 204
    assert pending_views() == {(article.pk, kst_today()): 1}


@pytest.mark.parametrize("user_agent", BOTS)
def test_bots_are_not_counted(client, article, not_due, user_agent):
    assert hit(client, article.pk, user_agent=user_agent).status_code == 204
    assert pending_views() == {}


@pytest.mark.parametrize(
    "article_id", ["", "abc", "0", "-1", "1.5", "1e3", "12345678901", "2147483648", "١٢"]
)
def test_malformed_ids_are_400(client, db, article_id):
    response = hit(client, article_id)
    assert response.status_code == 400
    assert "기사 번호" in response.json()["error"]


def test_unknown_drafts_and_private_articles_are_404(client, sections, article, not_due):
    draft = add_article(sections["daejeon"], title="내린 기사")
    draft.unpublish()
    private_section = add_section(sections["region"], "회원 전용", "members")
    private = add_article(private_section, title="회원 전용 기사")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for page_id in (999_999, sections["daejeon"].pk, draft.pk, private.pk):
        response = hit(client, page_id)
        assert response.status_code == 404, page_id
        assert response.json()["error"] == "기사를 찾을 수 없습니다."
    assert pending_views() == {}


def test_only_post_is_accepted(client, article):
    assert client.get(HIT_URL, {"article": article.pk}).status_code == 405


def test_beacons_from_other_sites_are_refused(client, article, not_due):
    response = hit(client, article.pk, origin="https://evil.example")
    assert response.status_code == 403
    response = hit(client, article.pk, **{"sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert hit(client, article.pk, origin="http://testserver").status_code == 204
    assert pending_views() == {(article.pk, kst_today()): 1}


def test_flush_upserts_every_count_in_one_statement(sections, masthead):
    articles = [add_article(sections["daejeon"], title=f"기사 {n}") for n in range(30)]
    today = kst_today()
    for n, article in enumerate(articles):
        for _ in range(n + 1):
            count_view(article.pk)
    count_view(articles[0].pk, now=timezone.now() - datetime.timedelta(days=1))

    with CaptureQueriesContext(connection) as queries:
        assert flush_views() == 31
    statements = writes(queries)
    assert len(statements) == 1
    assert "ON CONFLICT" in statements[0] and "readership_articledailyviews" in statements[0]
    assert not any("news_articlepage" in s.split("FROM")[0] for s in statements)

    rows = {(r.article_id, r.day): r.views for r in ArticleDailyViews.objects.all()}
    assert rows[(articles[0].pk, today)] == 1
    assert rows[(articles[0].pk, today - datetime.timedelta(days=1))] == 1
    assert rows[(articles[29].pk, today)] == 30
    assert pending_views() == {}

    # Counted again: added to the same row, not a second row.
    count_view(articles[29].pk)
    count_view(articles[29].pk)
    assert flush_views() == 1
    assert ArticleDailyViews.objects.get(article=articles[29], day=today).views == 32
    assert flush_views() == 0


def test_views_arriving_during_a_flush_are_kept_for_the_next(article):
    count_view(article.pk)
    with counting.VIEWS.draining() as taken:
        count_view(article.pk)  # a reader's view between reading and writing
        assert sum(taken.values()) == 1
        counting._upsert([((article.pk, kst_today()), count) for count in taken.values()])
    assert pending_views() == {(article.pk, kst_today()): 1}
    assert flush_views() == 1
    assert ArticleDailyViews.objects.get(article=article).views == 2


def test_a_failed_flush_puts_the_counts_back(article, monkeypatch):
    count_view(article.pk)
    count_view(article.pk)

    def broken(items):
        raise RuntimeError("database gone")

    monkeypatch.setattr(counting, "_upsert", broken)
    with pytest.raises(RuntimeError):
        flush_views()
    assert pending_views() == {(article.pk, kst_today()): 2}
    monkeypatch.undo()
    flush_views()
    assert ArticleDailyViews.objects.get(article=article).views == 2


def test_views_of_a_deleted_article_are_dropped(sections, masthead):
    kept = add_article(sections["daejeon"], title="남은 기사")
    gone = add_article(sections["daejeon"], title="지운 기사")
    count_view(kept.pk)
    count_view(gone.pk)
    gone.delete()
    flush_views()
    assert list(ArticleDailyViews.objects.values_list("article_id", "views")) == [(kept.pk, 1)]


def test_the_endpoint_flushes_at_most_once_a_minute(client, article):
    hit(client, article.pk, reader="first-reader")
    assert ArticleDailyViews.objects.get(article=article).views == 1  # due: flushed at once
    with CaptureQueriesContext(connection) as queries:
        hit(client, article.pk, reader="second-reader")
    assert writes(queries) == []  # not due again within the minute
    assert ArticleDailyViews.objects.get(article=article).views == 1
    assert pending_views() == {(article.pk, kst_today()): 1}

    counter_cache().delete(counting.FLUSH_DUE_KEY)  # a minute later
    hit(client, article.pk, reader="third-reader")
    assert ArticleDailyViews.objects.get(article=article).views == 3


def test_flush_views_command(article):
    count_view(article.pk)
    out = io.StringIO()
    call_command("flush_views", stdout=out)
    assert "1건" in out.getvalue()
    assert ArticleDailyViews.objects.get(article=article).views == 1


def render_beacon(page, is_preview):
    request = RequestFactory().get("/")
    request.is_preview = is_preview
    return render_to_string("readership/beacon.html", {"page": page, "request": request})


def test_the_beacon_is_rendered_for_readers_but_not_in_previews(article):
    html = render_beacon(article, is_preview=False)
    assert 'src="/static/js/readership.js"' in html and "defer" in html
    assert f'data-readership-article="{article.pk}"' in html
    assert 'data-readership-hit="/readership/hit/"' in html
    assert "<script>" not in html  # no inline script (CSP)
    assert render_beacon(article, is_preview=True).strip() == ""


def test_an_editors_preview_renders_no_beacon(client, article, django_user_model):
    editor = django_user_model.objects.create_superuser("desk", "desk@dailycc.net", "pw")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:view_draft", args=(article.pk,))
    html = client.get(url).content.decode()
    assert "data-readership-article" not in html


# --- Rankings ---------------------------------------------------------------------------

NOON = datetime.datetime(2024, 5, 10, 12, 0, tzinfo=KST)
SIX_AM = datetime.datetime(2024, 5, 10, 6, 0, tzinfo=KST)


def views(article, day, count):
    ArticleDailyViews.objects.create(article=article, day=day, views=count)


def days_ago(n, now=NOON):
    return now.date() - datetime.timedelta(days=n)


def test_the_24_hour_window_weighs_yesterday_by_what_is_left_of_it():
    assert period_window("day", SIX_AM) == (SIX_AM.date(), days_ago(1), 0.75)
    assert period_window("week", NOON) == (days_ago(6), days_ago(7), 0.5)
    with pytest.raises(ValueError):
        period_window("year", NOON)


def test_most_read_ranks_by_views_in_the_period(sections, masthead):
    today_hit = add_article(sections["daejeon"], title="오늘 많이 본 기사")
    yesterday_hit = add_article(sections["politics"], title="어제 많이 본 기사")
    last_week = add_article(sections["politics"], title="닷새 전 기사")
    views(today_hit, days_ago(0, SIX_AM), 50)
    views(yesterday_hit, days_ago(1, SIX_AM), 60)  # × 0.75 = 45 in the last 24 hours
    views(last_week, days_ago(5, SIX_AM), 500)

    assert most_read("day", now=SIX_AM) == [today_hit, yesterday_hit]
    assert most_read("week", now=SIX_AM) == [last_week, yesterday_hit, today_hit]
    assert most_read("week", now=SIX_AM, limit=1) == [last_week]
    late_evening = SIX_AM.replace(hour=23)  # yesterday's views have almost left the window
    assert most_read("day", now=late_evening) == [today_hit, yesterday_hit]
    next_day = SIX_AM + datetime.timedelta(days=2)
    assert most_read("day", now=next_day) == []


def test_most_read_of_a_section_includes_its_subsections(sections, masthead):
    in_region = add_article(sections["region"], title="지역 기사")
    in_daejeon = add_article(sections["daejeon"], title="대전 기사")
    in_politics = add_article(sections["politics"], title="정치 기사")
    for n, article in enumerate([in_region, in_daejeon, in_politics]):
        views(article, days_ago(0), 10 + n)

    assert most_read("day", section=sections["region"], now=NOON) == [in_daejeon, in_region]
    assert most_read("day", section=sections["daejeon"], now=NOON) == [in_daejeon]
    assert most_read("day", now=NOON) == [in_politics, in_daejeon, in_region]


def test_drafts_and_private_articles_are_never_ranked(sections, masthead):
    public = add_article(sections["daejeon"], title="공개 기사")
    draft = add_article(sections["daejeon"], title="내린 기사")
    private_section = add_section(sections["region"], "회원 전용", "members")
    private = add_article(private_section, title="회원 전용 기사")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    for article in (public, draft, private):
        views(article, days_ago(0), 100)
    draft.unpublish()
    assert most_read("day", now=NOON) == [public]


def test_most_read_is_one_query_however_many_articles(
    sections, masthead, django_assert_num_queries
):
    for n in range(12):
        views(add_article(sections["daejeon"], title=f"기사 {n}"), days_ago(n % 3), n + 1)
    with django_assert_num_queries(1):
        ranked = most_read("week", now=NOON)
        assert len(ranked) == 10
    assert [article.title for article in ranked][:2] == ["기사 11", "기사 10"]


def test_the_section_page_shows_its_own_most_read_box(client, sections, masthead):
    region_story = add_article(sections["daejeon"], title="대전 시민이 많이 읽은 기사")
    politics_story = add_article(sections["politics"], title="정치부 특종")
    views(region_story, kst_today(), 30)
    views(politics_story, kst_today(), 90)

    html = client.get(sections["region"].url).content.decode()

    box = html[html.index("data-most-read") :]
    assert "많이 본 뉴스" in box and "지역" in box
    assert "대전 시민이 많이 읽은 기사" in box
    assert "정치부 특종" not in html
    assert "24시간" in box and "7일" in box
    assert 'role="tablist"' in box and "hidden" in box  # tabs appear with JS only
    assert 'src="/static/js/readership.js"' in box


def test_an_empty_ranking_says_so(client, sections, masthead):
    html = client.get(sections["politics"].url).content.decode()
    assert "아직 집계된 기사가 없습니다." in html


def test_editors_see_the_most_read_report_in_the_admin(client, sections, masthead):
    editor = get_user_model().objects.create_superuser("desk", "desk@dailycc.net", "pw")
    client.force_login(editor)
    read_today = add_article(sections["daejeon"], title="오늘 읽힌 기사")
    read_last_week = add_article(sections["politics"], title="지난주 읽힌 기사")
    views(read_today, kst_today(), 120)
    views(read_last_week, kst_today() - datetime.timedelta(days=4), 300)

    html = client.get("/admin/reports/most-read/").content.decode()
    assert "많이 본 기사" in html
    assert "오늘 읽힌 기사" in html and "120" in html
    assert "지난주 읽힌 기사" not in html

    html = client.get("/admin/reports/most-read/?period=week").content.decode()
    assert html.index("지난주 읽힌 기사") < html.index("오늘 읽힌 기사")

    region = sections["region"].pk
    html = client.get(f"/admin/reports/most-read/?period=month&section={region}").content.decode()
    assert "오늘 읽힌 기사" in html and "지난주 읽힌 기사" not in html

    for query in ("period=year", "section=abc", "section=999999", "period=%00"):
        assert client.get(f"/admin/reports/most-read/?{query}").status_code == 200

    csv = client.get("/admin/reports/most-read/?period=week&export=csv")
    assert csv.status_code == 200
    assert "지난주 읽힌 기사" in b"".join(csv.streaming_content).decode()
