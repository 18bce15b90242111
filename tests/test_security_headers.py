"""Every page carries the Content Security Policy (our own origin only; the admin its own looser
one), and no reader page needs what that policy forbids: no inline script, event handler,
style attribute or javascript: link. Production's HTTPS headers and cookie flags, as served."""

import datetime
import runpy
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.test import override_settings
from newsroom import KST, add_article, make_image
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

from accounts.models import ReaderProfile
from comments.actions import post_comment
from contact.demo import create_demo_forms
from home.models import StandardPage
from news.models import ArticleType, Series

CSP = "Content-Security-Policy"
# A script element whose type is not JavaScript is a data block: the HTML standard's "prepare
# the script element" returns before any CSP check, and the browser never runs it.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
VIDEO_URL = "https://www.youtube.com/watch?v=chungcheong"
POST_URL = "https://x.com/dailycc/status/1"


def policy(response):
    """{directive: [sources]} of the response's Content-Security-Policy."""
    assert CSP in response, f"{response.request['PATH_INFO']} has no {CSP} header"
    directives = {}
    for part in response[CSP].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class InlineCode(HTMLParser):
    """What a policy without 'unsafe-inline' blocks: inline scripts, on* handlers, style
    attributes and <style> elements, javascript: URLs. Also collects iframe and img sources."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.offences = []
        self.frames = []
        self.images = []
        self.scripts = []  # outside <template>: what the page itself loads
        self.in_template = 0

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template -= 1

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.offences.append(f"<{tag} {name}=…>")
            elif name == "style":
                self.offences.append(f"<{tag} style={value!r}>")
            elif name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.offences.append(f"<{tag} {name}={value!r}>")
        if tag == "template":
            self.in_template += 1
        elif tag == "script":
            if attributes.get("src"):
                if not self.in_template:  # an embed's own script: blocked unless ours
                    self.scripts.append(attributes["src"])
            elif (attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.offences.append(f"inline <script type={attributes.get('type')!r}>")
        elif tag == "style":
            self.offences.append("<style> element")
        elif tag == "iframe":
            self.frames.append(attributes.get("src", ""))
        elif tag == "img":
            self.images.append(attributes.get("src", ""))


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture
def newspaper(client, home, sections, reporter, masthead):
    """One page of every kind a reader can open, by name → URL."""
    Embed.objects.create(  # as fetched when the editor pasted the address: YouTube's own HTML
        hash=get_embed_hash(VIDEO_URL, 800, None),
        url=VIDEO_URL,
        max_width=800,
        type="video",
        html=(
            '<iframe width="800" height="450" src="https://www.youtube.com/embed/chungcheong'
            '?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; '
            'encrypted-media; gyroscope; picture-in-picture; web-share" '
            'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen '
            'title="충청신문 영상"></iframe>'
        ),
        title="충청신문 영상",
        thumbnail_url="",
        provider_name="YouTube",
    )
    Embed.objects.create(  # X's: a quotation and its widget script, which the policy blocks
        hash=get_embed_hash(POST_URL, 800, None),
        url=POST_URL,
        max_width=800,
        type="rich",
        html=(
            '<blockquote class="twitter-tweet"><p lang="ko" dir="ltr">대전 소식</p>'
            '&mdash; 충청신문 <a href="https://twitter.com/dailycc/status/1">2024.05.01</a>'
            '</blockquote> <script async src="https://platform.twitter.com/widgets.js" '
            'charset="utf-8"></script>'
        ),
        title="",
        thumbnail_url="",
        provider_name="Twitter",
    )
    photo = make_image("협약식", caption="협약식", credit="대전시 제공")
    series = Series.objects.create(name="기록의 힘", slug="기록의-힘", columnist=reporter)
    article = add_article(
        sections["daejeon"],
        title="대전시, 산업단지 재생 협약",
        lead="대전시가 20개 기관과 협약을 맺었다.",
        dateline="대전",
        reporters=[reporter],
        tags=["대전산단"],
        series=series,
        published_at=datetime.datetime(2022, 4, 7, 16, 33, tzinfo=KST),
        body=[
            ("paragraph", RichText("<p>대전시가 7일 협약식을 열었다.</p>")),
            ("image", {"image": photo, "caption": "", "credit": ""}),
            ("quote", {"text": "일자리 거점으로", "attribution": "대전시장"}),
            ("embed", VIDEO_URL),
            ("embed", POST_URL),
        ],
    )
    opinion = sections["region"]  # any section takes opinion pieces
    photo_story = add_article(
        sections["daejeon"],
        title="봄꽃 핀 갑천",
        article_type=ArticleType.PHOTO,
        reporters=[reporter],
        body=[("image", {"image": photo, "caption": "갑천", "credit": ""})],
    )
    column = add_article(
        opinion, title="[칼럼] 기록의 힘", article_type=ArticleType.COLUMN, reporters=[reporter]
    )
    editorial = add_article(opinion, title="[사설] 산단 재생", article_type=ArticleType.EDITORIAL)
    about = home.add_child(
        instance=StandardPage(
            title="회사소개", slug="about", body=[("paragraph", RichText("<p>충청신문</p>"))]
        )
    )
    tip, correction = create_demo_forms(home)
    reader = User.objects.create_user("reader", "reader@example.com", "pw-읽기-1234")
    ReaderProfile.objects.create(user=reader, display_name="독자하나")
    post_comment(article, reader, "산단 재생 기대합니다.")
    return {
        "front page": "/",
        "section": sections["daejeon"].url,
        "parent section": sections["region"].url,
        "article": article.url,
        "photo article": photo_story.url,
        "column": column.url,
        "editorial": editorial.url,
        "article by number": f"/articles/{article.article_number}/",
        "standard page": about.url,
        "reporter": f"/reporters/{reporter.pk}/",
        "tag": "/tags/대전산단/",
        "series": series.get_absolute_url(),
        "search": "/search/?q=대전",
        "search suggestions": "/search/suggest/?q=대전",
        "contact form": tip.url,
        "correction form": correction.url,
        "login": "/accounts/login/",
        "sign-up": "/accounts/signup/",
        "password reset": "/accounts/password/reset/",
        "account status": "/accounts/status/",
        "comments": f"/comments/article/{article.pk}/",
        "comments fragment": f"/comments/article/{article.pk}/fragment/",
        "feed": "/rss/",
        "section feed": "/rss/region/",
        "sitemap": "/sitemap.xml",
        "news sitemap": "/news-sitemap.xml",
        "robots.txt": "/robots.txt",
        "api": "/api/v2/pages/?search=대전",
        "not found": "/no-such-page/",
    }


NOT_HTML = {
    "search suggestions",
    "account status",
    "feed",
    "section feed",
    "sitemap",
    "news sitemap",
    "robots.txt",
    "api",
}


def get(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == (404 if url == "/no-such-page/" else 200), url
    return response


def test_every_reader_page_allows_only_our_own_origin(client, newspaper):
    for name, url in newspaper.items():
        directives = policy(get(client, url))
        for directive in ("default-src", "script-src", "style-src", "font-src", "connect-src"):
            assert directives[directive] == ["'self'"], (name, directive)
        assert directives["img-src"] == ["'self'"], name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["base-uri"] == ["'self'"], name
        assert "'unsafe-inline'" not in " ".join(sum(directives.values(), [])), name


def test_no_reader_page_has_inline_script_event_handlers_or_style_attributes(client, newspaper):
    for name, url in newspaper.items():
        if name in NOT_HTML:
            continue
        found = inline_code(get(client, url).content.decode())
        assert found.offences == [], name
        assert all(not urlsplit(src).netloc for src in found.scripts), (name, found.scripts)


def test_pages_for_a_signed_in_reader_have_no_inline_code_either(client, newspaper):
    client.force_login(User.objects.get(username="reader"))
    for url in ("/comments/mine/", "/accounts/profile/", newspaper["article"], "/"):
        response = get(client, url)
        assert policy(response)["script-src"] == ["'self'"], url
        assert inline_code(response.content.decode()).offences == [], url


def test_the_server_error_page_has_no_inline_code():
    assert inline_code(render_to_string("500.html")).offences == []


def test_embedded_players_are_allowed_and_post_widgets_are_not(client, newspaper):
    response = get(client, newspaper["article"])
    directives = policy(response)
    frames = inline_code(response.content.decode()).frames
    assert frames, "the YouTube player is in the page, waiting in its <template>"
    for src in frames:
        assert origin_of(src) in directives["frame-src"], src
    # X's widget script is not ours: the post stays its quotation and link.
    assert "https://platform.twitter.com" not in directives["script-src"]


def test_kakao_sdk_is_allowed_only_while_its_key_is_set(client, newspaper, settings):
    directives = policy(get(client, newspaper["article"]))
    assert directives["script-src"] == ["'self'"]
    assert not any("kakao" in source for source in directives["connect-src"])

    settings.KAKAO_JAVASCRIPT_KEY = "kakao-js-key"
    response = get(client, newspaper["article"])
    directives = policy(response)
    sdk = response.content.decode().split('data-kakao-sdk="', 1)[1].split('"', 1)[0]
    assert directives["script-src"] == ["'self'", origin_of(sdk)]
    assert "https://*.kakao.com" in directives["connect-src"]


def test_reader_logins_may_go_on_to_kakao_and_naver(client, newspaper):
    form_action = policy(get(client, "/accounts/login/"))["form-action"]
    assert form_action[0] == "'self'"
    assert {"https://kauth.kakao.com", "https://nid.naver.com"} <= set(form_action)


def test_media_from_another_host_is_allowed_for_images_only_then(client, newspaper, settings):
    settings.MEDIA_URL = "https://media.dailycc.net/media/"
    response = get(client, newspaper["article"])
    directives = policy(response)
    assert directives["img-src"] == ["'self'", "https://media.dailycc.net"]
    assert directives["media-src"] == ["'self'", "https://media.dailycc.net"]
    images = inline_code(response.content.decode()).images
    assert any(src.startswith("https://media.dailycc.net/media/") for src in images)
    assert all(src.startswith(("/", "https://media.dailycc.net/")) for src in images)


def test_admin_has_its_own_policy_still_without_other_hosts(client, admin_client, newspaper):
    from news.models import ArticlePage

    article = ArticlePage.objects.get(title="대전시, 산업단지 재생 협약")
    for url, browser in (
        ("/admin/login/", client),
        ("/admin/", admin_client),
        (f"/admin/pages/{article.pk}/edit/", admin_client),
        ("/admin/images/", admin_client),
    ):
        directives = policy(get(browser, url))
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert directives["frame-ancestors"] == ["'self'"], url  # the editor's live preview
        sources = set(sum(directives.values(), []))
        assert {s for s in sources if "://" in s} <= set(settings.CSP_EMBED_FRAME_SOURCES), url


def test_reader_templates_have_no_inline_code():
    """Every template a reader may see, including those no test above renders."""
    admin_only = ("admin", "wagtailadmin", "editorial", "recycle_bin")
    folders = [Path(settings.BASE_DIR) / "templates"] + [
        path for path in Path(settings.BASE_DIR).glob("*/templates") if path.parent.name != ".venv"
    ]
    checked = 0
    for folder in folders:
        for template in folder.rglob("*.html"):
            if any(part in admin_only for part in template.relative_to(folder).parts):
                continue
            assert inline_code(template.read_text()).offences == [], template
            checked += 1
    assert checked > 50


def production_security_settings(monkeypatch):
    """The security settings exactly as config/settings/production.py sets them."""
    for name, value in {
        "SECRET_KEY": "t9Xq-2vLm8Rk4Pz7Wc1Nb5Yh3Js6Df0Gu8Ea2Ko5Ti9Ml4Vr7Qw1Xs3Bn6",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "postgres://news:secret@db:5432/news",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("SECURE_SSL_REDIRECT", "SENTRY_DSN", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME"):
        monkeypatch.delenv(name, raising=False)
    production = runpy.run_module("config.settings.production")
    names = [
        name
        for name in production
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_"))
        or name in {"X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY"}
    ]
    return {name: production[name] for name in names}


def test_production_serves_https_headers_and_secure_cookies(
    client, newspaper, admin_user, monkeypatch
):
    with override_settings(**production_security_settings(monkeypatch)):
        plain = client.get(newspaper["article"])
        assert plain.status_code == 301
        assert plain["Location"].startswith("https://testserver/")

        https = {"x-forwarded-proto": "https"}
        response = client.get(newspaper["article"], headers=https)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert policy(response)["script-src"] == ["'self'"]

        login = client.get("/accounts/login/", headers=https)
        csrf_cookie = login.cookies[settings.CSRF_COOKIE_NAME]
        assert csrf_cookie["secure"] and csrf_cookie["httponly"]
        signed_in = client.post(
            "/admin/login/", {"username": "admin", "password": "password"}, headers=https
        )
        assert signed_in.status_code == 302
        session_cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME]
        assert session_cookie["secure"] and session_cookie["httponly"]
        assert session_cookie["samesite"] == "Lax"
