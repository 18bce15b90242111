"""The front page in Chromium: 많이 본 뉴스 tabs, the 속보 bar expiring by itself, the view beacon."""

import datetime

import pytest
from django.utils import timezone
from newsroom import add_article

from news.models import ArticlePage
from readership.counting import flush_views
from readership.models import ArticleDailyViews

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def paper(sections, masthead):
    articles = [add_article(sections["daejeon"], title=f"대전 소식 {n}") for n in range(4)]
    today = timezone.localdate()
    for views, article in zip((50, 40, 30), articles, strict=False):
        ArticleDailyViews.objects.create(article=article, day=today, views=views)
    # Last week's most read, not today's.
    ArticleDailyViews.objects.create(
        article=articles[3], day=today - datetime.timedelta(days=3), views=500
    )
    return articles


def test_most_read_tabs_switch_by_click_and_arrow_keys(page, live_server, paper):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/")
    box = page.locator("[data-most-read]").first
    day, week = box.get_by_role("tab", name="24시간"), box.get_by_role("tab", name="7일")
    assert day.get_attribute("aria-selected") == "true"
    assert box.locator("[data-period=day]").is_visible()
    assert box.locator("[data-period=week]").is_hidden()

    week.click()
    assert week.get_attribute("aria-selected") == "true"
    assert box.locator("[data-period=week]").is_visible()
    assert box.locator("[data-period=week] li").first.inner_text().endswith("대전 소식 3")

    page.keyboard.press("ArrowLeft")
    assert day.get_attribute("aria-selected") == "true"
    assert box.locator("[data-period=day]").is_visible()
    assert page.console_errors == []


def test_the_breaking_bar_hides_itself_at_expiry_on_a_page_already_open(page, live_server, paper):
    ArticlePage.objects.filter(pk=paper[0].pk).update(
        breaking_until=timezone.now() + datetime.timedelta(seconds=3)
    )
    page.goto(live_server.url + "/")
    bar = page.locator("[data-breaking]")
    assert bar.is_visible()
    assert "대전 소식 0" in bar.inner_text()
    bar.wait_for(state="hidden", timeout=8000)  # no reload: front.js hides it


READER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36"
)


def test_an_article_view_is_sent_and_counted(browser, live_server, paper):
    # Headless and automated browsers are not counted; this one poses as a reader's phone.
    context = browser.new_context(user_agent=READER_AGENT, locale="ko-KR")
    page = context.new_page()
    page.add_init_script("Object.defineProperty(navigator, 'webdriver', {get: () => false})")
    with page.expect_request("**/readership/hit/") as hit:
        page.goto(live_server.url + paper[3].url)
    assert hit.value.method == "POST"
    assert hit.value.response().status == 204  # answered before counting is checked
    context.close()
    flush_views()
    today = timezone.localdate()
    assert ArticleDailyViews.objects.get(article=paper[3], day=today).views == 1
