"""The Content Security Policy in Chromium: reader pages and the Wagtail admin work under it
with no violation reported, an embedded player is allowed, and an inline script is refused."""

import pytest
from django.contrib.auth.models import User
from newsroom import add_article, make_image
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIDEO_URL = "https://www.youtube.com/watch?v=chungcheong"
PLAYER_URL = "https://www.youtube.com/embed/chungcheong?feature=oembed"

# Chromium fires securitypolicyviolation for every blocked script, style, frame or handler.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def violations(page):
    return page.evaluate("window.__violations")


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    # No network here: the player's host answers from the test, as YouTube would.
    page.route(
        "https://www.youtube.com/**",
        lambda route: route.fulfill(content_type="text/html", body="<p>player</p>"),
    )
    return page


@pytest.fixture
def article(sections, reporter, masthead):
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL, 800, None),
        url=VIDEO_URL,
        max_width=800,
        type="video",
        html=f'<iframe width="800" height="450" src="{PLAYER_URL}" title="영상"></iframe>',
        title="영상",
        thumbnail_url="",
        provider_name="YouTube",
    )
    photo = make_image("협약식", caption="협약식", credit="대전시 제공")
    return add_article(
        sections["daejeon"],
        title="대전시, 산업단지 재생 협약",
        reporters=[reporter],
        tags=["대전산단"],
        body=[
            ("paragraph", RichText("<p>대전시가 7일 협약식을 열었다.</p>")),
            ("image", {"image": photo, "caption": "", "credit": ""}),
            ("embed", VIDEO_URL),
        ],
    )


def test_reader_pages_run_under_the_policy_without_a_violation(watched, live_server, article):
    page = watched
    for path in ("/", article.get_parent().url, "/search/?q=대전", "/accounts/login/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path

    page.goto(live_server.url + article.url)
    page.get_by_role("button", name="글자 크게").click()
    page.get_by_role(
        "button", name="외부 콘텐츠 보기 (https://www.youtube.com/watch?v=chungcheong)"
    ).click()
    player = page.frame_locator(".article-embed iframe")
    assert player.locator("p").inner_text() == "player"
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert page.console_errors == []


def test_an_injected_inline_script_is_refused(watched, live_server, article):
    page = watched
    page.goto(live_server.url + article.url)
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.appendChild(script);
            const image = document.createElement("img");
            image.src = "https://tracker.example/pixel.gif";
            document.body.appendChild(image);
        }"""
    )
    page.wait_for_function("() => window.__violations.length >= 2")
    assert page.evaluate("window.__injected") is None
    assert sorted(violations(page)) == [
        "img-src https://tracker.example/pixel.gif",
        "script-src-elem inline",
    ]


def test_the_wagtail_admin_works_under_its_own_policy(watched, live_server, article):
    User.objects.create_superuser("editor", "editor@dailycc.net", "chungcheong-demo")
    page = watched
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "chungcheong-demo")
    page.click("form button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    for path in (
        "/admin/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        f"/admin/pages/{article.get_parent().pk}/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path
