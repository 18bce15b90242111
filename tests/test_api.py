"""The read-only API (/api/v2/): what articles expose, and what it never shows."""

import datetime

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from newsroom import add_article, add_section, make_image
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from news.models import ArticlePage, ArticleReporter, Reporter, Series

PAGES = "/api/v2/pages/"
ARTICLE_FIELDS = (
    "article_number,legacy_idxno,subtitle,lead,dateline,section,reporters,tags,series,"
    "article_type,last_published_at,updated_at,main_image,body"
)


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def article_titles(client, **params):
    data = get_json(client, PAGES, type="news.ArticlePage", **params)
    return [item["title"] for item in data["items"]]


@pytest.fixture
def article(seed_article):
    seed_article.legacy_idxno = "212345"
    seed_article.series = Series.objects.create(name="대전 산업 지도", slug="daejeon-industry")
    second = Reporter.objects.create(name="이승훈", title="논설위원", email="lsh@dailycc.net")
    seed_article.article_reporters.add(ArticleReporter(reporter=second, sort_order=1))
    seed_article.save_revision().publish()
    return ArticlePage.objects.get(pk=seed_article.pk)


# What an article exposes


def test_an_article_detail_has_every_field_a_portal_needs(client, article, site):
    data = get_json(client, f"{PAGES}{article.pk}/")
    section = article.get_parent()
    reporters = list(Reporter.objects.order_by("pk"))
    root = site.root_url  # every URL is absolute, on the site's own address

    assert data["title"] == "대전시, 산업단지 재생 위해 20개 기관과 손잡아"
    assert data["subtitle"] == "지역 일자리 거점으로\n3년간 집중 지원"
    assert data["lead"] == "대전시가 노후 산단 재생을 위해 20개 기관과 협약을 맺었다."
    assert data["dateline"] == "대전"
    assert data["article_type"] == "news"
    assert data["article_number"] == article.article_number
    assert data["legacy_idxno"] == "212345"
    assert data["meta"]["type"] == "news.ArticlePage"
    assert data["meta"]["html_url"] == f"{root}{article.url}"
    assert data["section"] == {
        "id": section.pk,
        "title": "대전",
        "url": f"{root}/region/daejeon/",
    }
    assert data["reporters"] == [
        {
            "id": reporters[0].pk,
            "name": "권예진",
            "title": "기자",
            "url": f"{root}/reporters/{reporters[0].pk}/",
        },
        {
            "id": reporters[1].pk,
            "name": "이승훈",
            "title": "논설위원",
            "url": f"{root}/reporters/{reporters[1].pk}/",
        },
    ]
    assert data["tags"] == ["대전산단"]
    assert data["series"] == {
        "id": article.series_id,
        "name": "대전 산업 지도",
        "url": f"{root}/series/daejeon-industry/",
    }


def test_an_article_carries_its_times_in_kst(client, article):
    first = datetime.datetime(
        2022, 4, 7, 16, 33, tzinfo=datetime.timezone(datetime.timedelta(hours=9))
    )
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=first, last_published_at=first + datetime.timedelta(hours=2)
    )
    data = get_json(client, f"{PAGES}{article.pk}/")
    assert data["meta"]["first_published_at"] == "2022-04-07T16:33:00+09:00"
    assert data["last_published_at"] == "2022-04-07T18:33:00+09:00"
    assert data["updated_at"] == "2022-04-07T18:33:00+09:00"  # 수정, as the page shows it


def test_the_main_image_comes_with_renditions_caption_and_credit(client, article):
    image = get_json(client, f"{PAGES}{article.pk}/")["main_image"]
    # No photo was chosen: the body's first photo is the main image, as on the page.
    assert image["id"] == article.listing_image_id
    assert image["caption"] == "협약식 기본 설명"
    assert image["credit"] == "대전시 제공"
    assert (image["width"], image["height"]) == (640, 400)
    assert image["large"]["width"] == 640  # width-1200 never enlarges a smaller photo
    assert (image["thumbnail"]["width"], image["thumbnail"]["height"]) == (600, 400)
    assert ".fill-600x400" in image["thumbnail"]["url"]
    assert image["thumbnail"]["full_url"].startswith("http://testserver/")


