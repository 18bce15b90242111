"""Banner advertising: slots that never break the page cache, scheduling, targeting, counting."""

import datetime
import itertools
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from newsroom import add_article, make_image

from ads import stats
from ads.models import Banner, BannerDailyStats, BannerKind, BannerSlot
from ads.templatetags.ad_tags import _after_paragraph

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
)
ADD_URL = "wagtailsnippets_ads_banner:add"
EDIT_URL = "wagtailsnippets_ads_banner:edit"


@pytest.fixture(autouse=True)
def empty_caches():
    """The page cache (slot answers) and the counters' cache, which is its own in tests."""
    for each in (cache, stats.counter_cache()):
        each.clear()
    yield
    for each in (cache, stats.counter_cache()):
        each.clear()


@pytest.fixture
def photo(db):
    return make_image("광고 이미지")


def banner(photo=None, name="광고", slot=BannerSlot.HEADER, starts=-1, ends=None, **fields):
    """A banner that started `starts` hours from now and ends `ends` hours from now (None: never)."""
    now = timezone.now()
    fields.setdefault("link_url", "https://shop.example.kr/sale")
    if fields.get("kind", BannerKind.IMAGE) == BannerKind.IMAGE:
        fields.setdefault("image", photo)
        fields.setdefault("alt_text", f"{name} 대체 텍스트")
    return Banner.objects.create(
        name=name,
        slot=slot,
        starts_at=now + datetime.timedelta(hours=starts),
        ends_at=None if ends is None else now + datetime.timedelta(hours=ends),
        **fields,
    )


def slot(client, slot_name=BannerSlot.HEADER, section=None):
    params = {"section": section} if section is not None else {}
    return client.get(reverse("ads:slot", args=[slot_name]), params)


def shown(client, slot_name=BannerSlot.HEADER, section=None):
    response = slot(client, slot_name, section)
    assert response.status_code == 200
    return {item["id"] for item in response.json()["banners"]}


def max_age(response):
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


READERS = itertools.count(1)


def impress(client, *banner_ids, agent=BROWSER, address=None):
    """One page view's beacon, by a new reader unless `address` says who."""
    headers = {"user-agent": agent} if agent is not None else {}
    address = address or f"10.0.{next(READERS) % 250}.{next(READERS) % 250}"
    return client.post(
        reverse("ads:impressions"), {"b": banner_ids}, headers=headers, REMOTE_ADDR=address
    )


def later(**delta):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(**delta)
    )


# Scheduling: an expired or not-yet-started banner never shows


def test_only_live_banners_are_offered_to_a_slot(client, photo):
    live = banner(photo, "게재 중", ends=24)
    endless = banner(photo, "끝 없음")
    banner(photo, "종료됨", starts=-48, ends=-1)
    banner(photo, "예약", starts=2, ends=48)
    banner(photo, "중지", active=False)
    banner(photo, "다른 위치", slot=BannerSlot.FOOTER)
    assert shown(client) == {live.pk, endless.pk}


def test_a_banner_disappears_at_its_end_even_from_the_cached_answer(client, photo):
    ending = banner(photo, "곧 종료", ends=1)
    assert shown(client) == {ending.pk}  # now in the server's cache
    with later(hours=1, seconds=1):
        assert shown(client) == set()


def test_a_scheduled_banner_appears_at_its_start_even_with_a_cached_answer(client, photo):
    upcoming = banner(photo, "예약", starts=1)
    assert shown(client) == set()
    with later(hours=1, seconds=1):
        assert shown(client) == {upcoming.pk}


def test_browsers_may_keep_a_slot_answer_only_until_its_first_banner_ends(client, photo):
    response = slot(client)
    assert "public" in response["Cache-Control"] and max_age(response) == 60

    now = timezone.now()
    Banner.objects.create(
        name="20초 남음",
        slot=BannerSlot.HEADER,
        image=photo,
        alt_text="대체",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(seconds=20),
    )
    assert max_age(slot(client)) <= 20


