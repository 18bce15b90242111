"""Reader accounts: sign-up with a display name and a verified email, login, logout, password
reset, the header's login state, the profile page, Kakao and Naver when configured, and the
editors' Wagtail login beside it all."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from accounts.models import ReaderProfile

User = get_user_model()
PASSWORD = "읽는사람-2022-봄"
NEW_PASSWORD = "새비밀번호-2023-여름"
KAKAO = {"kakao": {"APPS": [{"client_id": "kakao-rest-key", "secret": "kakao-secret"}]}}
NAVER = {"naver": {"APPS": [{"client_id": "naver-client-id", "secret": "naver-secret"}]}}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts sign-ups and mails per address in the cache; each test starts afresh."""
    cache.clear()
    yield
    cache.clear()


def make_reader(email="reader@example.com", display_name="대전독자", verified=True):
    user = User.objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if display_name:
        ReaderProfile.objects.create(user=user, display_name=display_name)
    return user


@pytest.fixture
def reader(db):
    return make_reader()


def sign_up(client, email="new@example.com", display_name="새독자", next_url=None, **fields):
    data = {
        "email": email,
        "display_name": display_name,
        "password1": PASSWORD,
        "password2": PASSWORD,
        **fields,
    }
    url = reverse("account_signup") + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


def log_in(client, email="reader@example.com", password=PASSWORD, **fields):
    return client.post(reverse("account_login"), {"login": email, "password": password, **fields})


def link_in(message, pattern):
    return urlsplit(re.search(rf"https?://testserver({pattern})", message.body).group(0)).path


def is_logged_in(client):
    return "_auth_user_id" in client.session


def input_tag(html, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def error_for(html, field):
    """The error list tied to `field` by aria-describedby, as the reader's screen reader finds it."""
    tag = input_tag(html, field)
    assert 'aria-invalid="true"' in tag
    described_by = re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
    error_id = f"id_{field}_error"
    assert error_id in described_by
    return re.search(rf'<ul class="form-field__errors" id="{error_id}">(.*?)</ul>', html, re.S)[1]


# Sign-up and email verification


def test_sign_up_asks_email_display_name_and_password_twice_in_korean(db):
    html = Client().get(reverse("account_signup")).content.decode()
    fields = re.findall(r'<input[^>]*name="(email|display_name|password1|password2)"', html)
    assert fields == ["email", "display_name", "password1", "password2"]
    for label in ('for="id_email">이메일<', 'for="id_display_name">닉네임<', "비밀번호 (확인)"):
        assert label in html
    assert 'autocomplete="email"' in input_tag(html, "email")
    assert 'autocomplete="nickname"' in input_tag(html, "display_name")
    assert 'aria-describedby="id_display_name_helptext"' in input_tag(html, "display_name")
    assert 'autocomplete="new-password"' in input_tag(html, "password1")
    assert 'autocomplete="new-password"' in input_tag(html, "password2")
    assert "<title>회원가입 - 충청신문</title>" in html


def test_sign_up_sends_a_korean_verification_email_and_login_waits_for_it(db):
    browser = Client()
    response = sign_up(browser, next_url="/region/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert (
        "입력하신 이메일 주소로 인증 메일을 보냈습니다"
        in browser.get(response["Location"]).content.decode()
    )

    user = User.objects.get(email="new@example.com")
    assert user.reader_profile.display_name == "새독자"
    assert not user.is_staff and not user.is_superuser
    assert not is_logged_in(browser)

    [message] = mail.outbox
    assert message.to == ["new@example.com"]
    assert message.subject == "[충청신문] 이메일 주소를 인증해 주세요"
    assert "충청신문 회원가입을 환영합니다" in message.body
    assert "안녕하세요, 충청신문입니다." in message.body
    confirm_url = link_in(message, r"/accounts/confirm-email/[^/\s]+/")

    # Before verifying, the password is right but the door stays shut.
    elsewhere = Client()
    response = log_in(elsewhere, email="new@example.com")
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not is_logged_in(elsewhere)

    # Opening the link only asks; the POST confirms and logs in, back to where sign-up began.
    page = browser.get(confirm_url).content.decode()
    assert "이메일 인증하기" in page and "new@example.com" in page
    assert not EmailAddress.objects.get(email="new@example.com").verified
    response = browser.post(confirm_url)
    assert response.status_code == 302
    assert response["Location"] == "/region/"
    assert EmailAddress.objects.get(email="new@example.com").verified
    assert is_logged_in(browser)
    assert "<strong>새독자</strong>님" in browser.get(reverse("account_status")).content.decode()

    response = log_in(elsewhere, email="new@example.com")
    assert response.status_code == 302 and is_logged_in(elsewhere)


def test_an_expired_or_wrong_confirmation_link_says_so_in_korean(db):
    html = Client().get("/accounts/confirm-email/not-a-key/").content.decode()
    assert "인증 링크가 만료되었거나 올바르지 않습니다" in html


@pytest.mark.parametrize("taken_as", ["AB", "ab", "ＡＢ", " Ab "])
def test_a_display_name_is_unique_ignoring_case_and_width(db, taken_as):
    make_reader(email="first@example.com", display_name="AB")
    response = sign_up(Client(), display_name=taken_as)
    assert response.status_code == 200
    html = response.content.decode()
    assert "이미 쓰이고 있는 닉네임입니다" in error_for(html, "display_name")
    assert not User.objects.filter(email="new@example.com").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("display_name", "message"),
    [
        ("가", "닉네임은 2~12자로 정해 주세요."),
        ("가나다라마바사아자차카타파", "닉네임은 2~12자로 정해 주세요."),
        ("대전 독자", "한글, 영문, 숫자, 밑줄(_)만"),
        ("독자!", "한글, 영문, 숫자, 밑줄(_)만"),
        ("<b>독자</b>", "한글, 영문, 숫자, 밑줄(_)만"),
        ("관리자", "신문사나 기자로 오해될 수 있는 닉네임"),
        ("충청신문팬", "신문사나 기자로 오해될 수 있는 닉네임"),
        ("ADMIN_kim", "신문사나 기자로 오해될 수 있는 닉네임"),
        ("", "필수 작성 항목입니다"),
    ],
)
def test_invalid_display_names_are_refused_with_a_korean_message(db, display_name, message):
    response = sign_up(Client(), display_name=display_name)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in error_for(html, "display_name")
    assert "입력한 내용을 확인해 주세요." in html  # the summary at the top of the form
    assert not User.objects.filter(email="new@example.com").exists()


