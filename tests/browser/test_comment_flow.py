"""A reader's whole comment flow in Chromium: sign up, comment, edit, delete, 내 댓글 모음."""

import re

import pytest
from django.core import mail
from newsroom import add_article
from playwright.sync_api import expect

from comments.models import Comment, CommentSettings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def article(sections, reporter, masthead):
    settings = CommentSettings.load()
    settings.min_interval_seconds = 0
    settings.save()
    return add_article(sections["daejeon"], title="대전산단 대개조 사업 선정", reporters=[reporter])


def sign_up(page, live_server, next_url):
    page.goto(f"{live_server.url}/accounts/signup/?next={next_url}")
    page.fill("input[name=email]", "reader@example.com")
    page.fill("input[name=display_name]", "대전독자")
    page.fill("input[name=password1]", "읽는사람-2022-봄")
    page.fill("input[name=password2]", "읽는사람-2022-봄")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    confirm = re.search(r"/accounts/confirm-email/[^/\s]+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + confirm)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_reader_signs_up_comments_edits_deletes_and_finds_it(page, live_server, article):
    sign_up(page, live_server, article.url)
    page.goto(live_server.url + article.url)
    section = page.locator("#comments")
    expect(section.get_by_text("개의 댓글")).to_be_visible()
    textarea = section.locator("textarea[name=text]").first
    counter = section.locator(".comment-form__count").first
    expect(counter).to_have_text("0 / 400")
    textarea.fill("대전산단이 살아나길 바랍니다 👍🏽")
    expect(counter).to_have_text("17 / 400")
    textarea.fill("가" * 401)
    expect(counter).to_have_text("401 / 400")
    expect(section.locator("form[data-comment-form] button[type=submit]").first).to_be_disabled()
    textarea.fill("대전산단이 살아나길 바랍니다 👍🏽")
    section.locator("form[data-comment-form] button[type=submit]").first.click()
    expect(section.locator(".comment__text").first).to_have_text(
        "대전산단이 살아나길 바랍니다 👍🏽"
    )
    expect(section.get_by_text("1개의 댓글")).to_be_visible()

    # Edit within the minute.
    section.get_by_role("link", name="수정").click()
    expect(section.get_by_text("댓글 수정은 작성 후 1분내에만 가능합니다.").last).to_be_visible()
    edit = section.locator(".comment-form--edit textarea")
    edit.fill("대전산단이 꼭 살아나길 바랍니다")
    section.locator(".comment-form--edit button[type=submit]").click()
    expect(section.locator(".comment__text").first).to_have_text("대전산단이 꼭 살아나길 바랍니다")
    expect(section.get_by_text("수정됨")).to_be_visible()

    # 내 댓글 모음 finds it, and links back to it.
    page.goto(f"{live_server.url}/comments/mine/")
    expect(page.get_by_text("대전산단이 꼭 살아나길 바랍니다")).to_be_visible()
    page.get_by_role("link", name="댓글 보기").first.click()
    comment = Comment.objects.get()
    expect(page.locator(f"#comment-{comment.pk}")).to_be_visible()

    # Delete after confirming.
    section = page.locator("#comments")
    section.get_by_role("link", name="삭제").click()
    dialog = page.locator("dialog[open]")
    expect(dialog.get_by_text("삭제한 댓글은 다시 복구할 수 없습니다.")).to_be_visible()
    expect(dialog.get_by_text("그래도 삭제하시겠습니까?")).to_be_visible()
    dialog.get_by_role("button", name="삭제").click()
    expect(section.get_by_text("0개의 댓글")).to_be_visible()
    expect(section.locator(".comment__text")).to_have_count(0)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert page.console_errors == []