def test_browsers_ask_again_when_a_scheduled_banner_starts(client, photo):
    now = timezone.now()
    Banner.objects.create(
        name="곧 시작",
        slot=BannerSlot.HEADER,
        image=photo,
        alt_text="대체",
        starts_at=now + datetime.timedelta(seconds=15),
    )
    response = slot(client)
    assert response.json()["banners"] == [] and max_age(response) <= 15


def test_switching_a_banner_off_takes_effect_at_once_on_the_server(client, photo):
    live = banner(photo)
    assert shown(client) == {live.pk}
    live.active = False
    live.save()
    assert shown(client) == set()


def test_the_slot_answer_sets_no_cookie_and_reads_no_session(client, photo):
    banner(photo)
    response = slot(client)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


# Section targeting and weight


def test_a_targeted_banner_shows_on_its_section_its_subsections_and_their_articles(
    client, photo, sections
):
    everywhere = banner(photo, "전체")
    regional = banner(photo, "지역 광고")
    regional.sections.set([sections["region"]])
    article = add_article(sections["daejeon"], title="대전 기사")

    assert shown(client, section=sections["region"].pk) == {everywhere.pk, regional.pk}
    assert shown(client, section=sections["daejeon"].pk) == {everywhere.pk, regional.pk}
    assert shown(client, section=article.pk) == {everywhere.pk, regional.pk}
    assert shown(client, section=sections["politics"].pk) == {everywhere.pk}
    assert shown(client) == {everywhere.pk}


def test_a_banner_targeted_to_a_subsection_does_not_show_on_its_parent(client, photo, sections):
    daejeon_only = banner(photo, "대전 광고")
    daejeon_only.sections.set([sections["daejeon"]])
    assert shown(client, section=sections["daejeon"].pk) == {daejeon_only.pk}
    assert shown(client, section=sections["region"].pk) == set()


def test_each_banner_comes_with_its_weight_for_the_browser_to_rotate(client, photo):
    heavy = banner(photo, "무거움", weight=3)
    light = banner(photo, "가벼움", weight=1)
    weights = {item["id"]: item["weight"] for item in slot(client).json()["banners"]}
    assert weights == {heavy.pk: 3, light.pk: 1}


def test_an_image_banner_is_its_image_with_alt_text_linked_through_the_click_counter(client, photo):
    item = banner(photo, alt_text="대전 엑스포 할인")
    html = slot(client).json()["banners"][0]["html"]
    assert f'href="{reverse("ads:click", args=[item.pk])}"' in html
    assert 'alt="대전 엑스포 할인"' in html and "<img" in html
    assert 'rel="sponsored nofollow noopener"' in html
    assert "shop.example.kr" not in html  # the click goes through our counter


def test_garbage_slot_requests_get_a_clean_answer(client, photo):
    banner(photo)
    assert slot(client, "nowhere").status_code == 404
    for section in ["abc", "-1", "9" * 40, "１２", "0"]:
        assert slot(client, section=section).status_code == 200
    assert client.post(reverse("ads:slot", args=["header"])).status_code == 405


# Placeholders in the page: no banner in the cached HTML, no query


def test_pages_carry_an_empty_placeholder_with_their_section(client, photo, sections, masthead):
    banner(photo, "전체")
    article = add_article(sections["daejeon"], title="대전 기사")
    html = client.get(article.url).content.decode()
    header = re.search(r'<aside class="ad-slot ad-slot--header"[^>]*>', html).group(0)
    assert f'data-ad-section="{sections["daejeon"].pk}"' in header
    assert f'data-ad-src="/ads/slot/header/?section={sections["daejeon"].pk}"' in header
    assert " hidden" in header
    assert 'data-ad-slot="footer"' in html
    assert "ad-banner" not in html  # the banner itself never enters the page

    section_html = client.get(sections["region"].url).content.decode()
    assert f'data-ad-src="/ads/slot/header/?section={sections["region"].pk}"' in section_html
    front = client.get("/").content.decode()
    assert 'data-ad-src="/ads/slot/header/"' in front
    assert "js/ads.js" in front