def test_an_article_without_a_photo_has_no_main_image(client, sections):
    plain = add_article(sections["daejeon"], title="사진 없는 기사")
    data = get_json(client, f"{PAGES}{plain.pk}/")
    assert data["main_image"] is None
    assert data["series"] is None
    assert data["reporters"] == []


def test_the_body_is_structured_blocks(client, article):
    body = get_json(client, f"{PAGES}{article.pk}/")["body"]
    assert [block["type"] for block in body] == [
        "paragraph",
        "image",
        "subheading",
        "quote",
        "paragraph",
    ]
    assert body[0]["value"] == "<p>대전시가 7일 시청에서 협약식을 열었다.</p>"
    photo = body[1]["value"]
    assert photo["caption"] == "참석자들이 협약서를 들어 보이고 있다."  # the block's own
    assert photo["credit"] == "대전시 제공"  # the photo's default, as readers see it
    assert photo["image"]["id"] == article.listing_image_id
    assert photo["image"]["large"]["url"].endswith(".jpg")
    assert body[2]["value"] == "세부 과제"
    assert body[3]["value"] == {
        "text": "산단을 일자리 거점으로 만들겠다",
        "attribution": "대전시장",
    }
    assert all(block["id"] for block in body)


def test_the_body_can_be_asked_for_as_display_html(client, sections):
    target = add_article(sections["daejeon"], title="링크 대상")
    linked = add_article(
        sections["daejeon"],
        title="링크 기사",
        body=[
            (
                "paragraph",
                RichText(f'<p><a linktype="page" id="{target.pk}">관련 기사</a></p>'),
            )
        ],
    )
    stored = get_json(client, f"{PAGES}{linked.pk}/")["body"][0]["value"]
    shown = get_json(client, f"{PAGES}{linked.pk}/", rich_text_format="html")["body"][0]["value"]
    assert 'linktype="page"' in stored
    assert f'href="{target.url}"' in shown


def test_a_body_photo_that_was_deleted_is_an_empty_image(client, sections):
    photo = make_image("지울 사진", caption="기본", credit="출처")
    article = add_article(
        sections["daejeon"],
        title="사진이 지워진 기사",
        body=[("image", {"image": photo, "caption": "", "credit": ""})],
    )
    photo.delete()
    body = get_json(client, f"{PAGES}{article.pk}/")["body"]
    assert body == [
        {
            "type": "image",
            "value": {"image": None, "caption": "", "credit": ""},
            "id": body[0]["id"],
        }
    ]


def test_a_listing_shows_every_article_field_on_request(client, article):
    data = get_json(client, PAGES, type="news.ArticlePage", fields="*")
    item = data["items"][0]
    for field in ARTICLE_FIELDS.split(","):
        assert field in item, field
    assert item["reporters"][0]["name"] == "권예진"
    assert item["body"][1]["value"]["credit"] == "대전시 제공"


def test_articles_can_be_filtered_by_old_number_tag_and_type(client, article, sections):
    add_article(sections["politics"], title="다른 기사", tags=["정치"], article_type="editorial")
    assert article_titles(client, legacy_idxno="212345") == [article.title]
    assert article_titles(client, tags="대전산단") == [article.title]
    assert article_titles(client, article_type="editorial") == ["다른 기사"]
    assert article_titles(client, article_number=str(article.article_number)) == [article.title]


def test_articles_can_be_filtered_by_series_and_ordered_newest_first(client, article, sections):
    newer = add_article(sections["politics"], title="최신 기사")
    assert article_titles(client, series=str(article.series_id)) == [article.title]
    assert article_titles(client, order="-first_published_at")[:2] == [newer.title, article.title]
    assert client.head(PAGES, {"type": "news.ArticlePage"}).status_code == 200


