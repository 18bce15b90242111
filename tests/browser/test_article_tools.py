"""The article's tools in Chromium: text size that persists, share menu, print view."""

import pytest
from newsroom import add_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def article_url(live_server, sections, reporter, masthead):
    article = add_article(sections["daejeon"], title="글자 크기 기사", reporters=[reporter])
    return live_server.url + article.url


def font_size(page):
    return page.locator(".article__body").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def test_text_size_changes_by_keyboard_and_persists_on_the_next_page(page, article_url):
    page.goto(article_url)
    default = font_size(page)
    larger = page.get_by_role("button", name="글자 크게")
    larger.focus()
    for _ in range(3):
        page.keyboard.press("Enter")
    assert font_size(page) > default
    assert larger.is_disabled()  # the largest size; focus moved to 글자 작게
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "글자 작게"
    assert page.locator("[data-text-size-status]").inner_text() == "글자 크기 5단계 (5단계 중)"

    page.goto(article_url)  # set in <head>, before the article paints
    assert page.evaluate("document.documentElement.dataset.articleTextSize") == "5"
    page.get_by_role("button", name="글자 크기 기본").click()
    assert font_size(page) == default
    assert page.console_errors == []


def test_copying_the_link_is_confirmed_and_nothing_leaves_our_host(page, live_server, article_url):
    outside = []
    page.on("request", lambda r: r.url.startswith(live_server.url) or outside.append(r.url))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(article_url)
    page.get_by_role("button", name="URL 복사").click()
    page.wait_for_function("() => document.querySelector('[data-share-status]').textContent !== ''")
    assert page.locator("[data-share-status]").inner_text() == "기사 주소를 복사했습니다."
    # Without KAKAO_JAVASCRIPT_KEY and without a share sheet (desktop), KakaoTalk copies the link.
    page.get_by_role("button", name="카카오톡").click()
    page.wait_for_function(
        "() => document.querySelector('[data-share-status]').textContent.includes('카카오톡')"
    )
    assert outside == []


def test_the_print_view_keeps_the_article_and_masthead_without_menus(page, article_url):
    page.goto(article_url)
    page.emulate_media(media="print")
    for hidden in (
        ".section-menu",
        ".site-search",
        ".share",
        ".text-size",
        "#comments",
        ".article-aside",
    ):
        assert page.locator(hidden).first.is_hidden(), hidden
    for shown in (".article__title", ".article__body", ".site-footer .masthead"):
        assert page.locator(shown).first.is_visible(), shown