def test_a_placeholder_costs_no_query(django_assert_num_queries, sections):
    template = Template(
        '{% load ad_tags %}{% banner_slot "article_side" %}{% banner_slot "header" %}'
    )
    with django_assert_num_queries(0):
        html = template.render(Context({"page": sections["daejeon"]}))
    assert f'data-ad-section="{sections["daejeon"].pk}"' in html
    assert 'data-ad-slot="article_side"' in html


def test_the_inline_slot_template_for_article_body_knows_the_articles_section(
    sections, django_assert_num_queries
):
    article = add_article(sections["daejeon"], title="대전 기사")
    context = {"page": article, "section": sections["daejeon"]}
    with django_assert_num_queries(0):
        html = render_to_string("ads/inline_slot.html", context)
    assert html.strip().startswith('<div class="ad-slot ad-slot--inline"')
    assert f'data-ad-src="/ads/slot/inline/?section={sections["daejeon"].pk}"' in html


def test_the_between_paragraphs_slot_goes_after_the_third_top_level_paragraph(sections):
    body = (
        "<p>하나</p><blockquote><p>인용 안 문단</p></blockquote><p>둘</p>"
        '<figure><img src="x.jpg" alt=""></figure><p>셋<br>줄바꿈</p><p>넷</p>'
    )
    template = Template("{% load ad_tags %}{% with_inline_banner body %}")
    html = template.render(Context({"body": body, "section": sections["daejeon"]}))
    before, after = html.split('<div class="ad-slot ad-slot--inline"', 1)
    assert before.endswith("<p>셋<br>줄바꿈</p>")
    assert after.endswith("</div><p>넷</p>") and "하나" not in after
    assert f'data-ad-section="{sections["daejeon"].pk}"' in html

    short = "<p>하나</p><p>둘</p><p>셋</p>"
    assert template.render(Context({"body": short})) == short
    assert _after_paragraph("<ul><li><p>x</p></li></ul>", 1) is None


# Clicks: only to the stored link


def test_a_click_goes_to_the_banners_own_link_and_nowhere_else(client, photo):
    item = banner(photo, link_url="https://shop.example.kr/sale?utm=dailycc")
    url = reverse("ads:click", args=[item.pk])
    response = client.get(url, {"next": "https://evil.example/", "url": "//evil.example"})
    assert response.status_code == 302
    assert response["Location"] == "https://shop.example.kr/sale?utm=dailycc"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_click_on_a_missing_or_linkless_banner_is_not_found(client, photo):
    assert client.get(reverse("ads:click", args=[999999])).status_code == 404
    linkless = banner(photo, link_url="")
    assert client.get(reverse("ads:click", args=[linkless.pk])).status_code == 404
    assert client.get("/ads/click/abc/").status_code == 404


def test_an_ended_banner_still_leads_to_its_advertiser_but_is_not_counted(client, photo):
    ended = banner(photo, starts=-48, ends=-2)
    response = client.get(reverse("ads:click", args=[ended.pk]), headers={"user-agent": BROWSER})
    assert response.status_code == 302 and response["Location"] == ended.link_url
    stats.flush()
    assert not BannerDailyStats.objects.exists()


# Counting: in the cache, then one statement per batch


def test_impressions_and_clicks_write_nothing_to_the_database_per_hit(
    client, photo, django_assert_num_queries
):
    item = banner(photo)
    stats.flush_if_due()  # the minute's flush has just run
    stats.countable_banner_ids()  # the minute's list of countable banners is cached
    with django_assert_num_queries(0):
        for _ in range(5):
            assert impress(client, item.pk).status_code == 204
    with django_assert_num_queries(1):  # reading the banner's link; the count goes to the cache
        client.get(reverse("ads:click", args=[item.pk]), headers={"user-agent": BROWSER})
    assert not BannerDailyStats.objects.exists()