def test_a_section_exposes_its_description(client, sections):
    section = sections["politics"]
    section.description = "국회와 지방의회 소식"
    section.save_revision().publish()
    data = get_json(client, f"{PAGES}{section.pk}/")
    assert data["description"] == "국회와 지방의회 소식"
    assert data["meta"]["type"] == "news.SectionPage"


# What it never shows


@pytest.fixture
def hidden(sections):
    """A live article and one of each kind that no reader may get from the API."""
    section = sections["daejeon"]
    now = timezone.now()
    body = [("paragraph", RichText("<p>대전 본문</p>"))]

    draft = ArticlePage(title="대전 초안", body=body, live=False)
    section.add_child(instance=draft)
    draft.save_revision()

    scheduled = ArticlePage(
        title="대전 예약", body=body, live=False, go_live_at=now + datetime.timedelta(days=1)
    )
    section.add_child(instance=scheduled)
    scheduled.save_revision().publish()
    assert not ArticlePage.objects.get(pk=scheduled.pk).live  # waiting for its time

    embargoed = add_article(section, title="대전 엠바고")
    ArticlePage.objects.filter(pk=embargoed.pk).update(go_live_at=now + datetime.timedelta(hours=3))
    expired = add_article(section, title="대전 게재 종료")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(hours=1))

    unpublished = add_article(section, title="대전 내림")
    unpublished.unpublish()

    password = add_article(section, title="대전 비밀번호")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    members = add_article(section, title="대전 회원 전용")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)

    private_section = add_section(sections["region"], "비공개 섹션", "private-desk")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    under_private = add_article(private_section, title="대전 비공개 섹션 기사")

    public = add_article(section, title="대전 공개 기사")
    return {
        "public": public,
        "hidden": [
            draft,
            scheduled,
            embargoed,
            expired,
            unpublished,
            password,
            members,
            under_private,
        ],
        "private_section": private_section,
    }


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_only_live_public_pages_are_listed(client, hidden, who, django_user_model):
    if who == "reader":
        client.force_login(django_user_model.objects.create_user(username="reader"))
    assert article_titles(client) == ["대전 공개 기사"]
    assert article_titles(client, search="대전") == ["대전 공개 기사"]
    assert article_titles(client, child_of=hidden["public"].get_parent().pk) == ["대전 공개 기사"]
    for params in ({"limit": 20}, {"search": "대전", "limit": 20}):  # every page type
        titles = [item["title"] for item in get_json(client, PAGES, **params)["items"]]
        assert "대전 공개 기사" in titles
        assert "비공개 섹션" not in titles
        assert not any(title.startswith("대전 ") and title != "대전 공개 기사" for title in titles)


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_hidden_pages_have_no_detail_and_cannot_be_found(client, hidden, who, django_user_model):
    if who == "reader":
        client.force_login(django_user_model.objects.create_user(username="reader"))
    for page in [*hidden["hidden"], hidden["private_section"]]:
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404, page.title
        assert client.get(f"{PAGES}find/", {"id": page.pk}).status_code == 404, page.title
    assert client.get(f"{PAGES}{hidden['public'].pk}/").status_code == 200
    found = client.get(f"{PAGES}find/", {"html_path": hidden["public"].url})
    assert found.status_code == 302


def test_pages_under_a_private_section_cannot_be_listed_through_it(client, hidden):
    response = client.get(PAGES, {"child_of": hidden["private_section"].pk})
    assert response.status_code == 400  # Wagtail: the parent page does not exist


# Images and documents