def test_signing_up_with_a_registered_email_creates_nothing_and_mails_the_owner(reader):
    response = sign_up(Client(), email="reader@example.com")
    # The same page as a new sign-up, so nobody can probe which addresses are members.
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="reader@example.com").count() == 1
    [message] = mail.outbox
    assert message.subject == "[충청신문] 이미 가입된 이메일 주소입니다"
    assert "/accounts/password/reset/" in message.body


# Login and logout


def test_login_page_has_email_password_remember_me_and_the_links(db):
    html = Client().get(reverse("account_login") + "?next=/region/").content.decode()
    assert "<title>로그인 - 충청신문</title>" in html
    assert 'autocomplete="email"' in input_tag(html, "login")
    assert 'autocomplete="current-password"' in input_tag(html, "password")
    assert 'for="id_remember">로그인 상태 유지</label>' in html
    assert '<a href="/accounts/signup/?next=%2Fregion%2F">회원가입</a>' in html
    assert '<a href="/accounts/password/reset/">비밀번호 찾기</a>' in html
    assert '<input type="hidden" name="next" value="/region/">' in html
    assert "Remember" not in html and "Sign In" not in html


def test_a_reader_logs_in_and_out(reader):
    browser = Client()
    response = log_in(browser, next="/region/", remember="on")
    assert response.status_code == 302 and response["Location"] == "/region/"
    assert is_logged_in(browser)
    assert not browser.session.get_expire_at_browser_close()  # 로그인 상태 유지

    page = browser.get(reverse("account_logout")).content.decode()
    assert "로그아웃하시겠습니까?" in page
    response = browser.post(reverse("account_logout"))
    assert response["Location"] == "/"
    assert not is_logged_in(browser)