def test_a_flush_adds_the_counts_to_daily_rows_in_one_statement(client, photo):
    first, second = banner(photo, "하나"), banner(photo, "둘")
    stats.flush_if_due()
    for _ in range(3):
        impress(client, first.pk, second.pk)
    impress(client, first.pk)
    client.get(reverse("ads:click", args=[first.pk]), headers={"user-agent": BROWSER})

    with CaptureQueriesContext(connection) as queries:
        assert stats.flush() == (2, 7, 1)
    writes = [
        q["sql"] for q in queries.captured_queries if not q["sql"].lstrip().startswith("SELECT")
    ]
    assert len(writes) == 1 and "ON CONFLICT" in writes[0]

    today = timezone.localdate()
    rows = {row.banner_id: row for row in BannerDailyStats.objects.filter(day=today)}
    assert (rows[first.pk].impressions, rows[first.pk].clicks) == (4, 1)
    assert (rows[second.pk].impressions, rows[second.pk].clicks) == (3, 0)

    impress(client, first.pk)
    assert stats.flush() == (1, 1, 0)
    assert stats.flush() == (0, 0, 0)  # nothing counted twice
    rows[first.pk].refresh_from_db()
    assert rows[first.pk].impressions == 5


def test_counts_flush_by_themselves_at_most_once_a_minute(client, photo):
    item = banner(photo)
    impress(client, item.pk)  # the first hit finds no recent flush
    assert BannerDailyStats.objects.get(banner=item).impressions == 1
    impress(client, item.pk)
    impress(client, item.pk)
    assert BannerDailyStats.objects.get(banner=item).impressions == 1  # within the minute
    stats.counter_cache().delete(stats.FLUSH_DUE_KEY)  # a minute later
    impress(client, item.pk)
    assert BannerDailyStats.objects.get(banner=item).impressions == 4


def test_the_flush_command_writes_pending_counts(client, photo, capsys):
    item = banner(photo)
    stats.flush_if_due()
    impress(client, item.pk)
    impress(client, item.pk)
    call_command("flush_banner_stats")
    assert "노출 2" in capsys.readouterr().out
    assert BannerDailyStats.objects.get(banner=item).impressions == 2


@pytest.mark.parametrize(
    "agent",
    [
        None,
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; Yeti/1.1; +http://naver.me/spd)",
        "Mozilla/5.0 (compatible; Daumoa/4.0)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36",
        "python-requests/2.32",
        "curl/8.5.0",
    ],
)
def test_bots_are_not_counted(client, photo, agent):
    item = banner(photo)
    impress(client, item.pk, agent=agent)
    client.get(reverse("ads:click", args=[item.pk]), headers={"user-agent": agent or ""})
    stats.flush()
    assert not BannerDailyStats.objects.exists()


def test_readers_in_korean_apps_are_counted(client, photo):
    item = banner(photo)
    stats.flush_if_due()
    for agent in [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 KAKAOTALK 10.8.0",
        "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 NAVER(inapp; search; 1000; 12.5.1)",
        "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 DaumApps/8.2.1",
    ]:
        impress(client, item.pk, agent=agent)
    stats.flush()
    assert BannerDailyStats.objects.get(banner=item).impressions == 4


def test_impressions_of_unknown_ended_or_garbage_ids_are_ignored(client, photo):
    live = banner(photo)
    ended = banner(photo, "지난 광고", starts=-48, ends=-5)
    stats.flush_if_due()
    response = client.post(
        reverse("ads:impressions"),
        {"b": [live.pk, ended.pk, 999999, "abc", "-3", "", "1e9", "٣"]},
        headers={"user-agent": BROWSER},
    )
    assert response.status_code == 204
    assert client.get(reverse("ads:impressions")).status_code == 405
    stats.flush()
    assert list(BannerDailyStats.objects.values_list("banner_id", "impressions")) == [(live.pk, 1)]


def test_counts_of_a_banner_deleted_before_the_flush_are_dropped(client, photo):
    doomed, kept = banner(photo, "삭제될 광고"), banner(photo, "남을 광고")
    stats.flush_if_due()
    impress(client, doomed.pk, kept.pk)
    stats.counter_cache().set(stats.COUNTABLE_IDS_KEY, {doomed.pk, kept.pk})
    Banner.objects.filter(pk=doomed.pk).delete()
    stats.flush()
    assert list(BannerDailyStats.objects.values_list("banner_id", flat=True)) == [kept.pk]