@pytest.fixture
def files(sections):
    public_photo = make_image("공개 사진", caption="대전시청 전경", credit="대전시 제공")
    public_photo.tags.add("대전시청")
    restricted = Collection.get_first_root_node().add_child(name="편집국 전용")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden_photo = make_image("비공개 사진")
    hidden_photo.collection = restricted
    hidden_photo.save()
    document = Document.objects.create(
        title="2022 예산안", file=ContentFile(b"%PDF-1.4", name="budget.pdf")
    )
    document.tags.add("예산")
    hidden_document = Document.objects.create(
        title="내부 문서", collection=restricted, file=ContentFile(b"x", name="internal.txt")
    )
    # The API lists what published articles use: a photo in the body, a linked file.
    link = f'<p><a linktype="document" id="{document.pk}">예산안</a>과 <a linktype="document" id="{hidden_document.pk}">내부 문서</a></p>'
    add_article(
        sections["daejeon"],
        title="예산안 공개",
        body=[
            ("image", {"image": public_photo, "caption": "", "credit": ""}),
            ("image", {"image": hidden_photo, "caption": "", "credit": ""}),
            ("paragraph", RichText(link)),
        ],
    )
    return {
        "photo": public_photo,
        "hidden_photo": hidden_photo,
        "document": document,
        "hidden_document": hidden_document,
    }


def test_the_images_endpoint_lists_photos_with_caption_and_credit(client, files):
    data = get_json(client, "/api/v2/images/", fields="default_caption,default_credit")
    assert [item["title"] for item in data["items"]] == ["공개 사진"]
    item = data["items"][0]
    assert item["default_caption"] == "대전시청 전경"
    assert item["default_credit"] == "대전시 제공"
    assert item["meta"]["tags"] == ["대전시청"]
    assert item["meta"]["download_url"].endswith(".jpg")
    detail = get_json(client, f"/api/v2/images/{files['photo'].pk}/")
    assert (detail["width"], detail["height"]) == (640, 400)
    assert client.get(f"/api/v2/images/{files['hidden_photo'].pk}/").status_code == 404


def test_the_documents_endpoint_lists_public_documents(client, files, site):
    data = get_json(client, "/api/v2/documents/")
    assert [item["title"] for item in data["items"]] == ["2022 예산안"]
    assert data["items"][0]["meta"]["tags"] == ["예산"]
    assert data["items"][0]["meta"]["download_url"].startswith(f"{site.root_url}/documents/")
    assert client.get(f"/api/v2/documents/{files['hidden_document'].pk}/").status_code == 404


# Read-only


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(admin_client, article, files, method):
    send = getattr(admin_client, method)
    urls = [
        PAGES,
        f"{PAGES}{article.pk}/",
        "/api/v2/images/",
        f"/api/v2/images/{files['photo'].pk}/",
        "/api/v2/documents/",
        f"/api/v2/documents/{files['document'].pk}/",
    ]
    for url in urls:
        response = send(url, data='{"title": "바뀐 제목"}', content_type="application/json")
        assert response.status_code == 405, (method, url)
    assert ArticlePage.objects.get(pk=article.pk).title == article.title
    assert Document.objects.filter(pk=files["document"].pk).exists()


@pytest.mark.parametrize(
    "params",
    [
        {"type": "news.ArticlePage", "fields": "nonsense"},
        {"type": "news.ArticlePage", "fields": "section(title)"},
        {"type": "news.Nope"},
        {"type": "news.ArticlePage", "limit": "abc"},
        {"type": "news.ArticlePage", "article_number": "abc"},
        {"type": "news.ArticlePage", "rich_text_format": "xml"},
    ],
)
def test_odd_parameters_are_a_400_not_a_500(client, article, params):
    assert client.get(PAGES, params).status_code == 400


# A fixed number of queries however long the listing


def build_articles(section, count, reporters, series):
    for n in range(count):
        photo = make_image(
            f"사진{n}", caption=f"설명{n}", credit="충청신문", color=(n * 9 % 255, 80, 160)
        )
        body_photo = make_image(f"본문 사진{n}", color=(80, n * 9 % 255, 160))
        add_article(
            section,
            title=f"기사 {n}",
            lead="요약",
            reporters=[reporters[n % len(reporters)], reporters[(n + 1) % len(reporters)]],
            tags=[f"태그{n}", "공통"],
            main_image=photo,
            series=series,
            body=[
                ("paragraph", RichText(f"<p>{n}번 기사</p>")),
                ("image", {"image": body_photo, "caption": "", "credit": ""}),
                ("quote", {"text": "인용", "attribution": "누군가"}),
            ],
        )