def test_without_remember_me_the_login_ends_with_the_browser(reader):
    browser = Client()
    log_in(browser)
    assert is_logged_in(browser)
    assert browser.session.get_expire_at_browser_close()


def test_a_wrong_password_is_refused_in_korean(reader):
    browser = Client()
    response = log_in(browser, password="틀린비밀번호")
    assert response.status_code == 200
    assert "이메일 또는 비밀번호가 올바르지 않습니다." in response.content.decode()
    assert not is_logged_in(browser)


def test_a_reader_without_a_display_name_chooses_one_after_login(db):
    make_reader(display_name=None)
    browser = Client()
    response = log_in(browser, next="/region/")
    assert response["Location"] == "/accounts/profile/?next=%2Fregion%2F"
    html = browser.get(response["Location"]).content.decode()
    assert "닉네임을 정해야 댓글을 쓸 수 있습니다" in html

    response = browser.post(response["Location"], {"display_name": "늦깎이", "next": "/region/"})
    assert response["Location"] == "/region/"
    assert ReaderProfile.objects.get(user__email="reader@example.com").display_name == "늦깎이"


# Password reset and change


def test_password_reset_by_email_sets_a_new_password(reader):
    browser = Client()
    page = browser.get(reverse("account_reset_password")).content.decode()
    assert "비밀번호 찾기" in page
    response = browser.post(reverse("account_reset_password"), {"email": "reader@example.com"})
    assert response["Location"] == reverse("account_reset_password_done")
    assert "메일을 보냈습니다" in browser.get(response["Location"]).content.decode()

    [message] = mail.outbox
    assert message.subject == "[충청신문] 비밀번호 재설정 안내"
    assert "충청신문 계정의 비밀번호 재설정을 요청하셨습니다" in message.body
    reset_url = link_in(message, r"/accounts/password/reset/key/[^\s]+/")

    form_url = browser.get(reset_url)["Location"]  # allauth hides the key from the address bar
    assert "새 비밀번호 정하기" in browser.get(form_url).content.decode()
    response = browser.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    assert "비밀번호를 바꿨습니다" in browser.get(response["Location"]).content.decode()

    assert log_in(Client(), password=PASSWORD).status_code == 200  # the old one is refused
    fresh = Client()
    log_in(fresh, password=NEW_PASSWORD)
    assert is_logged_in(fresh)

    # The link works once.
    assert "링크가 올바르지 않습니다" in Client().get(reset_url, follow=True).content.decode()


def test_password_reset_for_an_unknown_email_says_so_only_in_the_mail(db):
    response = Client().post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("account_reset_password_done")
    [message] = mail.outbox
    assert message.subject == "[충청신문] 가입되지 않은 이메일 주소입니다"
    assert "/accounts/signup/" in message.body