def test_counts_go_back_to_the_cache_when_the_write_fails(client, photo):
    item = banner(photo)
    stats.flush_if_due()
    impress(client, item.pk)
    with mock.patch("ads.stats._upsert", side_effect=RuntimeError("db down")):
        with pytest.raises(RuntimeError):
            stats.flush()
    assert stats.flush() == (1, 1, 0)


# Validation


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"alt_text": ""}, "alt_text"),
        ({"image": None}, "image"),
        ({"link_url": "javascript:alert(1)"}, "link_url"),
        ({"link_url": "ftp://files.example.kr/ad"}, "link_url"),
        ({"ends_in": -2}, "ends_at"),
        ({"weight": 0}, "weight"),
        ({"kind": BannerKind.HTML, "html": "  "}, "html"),
        (
            {"kind": BannerKind.HTML, "html": '<a href="https://x.example">x</a>'},
            "link_url",
        ),
    ],
)
def test_invalid_banners_are_refused_with_a_korean_message(photo, fields, field):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    ends_in = fields.pop("ends_in", None)
    values = {
        "name": "광고",
        "slot": BannerSlot.HEADER,
        "image": photo,
        "alt_text": "대체",
        "link_url": "https://shop.example.kr",
        "starts_at": now,
        "ends_at": now + datetime.timedelta(hours=ends_in) if ends_in else None,
        **fields,
    }
    with pytest.raises(ValidationError) as error:
        Banner(**values).full_clean()
    messages = error.value.message_dict[field]
    assert all(re.search("[가-힣]", message) for message in messages)


# The admin: trusted HTML, listing totals, the statistics report


def newsroom_user(username, *codenames):
    user = User.objects.create_user(
        username=username, email=f"{username}@dailycc.net", password="pw"
    )
    group = Group.objects.create(name=f"{username}-group")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="ads", codename__in=codenames),
    )
    user.groups.add(group)
    return user


def banner_form(photo, **fields):
    now = timezone.localtime()
    data = {
        "name": "새 광고",
        "advertiser": "대전 상회",
        "slot": BannerSlot.HEADER,
        "kind": BannerKind.IMAGE,
        "image": photo.pk,
        "alt_text": "대전 상회 할인",
        "link_url": "https://shop.example.kr",
        "starts_at": now.strftime("%Y.%m.%d %H:%M"),
        "ends_at": (now + datetime.timedelta(days=7)).strftime("%Y.%m.%d %H:%M"),
        "weight": "1",
        "active": "on",
    }
    data.update(fields)
    return data


SCRIPT = '<div class="sponsor">후원: 대전 상회<img src=x onerror="alert(1)"></div>'


@pytest.fixture
def editor(db):
    return newsroom_user("adeditor", "add_banner", "change_banner", "view_banner")


@pytest.fixture
def trusted(db):
    return newsroom_user(
        "trusted", "add_banner", "change_banner", "view_banner", "edit_trusted_html"
    )


def test_an_editor_without_the_permission_sees_no_html_field(client, editor, photo):
    client.force_login(editor)
    html = client.get(reverse(ADD_URL)).content.decode()
    assert 'name="name"' in html
    assert 'name="html"' not in html
    assert 'value="html"' not in html  # HTML is not offered as a kind


def test_an_editor_without_the_permission_cannot_make_an_html_banner(client, editor, photo):
    client.force_login(editor)
    response = client.post(
        reverse(ADD_URL), banner_form(photo, kind=BannerKind.HTML, html=SCRIPT, link_url="")
    )
    assert response.status_code == 200
    assert (
        "HTML 광고는 &#x27;HTML 광고 편집&#x27; 권한이 있는 편집자만" in response.content.decode()
    )
    assert not Banner.objects.exists()


