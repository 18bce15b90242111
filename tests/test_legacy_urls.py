"""The old CMS's (ND소프트) addresses keep working: a 301 to the new page, or the Korean 404."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from newsroom import add_article, add_section
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.rich_text import RichText

from home.models import StandardPage
from news.demo_content import set_demo_legacy_codes
from news.models import ArticlePage, Reporter, SectionPage, Series

NOT_FOUND_TEXT = "페이지를 찾을 수 없습니다"


@pytest.fixture
def paper(sections, reporter, masthead):
    """Sections, a series, a reporter and an article that all carry their old codes."""
    politics, daejeon = sections["politics"], sections["daejeon"]
    set_code(politics, "S1N1")
    set_code(sections["region"], "S1N4")
    set_code(daejeon, "S2N3")
    reporter.legacy_id = "kwonyj"
    reporter.save()
    series = Series.objects.create(
        name="대전 산업 지도", slug="daejeon-industry", legacy_code="SRN5"
    )
    article = add_article(
        daejeon,
        title="대전산단 협약",
        reporters=[reporter],
        legacy_idxno="212345",
        tags=["대전산단"],
    )
    return {
        "politics": politics,
        "region": sections["region"],
        "daejeon": daejeon,
        "reporter": reporter,
        "series": series,
        "article": article,
    }


def set_code(section, code):
    section.legacy_code = code
    section.save_revision().publish()


def assert_moved(response, url):
    assert response.status_code == 301, response
    assert response["Location"] == url
    assert "max-age=86400" in response["Cache-Control"]


def assert_not_found(response):
    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.content.decode()


# Articles


@pytest.mark.parametrize("view", ["articleView", "articleViewAmp"])
def test_an_old_article_address_moves_to_the_article(client, paper, view):
    response = client.get(f"/news/{view}.html", {"idxno": "212345"})
    assert_moved(response, paper["article"].url)
    assert paper["article"].url == f"/region/daejeon/{paper['article'].article_number}/"


@pytest.mark.parametrize(
    "query",
    [
        "idxno=212345&replyAll=&reply_sc_order_by=C",  # the old site's extra parameters
        "idxno=0212345",  # leading zeros name the same number
        "idxno=%20212345%20",
        "idxno=abc&idxno=212345",  # repeated: the last one counts, as in the old PHP site
    ],
)
def test_an_article_address_with_extras_still_finds_the_article(client, paper, query):
    assert_moved(client.get(f"/news/articleView.html?{query}"), paper["article"].url)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "idxno=",
        "idxno=abc",
        "idxno=99999999999999999999",  # a number of the right shape that no article has
        "idxno=999999999999999999999999",  # too long to be one
        "idxno[]=212345",
        "idxno=212345&idxno=abc",
        "idxno=212345.0",
        "idxno=-212345",
        "idxno=1e5",
        "idxno=0x10",
        "idxno=%EF%BC%92%EF%BC%91",  # full-width digits
        "idxno=%FF%FE%00",  # not UTF-8, a NUL byte
        "idxno=" + "9" * 5000,
        "idxno=212345%27%20OR%201=1--",
        "IDXNO=212345",
    ],
)
def test_a_missing_malformed_or_unknown_number_is_the_korean_404(client, paper, query):
    assert_not_found(client.get(f"/news/articleView.html?{query}"))
    assert_not_found(client.get(f"/news/articleViewAmp.html?{query}"))


def test_an_article_that_is_not_live_is_not_found(client, paper):
    paper["article"].unpublish()
    assert_not_found(client.get("/news/articleView.html", {"idxno": "212345"}))


def test_only_get_and_head_are_answered(client, paper):
    assert client.head("/news/articleView.html?idxno=212345").status_code == 301
    assert client.post("/news/articleView.html?idxno=212345").status_code == 405


# Lists


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("sc_section_code=S1N1&view_type=sm", "/politics/"),
        ("sc_section_code=s1n1", "/politics/"),
        ("sc_sub_section_code=S2N3&view_type=sm", "/region/daejeon/"),
        # Both: the sub-section is the more precise; an unknown one falls back to the section.
        ("sc_section_code=S1N4&sc_sub_section_code=S2N3", "/region/daejeon/"),
        ("sc_section_code=S1N4&sc_sub_section_code=S2N99", "/region/"),
        ("sc_section_code=S1N1&page=3", "/politics/?page=3"),
        ("sc_section_code=S1N1&page=1", "/politics/"),
        ("sc_section_code=S1N1&page=abc", "/politics/"),
        ("sc_section_code=S1N1&page=-2", "/politics/"),
        ("sc_serial_code=SRN5", "/series/daejeon-industry/"),
        ("sc_serial_code=SRN5&page=2&view_type=sm", "/series/daejeon-industry/?page=2"),
        ("sc_area=I&sc_word=kwonyj&view_type=sm", "REPORTER"),
        ("sc_area=i&sc_word=kwonyj&page=4", "REPORTER?page=4"),
        (
            "sc_area=K&sc_word=%EB%8C%80%EC%A0%84%EC%82%B0%EB%8B%A8",
            "/tags/%EB%8C%80%EC%A0%84%EC%82%B0%EB%8B%A8/",
        ),
        ("sc_area=A&view_type=sm&sc_word=%EB%8C%80%EC%A0%84", "/search/?q=%EB%8C%80%EC%A0%84"),
        ("sc_area=T&sc_word=a%26b", "/search/?q=a%26b"),
        ("sc_area=A&sc_word=a%00b", "/search/?q=a%00b"),  # the search page copes with NUL
        # Nothing that names a list: the front page.
        ("", "/"),
        ("view_type=sm", "/"),
        ("sc_multi_code=S2&view_type=sm&page=7", "/"),
        ("sc_section_code[]=S1N1", "/"),  # not a parameter the old list read
        (
            "page=10&total=6282&sc_section_code=&sc_sub_section_code=&sc_serial_code=&sc_area="
            "&sc_level=&sc_article_type=&sc_word=&sc_order_by=E&view_type=sm",
            "/",
        ),
    ],
)
def test_an_old_list_address_moves_to_the_new_list_keeping_the_page(client, paper, query, target):
    target = target.replace("REPORTER", f"/reporters/{paper['reporter'].pk}/")
    assert_moved(client.get(f"/news/articleList.html?{query}"), target)


@pytest.mark.parametrize(
    "query",
    [
        "sc_section_code=S1N99",  # unknown
        "sc_sub_section_code=S2N99",
        "sc_section_code=S9N1",  # not a section code
        "sc_section_code=S1N1%27--",
        "sc_section_code=%FF%FE",
        "sc_section_code=S1N4&sc_sub_section_code=garbage",
        "sc_serial_code=SRN99",
        "sc_serial_code=S1N1",
        "sc_serial_code=SRN5abc",
        "sc_area=I&sc_word=nobody",
        "sc_area=I&sc_word=",
        "sc_area=I&sc_word=%EA%B6%8C%EC%98%88%EC%A7%84",  # not an id the old site could have
        "sc_area=I&sc_word=" + "a" * 51,
        "sc_area=K&sc_word=%EC%97%86%EB%8A%94%ED%83%9C%EA%B7%B8",  # a tag no article has
        "sc_area=K&sc_word=",
        "sc_area=K&sc_word=" + "가" * 101,
        "sc_area=Z&sc_word=%EB%8C%80%EC%A0%84",  # a search field we do not know
        "sc_area=K&sc_word=%00",
        "sc_area=K&sc_word=%EB%8C%80%00",
        "sc_area=K&sc_word=%FF%FE",
        "sc_area=I&sc_word=%00",
        "sc_serial_code=%00",
        "sc_section_code=%00",
    ],
)
def test_an_unknown_or_malformed_list_code_is_the_korean_404(client, paper, query):
    assert_not_found(client.get(f"/news/articleList.html?{query}"))


def test_a_tag_only_photos_use_is_not_a_list(client, paper):
    Tag.objects.create(name="사진전용", slug="사진전용")
    assert_not_found(client.get("/news/articleList.html", {"sc_area": "K", "sc_word": "사진전용"}))


def test_a_tag_is_found_whatever_its_case(client, paper):
    add_article(paper["politics"], title="KTX", tags=["KTX세종역"])
    response = client.get("/news/articleList.html", {"sc_area": "K", "sc_word": "ktx세종역"})
    assert_moved(response, reverse("news:tag", args=[Tag.objects.get(name="KTX세종역").slug]))


def test_a_section_that_is_not_live_is_not_found(client, paper):
    paper["politics"].unpublish()
    assert_not_found(client.get("/news/articleList.html?sc_section_code=S1N1"))


# Feeds


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/rss/allArticle.xml", "/rss/"),
        ("/rss/clickTop.xml", "/rss/popular/"),
        ("/rss/S1N1.xml", "/rss/politics/"),
        ("/rss/S1N4.xml", "/rss/region/"),
        ("/rss/S2N3.xml", "/rss/region/daejeon/"),
        ("/rss/s2n3.xml", "/rss/region/daejeon/"),
    ],
)
def test_an_old_feed_moves_to_the_new_feed(client, paper, path, target):
    assert_moved(client.get(path), target)
    assert target == reverse("feeds:all") or target.startswith("/rss/")


def test_the_new_feeds_are_where_the_old_ones_point(client, paper):
    for old in ("/rss/allArticle.xml", "/rss/clickTop.xml", "/rss/S2N3.xml"):
        assert client.get(old, follow=True).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/rss/S1N99.xml",
        "/rss/S9N1.xml",
        "/rss/foo.xml",
        "/rss/SRN5.xml",
        "/rss/%FF.xml",
        "/rss/%EC%A0%95%EC%B9%98.xml",
        "/rss/S1N1.xml.xml",
        "/rss/%00.xml",
    ],
)
def test_an_unknown_old_feed_is_the_korean_404(client, paper, path):
    assert_not_found(client.get(path))


# Footer pages


@pytest.fixture
def footer_pages(home):
    pages = {}
    for slug, title in [
        ("privacy", "개인정보처리방침"),
        ("youth-protection", "청소년보호정책"),
        ("no-email-collection", "이메일무단수집거부"),
    ]:
        page = StandardPage(title=title, slug=slug, body=[("paragraph", RichText("<p>본문</p>"))])
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = page
    return pages


@pytest.mark.parametrize(
    ("old", "target"),
    [
        ("/com/privacy.html", "/privacy/"),
        ("/com/youthpolicy.html", "/youth-protection/"),
        ("/com/emailno.html", "/no-email-collection/"),
    ],
)
def test_an_old_footer_page_moves_to_the_standard_page(client, masthead, footer_pages, old, target):
    assert_moved(client.get(old), target)
    assert client.get(old, follow=True).status_code == 200


def test_a_renamed_footer_page_is_still_found(
    client, masthead, footer_pages, django_capture_on_commit_callbacks
):
    page = footer_pages["privacy"]
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "privacy-policy"
        page.save_revision().publish()
    assert_moved(client.get("/com/privacy.html"), "/privacy-policy/")


def test_an_unknown_footer_page_is_the_korean_404(client, masthead, footer_pages):
    assert_not_found(client.get("/com/company.html"))
    assert_not_found(client.get("/com/%FF%FE.html"))
    assert_not_found(client.get("/com/%00.html"))
    footer_pages["privacy"].unpublish()
    assert_not_found(client.get("/com/privacy.html"))


def test_an_editor_redirect_covers_an_old_address_the_mapping_does_not_know(
    client, masthead, footer_pages, paper
):
    about = footer_pages["privacy"]
    Redirect.add_redirect("/com/company.html", about)
    Redirect.add_redirect("/news/articleView.html?idxno=1000", paper["article"])
    assert_moved_plain(client.get("/com/company.html"), about.url)
    assert_moved_plain(client.get("/news/articleView.html?idxno=1000"), paper["article"].url)


def assert_moved_plain(response, url):
    assert response.status_code == 301
    assert response["Location"] == url


# Moving and renaming pages keeps their old addresses (Wagtail's redirects app)


def test_renaming_a_section_keeps_its_and_its_articles_old_addresses(
    client, paper, django_capture_on_commit_callbacks
):
    region, article = paper["region"], paper["article"]
    number = article.article_number
    with django_capture_on_commit_callbacks(execute=True):
        region.slug = "local"
        region.save_revision().publish()
    article.refresh_from_db()
    assert article.url == f"/local/daejeon/{number}/"
    assert_moved_plain(client.get("/region/"), "/local/")
    assert_moved_plain(client.get("/region/daejeon/"), "/local/daejeon/")
    assert_moved_plain(client.get(f"/region/daejeon/{number}/"), f"/local/daejeon/{number}/")
    # The old CMS's address follows the article to its new place.
    assert_moved(client.get("/news/articleView.html?idxno=212345"), f"/local/daejeon/{number}/")
    assert_moved(client.get("/news/articleList.html?sc_section_code=S1N4"), "/local/")


def test_moving_an_article_to_another_section_keeps_its_old_address(
    client, paper, django_capture_on_commit_callbacks
):
    article, number = paper["article"], paper["article"].article_number
    with django_capture_on_commit_callbacks(execute=True):
        article.move(paper["politics"], pos="last-child")
    article.refresh_from_db()
    assert article.url == f"/politics/{number}/"
    assert_moved_plain(client.get(f"/region/daejeon/{number}/"), f"/politics/{number}/")
    assert client.get(f"/politics/{number}/").status_code == 200


def test_moving_a_section_keeps_its_articles_old_addresses(
    client, paper, django_capture_on_commit_callbacks
):
    number = paper["article"].article_number
    with django_capture_on_commit_callbacks(execute=True):
        paper["daejeon"].move(paper["politics"], pos="last-child")
    assert_moved_plain(client.get(f"/region/daejeon/{number}/"), f"/politics/daejeon/{number}/")


def test_an_article_address_is_its_number_and_cannot_be_renamed(client, paper):
    article = ArticlePage.objects.get(pk=paper["article"].pk)
    article.slug = "daejeon-industry-deal"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.slug == str(article.article_number)
    assert client.get(f"/region/daejeon/{article.article_number}/").status_code == 200


# The codes editors fill


def test_section_codes_are_checked_and_unique(paper):
    section = SectionPage.objects.get(pk=paper["region"].pk)
    for bad in ("S3N1", "s1n1", "S1N", "X"):
        section.legacy_code = bad
        with pytest.raises(ValidationError) as error:
            section.full_clean()
        assert "S1N1" in str(error.value)
    section.legacy_code = "S1N1"  # politics has it
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "이미 다른 섹션이 쓰는 이전 섹션 코드입니다." in str(error.value)


def test_series_and_reporter_codes_are_checked_and_unique(paper):
    series = Series(name="다른 연재", legacy_code="SRN5")
    with pytest.raises(ValidationError) as error:
        series.full_clean()
    assert "이미 다른 연재가 쓰는 이전 연재 코드입니다." in str(error.value)
    series.legacy_code = "S1N1"
    with pytest.raises(ValidationError):
        series.full_clean()
    reporter = Reporter(name="이승훈", legacy_id="kwonyj")
    with pytest.raises(ValidationError) as error:
        reporter.full_clean()
    assert "이미 다른 기자가 쓰는 이전 기자 아이디입니다." in str(error.value)
    reporter.legacy_id = "이승훈"
    with pytest.raises(ValidationError):
        reporter.full_clean()


def test_a_copied_section_leaves_the_code_with_the_original(paper, home):
    copy = paper["politics"].copy(update_attrs={"slug": "politics-copy", "title": "정치 사본"})
    assert copy.specific.legacy_code == ""
    assert SectionPage.objects.get(pk=paper["politics"].pk).legacy_code == "S1N1"


def test_editors_find_the_code_fields_in_the_admin(admin_client, paper):
    section = admin_client.get(f"/admin/pages/{paper['politics'].pk}/edit/").content.decode()
    assert "이전 섹션 코드" in section and 'value="S1N1"' in section
    series = admin_client.get(
        f"/admin/snippets/news/series/edit/{paper['series'].pk}/"
    ).content.decode()
    assert "이전 연재 코드" in series and 'value="SRN5"' in series
    reporter = admin_client.get(
        f"/admin/snippets/news/reporter/edit/{paper['reporter'].pk}/"
    ).content.decode()
    assert "이전 기자 아이디" in reporter and 'value="kwonyj"' in reporter


def test_an_editor_sets_a_section_code_in_the_admin(admin_client, paper):
    from wagtail.test.utils.form_data import nested_form_data

    section = paper["region"]
    response = admin_client.post(
        f"/admin/pages/{section.pk}/edit/",
        nested_form_data(
            {
                "title": section.title,
                "slug": section.slug,
                "description": "",
                "legacy_code": "S1N1",  # taken by 정치
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 200
    assert "이미 다른 섹션이 쓰는 이전 섹션 코드입니다." in response.content.decode()
    assert SectionPage.objects.get(pk=section.pk).legacy_code == "S1N4"


def test_the_demo_numbers_sections_in_menu_order_and_keeps_editors_codes(sections, reporter):
    sections["region"].legacy_code = "S1N9"  # an editor's own code
    sections["region"].save()
    set_demo_legacy_codes()
    codes = dict(SectionPage.objects.values_list("slug", "legacy_code"))
    # 지역 came first, 정치 second; 대전 is the first subsection.
    assert codes == {"region": "S1N9", "politics": "S1N2", "daejeon": "S2N1"}
    assert Reporter.objects.get(pk=reporter.pk).legacy_id == "kwon"
    assert set_demo_legacy_codes() == []  # idempotent


# A fixed number of queries per redirect


def build_old_paper(home, scale):
    """`scale` × (3 sections, 2 series, 4 reporters, 10 articles) with old codes."""
    for n in range(3 * scale):
        section = add_section(home, f"섹션{n}", f"s{n}")
        SectionPage.objects.filter(pk=section.pk).update(legacy_code=f"S1N{n + 10}")
    for n in range(2 * scale):
        Series.objects.create(name=f"연재{n}", legacy_code=f"SRN{n + 10}")
    for n in range(4 * scale):
        Reporter.objects.create(name=f"기자{n}", email=f"r{n}@dailycc.net", legacy_id=f"r{n}")
    section = SectionPage.objects.get(slug="s0")
    for n in range(10 * scale):
        add_article(section, title=f"기사{n}", legacy_idxno=str(500000 + n), tags=[f"태그{n}"])


# One query for the thing the code names, one for the request's site where a page's URL needs it.
REDIRECT_BUDGETS = [
    ("/news/articleView.html?idxno=500001", 2),
    ("/news/articleList.html?sc_section_code=S1N11&page=2", 2),
    ("/news/articleList.html?sc_serial_code=SRN11", 1),
    ("/news/articleList.html?sc_area=I&sc_word=r1", 1),
    ("/news/articleList.html?sc_area=K&sc_word=%ED%83%9C%EA%B7%B81", 1),
    ("/news/articleList.html?view_type=sm", 0),
    ("/rss/S1N11.xml", 2),
    ("/rss/allArticle.xml", 0),
]


@pytest.mark.parametrize("scale", [1, 10])
def test_each_redirect_takes_a_fixed_number_of_queries(
    client, home, masthead, scale, django_assert_max_num_queries
):
    build_old_paper(home, scale)
    client.get("/")  # the site's root paths are cached from here on, as in production
    for url, budget in REDIRECT_BUDGETS:
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 301, url


# The demo paper


def test_the_demo_paper_answers_its_old_addresses(client, db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    article = ArticlePage.objects.get(legacy_idxno="300101")
    reporter = Reporter.objects.get(email="kwon@dailycc.net")
    series = Series.objects.get(slug="daejeon-industry")
    moves = {
        "/news/articleView.html?idxno=300101": article.url,
        "/news/articleList.html?sc_section_code=S1N1&view_type=sm": "/politics/",
        "/news/articleList.html?sc_section_code=S1N4&sc_sub_section_code=S2N1": "/region/daejeon/",
        "/news/articleList.html?sc_sub_section_code=S2N6&page=2": "/opinion/column/?page=2",
        f"/news/articleList.html?sc_serial_code={series.legacy_code}": "/series/daejeon-industry/",
        "/news/articleList.html?sc_area=I&sc_word=kwon": f"/reporters/{reporter.pk}/",
        "/rss/S2N1.xml": "/rss/region/daejeon/",
        "/com/privacy.html": "/privacy/",
        "/com/youthpolicy.html": "/youth-protection/",
        "/com/emailno.html": "/no-email-collection/",
    }
    for old, new in moves.items():
        assert_moved(client.get(old), new)
        assert client.get(old, follow=True).status_code == 200, old