def test_a_reader_changes_the_password(reader):
    browser = Client()
    browser.force_login(reader)
    html = browser.get(reverse("account_change_password")).content.decode()
    assert 'autocomplete="current-password"' in input_tag(html, "oldpassword")
    response = browser.post(
        reverse("account_change_password"),
        {"oldpassword": "틀린비밀번호", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert "현재 비밀번호가 올바르지 않습니다" in error_for(
        response.content.decode(), "oldpassword"
    )
    response = browser.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert "비밀번호를 바꿨습니다." in response.content.decode()
    reader.refresh_from_db()
    assert reader.check_password(NEW_PASSWORD)


# The header's login state


def test_status_for_an_anonymous_reader_links_to_login_and_back(db):
    response = Client().get(reverse("account_status"), {"next": "/region/daejeon/?page=2#top"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]
    html = response.content.decode()
    assert (
        '<a href="/accounts/login/?next=%2Fregion%2Fdaejeon%2F%3Fpage%3D2%23top">로그인</a>' in html
    )
    assert (
        '<a href="/accounts/signup/?next=%2Fregion%2Fdaejeon%2F%3Fpage%3D2%23top">회원가입</a>'
        in html
    )
    assert "<html" not in html  # a fragment for the header, not a page


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/accounts/login/"],
)
def test_status_never_sends_the_reader_off_site_or_back_to_an_account_page(db, next_url):
    html = Client().get(reverse("account_status"), {"next": next_url}).content.decode()
    assert '<a href="/accounts/login/">로그인</a>' in html


def test_status_for_a_reader_shows_the_display_name_never_the_email(
    reader, django_assert_max_num_queries
):
    browser = Client()
    browser.force_login(reader)
    with django_assert_max_num_queries(3):
        response = browser.get(reverse("account_status"), {"next": "/region/"})
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]
    html = response.content.decode()
    assert "<strong>대전독자</strong>님" in html
    assert "reader@example.com" not in html and "reader" not in html.replace("대전독자", "")
    assert '<a href="/comments/mine/">내 댓글</a>' in html
    assert '<a href="/accounts/profile/">내 정보</a>' in html
    logout_form = re.search(r'<form[^>]*action="/accounts/logout/".*?</form>', html, re.S).group(0)
    assert 'method="post"' in logout_form
    assert 'name="csrfmiddlewaretoken"' in logout_form
    assert '<input type="hidden" name="next" value="/region/">' in logout_form


def test_status_asks_a_reader_without_a_display_name_to_choose_one(db):
    user = make_reader(display_name=None)
    browser = Client()
    browser.force_login(user)
    html = browser.get(reverse("account_status")).content.decode()
    assert '<a href="/accounts/profile/">닉네임을 정해 주세요</a>' in html
    assert "reader@example.com" not in html


def test_status_passes_on_messages_once(reader):
    browser = Client()
    log_in(browser)
    assert "대전독자님, 반갑습니다." in browser.get(reverse("account_status")).content.decode()
    assert "반갑습니다" not in browser.get(reverse("account_status")).content.decode()


@pytest.fixture
def article(sections, masthead):
    from newsroom import add_article

    return add_article(sections["daejeon"], title="대전 소식")


def test_every_page_has_the_account_slot_with_plain_links_for_readers_without_js(client, article):
    html = client.get(article.url).content.decode()
    header = re.search(r"<header.*?</header>", html, re.S).group(0)
    assert 'data-account-src="/accounts/status/"' in header
    assert f'<a href="/accounts/login/?next={article.url.replace("/", "%2F")}">로그인</a>' in header
    assert (
        f'<a href="/accounts/signup/?next={article.url.replace("/", "%2F")}">회원가입</a>' in header
    )
    assert 'action="/search/"' in header  # the search box is still there
    assert re.search(r'<script src="/static/js/account\.js" defer></script>', html)


def test_the_cached_page_is_the_same_for_a_logged_in_reader(article, reader):
    anonymous = Client().get(article.url).content.decode()
    browser = Client()
    browser.force_login(reader)
    logged_in = browser.get(article.url).content.decode()
    assert "대전독자" not in logged_in
    header = re.compile(r"<header.*?</header>", re.S)
    assert header.search(logged_in).group(0) == header.search(anonymous).group(0)


# Profile page


def test_profile_needs_login(db):
    response = Client().get(reverse("account_profile"))
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_profile_shows_the_email_and_changes_the_display_name(reader):
    browser = Client()
    browser.force_login(reader)
    html = browser.get(reverse("account_profile")).content.decode()
    assert "reader@example.com" in html
    assert 'value="대전독자"' in html
    assert "<title>내 정보 - 충청신문</title>" in html

    response = browser.post(reverse("account_profile"), {"display_name": "세종독자"}, follow=True)
    assert "닉네임을 저장했습니다." in response.content.decode()
    assert ReaderProfile.objects.get(user=reader).display_name == "세종독자"

    # One's own name in another case is no clash.
    browser.post(reverse("account_profile"), {"display_name": "SejongReader"})
    response = browser.post(reverse("account_profile"), {"display_name": "sejongreader"})
    assert response.status_code == 302
    assert ReaderProfile.objects.get(user=reader).display_name == "sejongreader"


def test_profile_refuses_another_readers_name_and_invalid_names(reader):
    make_reader(email="other@example.com", display_name="충남독자")
    browser = Client()
    browser.force_login(reader)
    for name, message in [
        ("충남독자", "이미 쓰이고 있는 닉네임입니다"),
        ("운영자", "오해될 수 있는"),
    ]:
        response = browser.post(reverse("account_profile"), {"display_name": name})
        assert response.status_code == 200
        assert message in error_for(response.content.decode(), "display_name")
    assert ReaderProfile.objects.get(user=reader).display_name == "대전독자"


def test_profile_next_stays_on_this_site(reader):
    browser = Client()
    browser.force_login(reader)
    response = browser.post(
        reverse("account_profile") + "?next=https://evil.example/", {"display_name": "세종독자"}
    )
    assert response["Location"] == reverse("account_profile")


# Every account page is ours


@pytest.mark.parametrize(
    ("url_name", "logged_in", "heading"),  # an error page answers 401, the rest 200
    [
        ("account_login", False, "로그인"),
        ("account_signup", False, "회원가입"),
        ("account_reset_password", False, "비밀번호 찾기"),
        ("account_reset_password_done", False, "메일을 보냈습니다"),
        ("account_email_verification_sent", False, "이메일을 확인해 주세요"),
        ("account_logout", True, "로그아웃"),
        ("account_change_password", True, "비밀번호 변경"),
        ("account_email", True, "이메일 주소"),
        ("account_profile", True, "내 정보"),
        ("account_inactive", False, "사용이 중지된 계정입니다"),
        ("socialaccount_login_cancelled", False, "로그인을 취소했습니다"),
        ("socialaccount_login_error", False, "로그인하지 못했습니다"),
    ],
)
def test_account_pages_are_korean_pages_of_our_site(reader, masthead, url_name, logged_in, heading):
    browser = Client()
    if logged_in:
        browser.force_login(reader)
    response = browser.get(reverse(url_name))
    assert response.status_code == (401 if url_name == "socialaccount_login_error" else 200)
    html = response.content.decode()
    assert '<html lang="ko">' in html
    assert 'class="site-header"' in html and "매체정보" in html  # our header and footer
    assert '<meta name="robots" content="noindex">' in html
    assert f'<h1 class="page-title">{heading}</h1>' in html
    assert re.search(r"<title>[^<]+ - 충청신문</title>", html)
    sources = re.findall(r'(?:src|href)="(?:https?:)?//[^"]+"', html)
    assert sources == [], sources  # nothing loaded from another host


# Kakao and Naver


def test_without_keys_there_are_no_kakao_or_naver_buttons(db):
    html = Client().get(reverse("account_login")).content.decode()
    assert "카카오" not in html and "네이버" not in html
    for provider in ("kakao", "naver"):
        assert Client().post(f"/accounts/{provider}/login/").status_code == 404
        assert Client().get(f"/accounts/{provider}/login/callback/?code=x").status_code == 404


@pytest.mark.parametrize(
    ("providers", "provider", "label", "authorize"),
    [
        (KAKAO, "kakao", "카카오 로그인", "https://kauth.kakao.com/oauth/authorize"),
        (NAVER, "naver", "네이버 로그인", "https://nid.naver.com/oauth2.0/authorize"),
    ],
)
def test_configured_kakao_and_naver_show_their_buttons_and_go_to_the_provider(
    db, providers, provider, label, authorize
):
    with override_settings(SOCIALACCOUNT_PROVIDERS=providers):
        html = Client().get(reverse("account_login") + "?next=/region/").content.decode()
        login_url = reverse(f"{provider}_login")
        assert login_url == f"/accounts/{provider}/login/"
        button = re.search(
            rf'<form method="post" action="{login_url}\?[^"]*">.*?</form>', html, re.S
        ).group(0)
        assert label in button
        assert "next=%2Fregion%2F" in button
        other = "네이버" if provider == "kakao" else "카카오"
        assert other not in html

        response = Client().post(f"{login_url}?process=login")
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == authorize
        query = parse_qs(location.query)
        assert query["client_id"] == [providers[provider]["APPS"][0]["client_id"]]
        assert query["redirect_uri"] == [f"http://testserver/accounts/{provider}/login/callback/"]


def test_both_providers_configured_show_both_buttons(db):
    with override_settings(SOCIALACCOUNT_PROVIDERS={**KAKAO, **NAVER}):
        html = Client().get(reverse("account_signup")).content.decode()
    assert "카카오로 시작하기" in html and "네이버로 시작하기" in html


PROVIDER_RESPONSES = {
    # What each provider's user API answers for a new reader (allauth turns it into a SocialLogin).
    "kakao": lambda nickname: {
        "id": 4021,
        "kakao_account": {
            "email": "social@example.com",
            "is_email_verified": True,
            "profile": {"nickname": nickname},
        },
    },
    "naver": lambda nickname: {"id": "n-4021", "email": "social@example.com", "nickname": nickname},
}


def first_social_login(client, provider_id, nickname):
    """Where allauth leaves a reader after Kakao or Naver answered: the pending sign-up."""
    provider = get_social_adapter().get_provider(RequestFactory().get("/"), provider_id)
    response = PROVIDER_RESPONSES[provider_id](nickname)
    sociallogin = provider.sociallogin_from_response(RequestFactory().get("/"), response)
    session = client.session
    session["socialaccount_sociallogin"] = sociallogin.serialize()
    session.save()


@pytest.mark.parametrize("provider_id", ["kakao", "naver"])
@override_settings(SOCIALACCOUNT_PROVIDERS={**KAKAO, **NAVER})
def test_a_first_kakao_or_naver_login_chooses_a_display_name(db, provider_id):
    browser = Client()
    first_social_login(browser, provider_id, nickname="소셜독자")
    html = browser.get(reverse("socialaccount_signup")).content.decode()
    label = {"kakao": "카카오", "naver": "네이버"}[provider_id]
    assert f"{label} 계정으로 충청신문에 처음 오셨습니다" in html
    assert 'value="소셜독자"' in input_tag(html, "display_name")  # the provider's nickname, offered

    make_reader(email="other@example.com", display_name="소셜독자")
    data = {"email": "social@example.com", "display_name": "소셜독자"}
    response = browser.post(reverse("socialaccount_signup"), data)
    assert "이미 쓰이고 있는 닉네임입니다" in error_for(response.content.decode(), "display_name")

    response = browser.post(reverse("socialaccount_signup"), {**data, "display_name": "소셜친구"})
    assert response.status_code == 302
    user = User.objects.get(email="social@example.com")
    assert user.reader_profile.display_name == "소셜친구"
    assert user.socialaccount_set.get().provider == provider_id
    assert not user.is_staff and not user.has_usable_password()
    assert is_logged_in(browser)  # the provider vouched for the email


@override_settings(SOCIALACCOUNT_PROVIDERS=KAKAO)
@pytest.mark.parametrize("nickname", ["소셜독자", "카카오 친구", "관리자"])
def test_a_taken_or_invalid_provider_nickname_is_not_offered(db, nickname):
    make_reader(email="other@example.com", display_name="소셜독자")
    browser = Client()
    first_social_login(browser, "kakao", nickname=nickname)
    html = browser.get(reverse("socialaccount_signup")).content.decode()
    assert "value=" not in input_tag(html, "display_name")


# Editors keep the Wagtail admin login


def test_editors_log_in_to_the_wagtail_admin_with_username_and_password(db):
    User.objects.create_user(
        username="editor",
        email="editor@dailycc.net",
        password=PASSWORD,
        is_staff=True,
        is_superuser=True,
    )
    browser = Client()
    response = browser.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200


def test_a_reader_cannot_enter_the_wagtail_admin(reader):
    browser = Client()
    log_in(browser)
    assert is_logged_in(browser)
    response = browser.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_behind_the_proxy_allauths_rate_limits_count_each_readers_own_address(settings):
    from allauth.account.adapter import get_adapter
    from django.test import RequestFactory

    settings.TRUSTED_PROXY_COUNT = 1
    factory = RequestFactory()
    addresses = {
        get_adapter().get_client_ip(
            factory.post("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR=reader)
        )
        for reader in ["203.0.113.7", "198.51.100.20"]
    }
    # Not nginx's address for both: ten failed logins from one would lock out the other.
    assert addresses == {"203.0.113.7", "198.51.100.20"}