def test_a_trusted_editor_makes_an_html_banner_shown_as_written(client, trusted, photo):
    client.force_login(trusted)
    response = client.post(
        reverse(ADD_URL),
        banner_form(photo, kind=BannerKind.HTML, html=SCRIPT, link_url="", alt_text=""),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    item = Banner.objects.get()
    assert item.html == SCRIPT
    assert SCRIPT in client.get(reverse("ads:slot", args=["header"])).json()["banners"][0]["html"]


def test_an_untrusted_editor_may_reschedule_an_html_banner_but_not_change_its_html(
    client, editor, photo
):
    item = banner(None, "HTML 광고", kind=BannerKind.HTML, html=SCRIPT, link_url="")
    client.force_login(editor)
    response = client.post(
        reverse(EDIT_URL, args=[item.pk]),
        banner_form(
            photo, name="HTML 광고 (연장)", kind=BannerKind.HTML, html="<b>바꿔치기</b>",
            image="", alt_text="", link_url="",
        ),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-3000:]
    item.refresh_from_db()
    assert item.name == "HTML 광고 (연장)"
    assert item.html == SCRIPT


def test_the_admin_creates_an_image_banner_with_section_targeting(client, trusted, photo, sections):
    client.force_login(trusted)
    response = client.post(
        reverse(ADD_URL),
        banner_form(photo, sections=[sections["region"].pk], weight="3"),
    )
    assert response.status_code == 302
    item = Banner.objects.get()
    assert list(item.sections.all()) == [sections["region"]] and item.weight == 3
    html = client.get(reverse(ADD_URL)).content.decode()
    assert "지역 › 대전" in html  # sections are listed by their path


def test_the_admin_refuses_a_bad_banner_in_korean(client, trusted, photo):
    client.force_login(trusted)
    now = timezone.localtime()
    response = client.post(
        reverse(ADD_URL),
        banner_form(
            photo,
            alt_text="",
            link_url="javascript:alert(1)",
            ends_at=(now - datetime.timedelta(days=1)).strftime("%Y.%m.%d %H:%M"),
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "대체 텍스트가 필요합니다" in html
    assert "http:// 또는 https://로 시작하는" in html
    assert "게재 종료는 게재 시작보다 뒤여야 합니다" in html
    assert not Banner.objects.exists()


def test_the_listing_and_the_report_show_impressions_and_clicks(client, trusted, photo):
    item = banner(photo, "통계 광고")
    BannerDailyStats.objects.create(
        banner=item, day=datetime.date(2024, 4, 6), impressions=300, clicks=6
    )
    BannerDailyStats.objects.create(
        banner=item, day=datetime.date(2024, 4, 7), impressions=200, clicks=4
    )
    client.force_login(trusted)
    listing = client.get(reverse("wagtailsnippets_ads_banner:list")).content.decode()
    assert "통계 광고" in listing and "500" in listing and "2.00%" in listing
    searched = client.get(reverse("wagtailsnippets_ads_banner:list"), {"q": "없는 광고주"})
    assert "통계 광고" not in searched.content.decode()
    report = client.get(reverse("ads_banner_stats")).content.decode()
    assert "2024.04.07" in report and "노출 500" in report and "클릭 10" in report
    filtered = client.get(reverse("ads_banner_stats"), {"day_from": "2024.04.07"}).content.decode()
    assert "노출 200" in filtered
    export = client.get(reverse("ads_banner_stats"), {"export": "csv"})
    assert export.status_code == 200 and "통계 광고" in export.getvalue().decode()


def test_the_report_is_only_for_those_who_may_see_banners(client, db):
    stranger = newsroom_user("stranger")
    client.force_login(stranger)
    response = client.get(reverse("ads_banner_stats"))
    assert response.status_code in (302, 403)


def test_one_reader_looping_counts_once_and_other_sites_cannot_count(client, photo):
    ad = banner(photo, "하나")
    stats.flush_if_due()  # the next automatic flush is a minute away
    for _ in range(5):
        impress(client, ad.pk, address="192.0.2.7")
        client.get(
            reverse("ads:click", args=[ad.pk]),
            headers={"user-agent": BROWSER},
            REMOTE_ADDR="192.0.2.7",
        )
    response = client.post(
        reverse("ads:impressions"),
        {"b": [ad.pk]},
        headers={"user-agent": BROWSER, "origin": "https://elsewhere.example"},
    )
    assert response.status_code == 403
    assert stats.flush() == (1, 1, 1)
