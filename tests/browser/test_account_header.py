"""account.js: the header's 로그인/회원가입 links become the reader's own menu, and back."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from playwright.sync_api import expect

from accounts.models import ReaderProfile

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "읽는사람-2022-봄"


@pytest.fixture
def reader():
    user = User.objects.create_user(
        username="reader", email="reader@example.com", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    ReaderProfile.objects.create(user=user, display_name="대전독자")
    return user


def test_the_header_shows_the_reader_after_login_and_logs_out(page, live_server, reader, home):
    statuses = []
    page.on(
        "response",
        lambda response: "/accounts/status/" in response.url and statuses.append(response.status),
    )
    page.set_viewport_size({"width": 360, "height": 740})
    account = page.locator(".site-account")

    page.goto(f"{live_server.url}/accounts/login/?next=/accounts/email/")
    expect(account).to_have_attribute("data-account-loaded", "")
    expect(account.get_by_role("link", name="로그인")).to_be_visible()

    page.fill("input[name=login]", "reader@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/email/")
    expect(account.locator(".site-account__name")).to_have_text("대전독자님")
    expect(account.get_by_role("link", name="내 댓글")).to_have_attribute("href", "/comments/mine/")
    expect(account.get_by_role("link", name="내 정보")).to_be_visible()
    expect(page.locator("header")).not_to_contain_text("reader@example.com")

    account.get_by_role("button", name="로그아웃").click()
    expect(account.get_by_text("로그아웃했습니다.")).to_be_visible()
    expect(account.get_by_role("link", name="로그인")).to_be_visible()
    assert page.console_errors == []
    assert statuses == [200, 200, 200]