def listing_queries(client, fields):
    params = {"type": "news.ArticlePage", "fields": fields, "limit": 20}
    assert client.get(PAGES, params).status_code == 200  # makes the renditions, once
    caches["renditions"].clear()  # then counts reading them every time
    with CaptureQueriesContext(connection) as queries:
        data = get_json(client, PAGES, **params)
    return len(queries), len(data["items"])


# Restrictions, site, count, the articles, and one or two per field asked for.
LISTING_BUDGET = 13


@pytest.mark.parametrize("fields", [ARTICLE_FIELDS, "*"])
def test_a_full_listing_takes_as_many_queries_as_a_short_one(
    client, sections, fields, django_assert_max_num_queries
):
    reporters = [
        Reporter.objects.create(name=f"기자{n}", email=f"r{n}@dailycc.net") for n in range(4)
    ]
    series = Series.objects.create(name="연재", slug="series")
    build_articles(sections["daejeon"], 2, reporters, series)
    short, short_items = listing_queries(client, fields)
    build_articles(sections["politics"], 18, reporters, series)  # ten times as many
    full, full_items = listing_queries(client, fields)
    assert (short_items, full_items) == (2, 20)
    assert short == full
    if fields == ARTICLE_FIELDS:
        with django_assert_max_num_queries(LISTING_BUDGET):
            client.get(PAGES, {"type": "news.ArticlePage", "fields": fields})


def test_image_and_document_listings_take_fixed_queries(
    client, sections, django_assert_max_num_queries
):
    body = []
    for n in range(20):
        photo = make_image(f"사진{n}")
        photo.tags.add(f"태그{n}")
        document = Document.objects.create(
            title=f"문서{n}", file=ContentFile(b"x", name=f"d{n}.txt")
        )
        document.tags.add(f"태그{n}")
        body.append(("image", {"image": photo, "caption": "", "credit": ""}))
        link = f'<p><a linktype="document" id="{document.pk}">문서{n}</a></p>'
        body.append(("paragraph", RichText(link)))
    add_article(sections["daejeon"], title="자료 모음", body=body)
    # The same for 2 or 2,000: which pages readers see (public() reads the restrictions)
    # and what they use, as subqueries of the one listing query, plus the tags' prefetch.
    for url in ("/api/v2/images/", "/api/v2/documents/"):
        with django_assert_max_num_queries(10):
            assert len(get_json(client, url, limit=20)["items"]) == 20


def test_photos_and_files_of_a_draft_stay_unlisted_until_it_is_published(client, sections):
    photo = make_image("엠바고 사진", caption="발표 전 사진")
    document = Document.objects.create(
        title="발표 전 자료", file=ContentFile(b"%PDF-1.4", name="embargo.pdf")
    )
    link = f'<p><a linktype="document" id="{document.pk}">자료</a></p>'
    draft = add_article(
        sections["daejeon"],
        title="발표 전 기사",
        body=[
            ("image", {"image": photo, "caption": "", "credit": ""}),
            ("paragraph", RichText(link)),
        ],
    )
    draft.unpublish()

    def listed(endpoint):
        return [item["id"] for item in get_json(client, endpoint)["items"]]

    assert photo.pk not in listed("/api/v2/images/")
    assert document.pk not in listed("/api/v2/documents/")
    assert client.get(f"/api/v2/images/{photo.pk}/").status_code == 404

    draft.get_latest_revision().publish()
    assert photo.pk in listed("/api/v2/images/")
    assert document.pk in listed("/api/v2/documents/")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?type=news.ArticlePage&last_published_at=x",
        "/api/v2/pages/?type=news.ArticlePage&first_published_at=2022-13-45",
        "/api/v2/pages/find/?id=abc",
        "/api/v2/images/find/?id=²",
        "/api/v2/documents/find/?id=1x",
    ],
)
def test_a_value_a_field_cannot_hold_is_a_400(client, db, url):
    assert client.get(url).status_code == 400
