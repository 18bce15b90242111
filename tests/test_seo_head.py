"""Every page's head: canonical URL, description, Open Graph, Twitter card, feeds, JSON-LD."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from newsroom import KST, add_article, make_image
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.models import StandardPage
from news.models import ArticlePage, Series

# Properties schema.org defines for each type we emit, a type's own and those it inherits
# (https://schema.org/<Type>, "Properties from …"; current vocabulary). A JSON-LD node may
# use nothing else.
THING = frozenset(
    """
    additionalType alternateName description disambiguatingDescription identifier image
    mainEntityOfPage name potentialAction sameAs subjectOf url
    """.split()
)
CREATIVE_WORK = THING | frozenset(
    """
    about abstract accessMode accessModeSufficient accessibilityAPI accessibilityControl
    accessibilityFeature accessibilityHazard accessibilitySummary accountablePerson
    acquireLicensePage aggregateRating alternativeHeadline archivedAt assesses
    associatedMedia audience audio author award awards character citation comment
    commentCount conditionsOfAccess contentLocation contentRating contentReferenceTime
    contributor copyrightHolder copyrightNotice copyrightYear correction countryOfOrigin
    creativeWorkStatus creator creditText dateCreated dateModified datePublished
    digitalSourceType discussionUrl editEIDR editor educationalAlignment
    educationalLevel educationalUse encoding encodingFormat encodings exampleOfWork
    expires fileFormat funder funding genre hasPart headline inLanguage
    interactionStatistic interactivityType interpretedAsClaim isAccessibleForFree
    isBasedOn isBasedOnUrl isFamilyFriendly isPartOf keywords learningResourceType
    license locationCreated mainEntity maintainer material materialExtent mentions
    offers pattern position producer provider publication publisher publisherImprint
    publishingPrinciples recordedAt releasedEvent review reviews schemaVersion
    sdDatePublished sdLicense sdPublisher size sourceOrganization spatial
    spatialCoverage sponsor teaches temporal temporalCoverage text thumbnail
    thumbnailUrl timeRequired translationOfWork translator typicalAgeRange usageInfo
    version video workExample workTranslation
    """.split()
)
ARTICLE = CREATIVE_WORK | frozenset(
    """
    articleBody articleSection backstory pageEnd pageStart pagination speakable
    wordCount
    """.split()
)
NEWS_ARTICLE = ARTICLE | frozenset(
    """
    dateline printColumn printEdition printPage printSection
    """.split()
)
WEB_PAGE = CREATIVE_WORK | frozenset(
    """
    breadcrumb lastReviewed mainContentOfPage primaryImageOfPage relatedLink reviewedBy
    significantLink significantLinks speakable specialty
    """.split()
)
WEB_SITE = CREATIVE_WORK | frozenset(
    """
    issn
    """.split()
)
MEDIA_OBJECT = CREATIVE_WORK | frozenset(
    """
    associatedArticle bitrate contentSize contentUrl duration embedUrl
    encodesCreativeWork encodingFormat endTime height ineligibleRegion
    interpretedAsClaim playerType productionCompany regionsAllowed requiresSubscription
    sha256 startTime uploadDate width
    """.split()
)
IMAGE_OBJECT = MEDIA_OBJECT | frozenset(
    """
    caption embeddedTextCaption exifData representativeOfPage
    """.split()
)
PERSON = THING | frozenset(
    """
    additionalName address affiliation agentInteractionStatistic alumniOf award awards
    birthDate birthPlace brand callSign children colleague colleagues contactPoint
    contactPoints deathDate deathPlace duns email familyName faxNumber follows funder
    funding gender givenName globalLocationNumber hasCertification hasCredential
    hasOccupation hasOfferCatalog hasPOS height homeLocation honorificPrefix
    honorificSuffix interactionStatistic isicV4 jobTitle knows knowsAbout knowsLanguage
    makesOffer memberOf naics nationality netWorth owns parent parents performerIn
    publishingPrinciples relatedTo seeks sibling siblings sponsor spouse taxID telephone
    vatID weight workLocation worksFor
    """.split()
)
ORGANIZATION = THING | frozenset(
    """
    acceptedPaymentMethod actionableFeedbackPolicy address agentInteractionStatistic
    aggregateRating alumni areaServed award awards brand contactPoint contactPoints
    correctionsPolicy department dissolutionDate diversityPolicy diversityStaffingReport
    duns email employee employees ethicsPolicy event events faxNumber founder founders
    foundingDate foundingLocation funder funding globalLocationNumber hasCertification
    hasCredential hasGS1DigitalLink hasMemberProgram hasMerchantReturnPolicy
    hasOfferCatalog hasPOS interactionStatistic isicV4 iso6523Code keywords knowsAbout
    knowsLanguage legalName leiCode location logo makesOffer member memberOf members
    naics nonprofitStatus numberOfEmployees ownershipFundingInfo owns parentOrganization
    publishingPrinciples review reviews seeks serviceArea slogan sponsor subOrganization
    taxID telephone unnamedSourcesPolicy vatID
    """.split()
)
NEWS_MEDIA_ORGANIZATION = ORGANIZATION | frozenset(
    """
    actionableFeedbackPolicy correctionsPolicy diversityPolicy diversityStaffingReport
    ethicsPolicy masthead missionCoveragePrioritiesPolicy noBylinesPolicy
    ownershipFundingInfo unnamedSourcesPolicy verificationFactCheckingPolicy
    """.split()
)
INTANGIBLE = THING  # no properties of its own
ITEM_LIST = INTANGIBLE | frozenset(
    """
    itemListElement itemListOrder numberOfItems
    """.split()
)
BREADCRUMB_LIST = ITEM_LIST  # no properties of its own
LIST_ITEM = INTANGIBLE | frozenset(
    """
    item nextItem position previousItem
    """.split()
)
ENTRY_POINT = INTANGIBLE | frozenset(
    """
    actionApplication actionPlatform application contentType encodingType httpMethod
    urlTemplate
    """.split()
)
ACTION = THING | frozenset(
    """
    actionStatus agent endTime error instrument location object participant provider
    result startTime target
    """.split()
)
SEARCH_ACTION = ACTION | frozenset(
    """
    query
    """.split()
)

ALLOWED_PROPERTIES = {
    "NewsArticle": NEWS_ARTICLE,
    "WebPage": WEB_PAGE,
    "WebSite": WEB_SITE,
    "ImageObject": IMAGE_OBJECT,
    "Person": PERSON,
    "NewsMediaOrganization": NEWS_MEDIA_ORGANIZATION,
    "BreadcrumbList": BREADCRUMB_LIST,
    "ListItem": LIST_ITEM,
    "SearchAction": SEARCH_ACTION,
    "EntryPoint": ENTRY_POINT,
}
JSON_LD_KEYWORDS = {"@context", "@type", "@id"}
KST_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$")


class HeadParser(HTMLParser):
    """The <head>'s meta and link tags and its JSON-LD blocks."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self.html_lang = {}, [], [], None
        self._in_ld = False
        self._ld_text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld, self._ld_text = True, []

    def handle_data(self, data):
        if self._in_ld:
            self._ld_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.json_ld.append(json.loads("".join(self._ld_text)))


class Head:
    def __init__(self, html):
        parser = HeadParser()
        parser.feed(html[: html.index("</head>")])
        self.meta, self.links, self.json_ld = parser.meta, parser.links, parser.json_ld
        self.html_lang = parser.html_lang

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]

    @property
    def canonical(self):
        urls = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(urls) <= 1
        return urls[0] if urls else None

    @property
    def feeds(self):
        return [
            (link["title"], link["href"])
            for link in self.links
            if link.get("rel") == "alternate" and link.get("type") == "application/rss+xml"
        ]

    def ld(self, type_):
        found = [data for data in self.json_ld if data.get("@type") == type_]
        assert len(found) == 1, (type_, self.json_ld)
        return found[0]


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


def check_schema_org(node, path="$"):
    """Every typed node uses only its type's schema.org properties; returns the types seen."""
    seen = []
    if isinstance(node, list):
        for number, item in enumerate(node):
            seen += check_schema_org(item, f"{path}[{number}]")
        return seen
    if not isinstance(node, dict):
        return seen
    type_ = node.get("@type")
    assert type_ in ALLOWED_PROPERTIES, f"{path}: untyped or unexpected node {node}"
    allowed = ALLOWED_PROPERTIES[type_]
    for key, value in node.items():
        if key in JSON_LD_KEYWORDS:
            continue
        # schema.org's Actions: `query-input` annotates the action's own `query` property.
        base = re.sub(r"-(input|output)$", "", key)
        assert base in allowed, f"{path}: {type_} has no property {key!r}"
        seen += check_schema_org(value, f"{path}.{key}")
    return [type_, *seen]


def assert_absolute(url):
    assert url and url.startswith("http://localhost/"), url


# Articles


def test_article_head_has_canonical_description_and_open_graph(client, seed_article):
    ArticlePage.objects.filter(pk=seed_article.pk).update(
        last_published_at=datetime.datetime(2022, 4, 7, 18, 10, tzinfo=KST)
    )
    head = head_of(client, seed_article.url)

    assert head.html_lang == "ko"
    assert head.canonical == "http://localhost/region/daejeon/100001/"
    assert head.one("description") == seed_article.lead
    assert head.one("og:type") == "article"
    assert head.one("og:site_name") == "충청신문"
    assert head.one("og:locale") == "ko_KR"
    assert head.one("og:title") == seed_article.title
    assert head.one("og:description") == seed_article.lead
    assert head.one("og:url") == head.canonical
    assert head.one("article:published_time") == "2022-04-07T16:33:00+09:00"
    assert head.one("article:modified_time") == "2022-04-07T18:10:00+09:00"
    assert head.one("article:section") == "대전"
    assert head.meta["article:tag"] == ["대전산단"]


def test_og_image_is_the_main_photo_1200_wide_with_its_size_and_alt(client, seed_article):
    head = head_of(client, seed_article.url)

    photo = seed_article.body[1].value["image"]
    rendition = photo.get_rendition("width-1200|watermark")  # as the body shows it
    assert head.one("og:image") == f"http://localhost{rendition.url}"
    assert head.one("og:image:width") == str(rendition.width)
    assert head.one("og:image:height") == str(rendition.height)
    # The body's caption for the photo, as readers see it under the photo.
    assert head.one("og:image:alt") == "참석자들이 협약서를 들어 보이고 있다."
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:image") == head.one("og:image")
    assert head.one("twitter:title") == seed_article.title
    assert head.one("twitter:description") == seed_article.lead


def test_a_chosen_main_photo_wins_over_the_body_photo(client, seed_article):
    cover = make_image("표지 사진", caption="대전시청 전경")
    seed_article.main_image = cover
    seed_article.save_revision().publish()

    head = head_of(client, seed_article.url)

    assert cover.get_rendition("width-1200|watermark").url in head.one("og:image")
    assert head.one("og:image:alt") == "대전시청 전경"


def test_article_without_photo_shares_the_papers_image_in_a_small_card(client, sections, masthead):
    article = add_article(sections["politics"], title="사진 없는 기사", lead="요약")

    head = head_of(client, article.url)

    assert_absolute(head.one("og:image"))
    assert head.one("og:image").endswith("share-default.png")
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("twitter:card") == "summary"
    assert "image" not in head.ld("NewsArticle")


def test_a_photo_whose_file_is_gone_shares_the_papers_image(client, sections, masthead):
    photo = make_image("사라진 사진")
    article = add_article(
        sections["politics"],
        title="파일 없는 사진 기사",
        body=[("image", {"image": photo, "caption": "", "credit": ""})],
    )
    photo.renditions.all().delete()
    photo.file.storage.delete(photo.file.name)  # e.g. an import whose files were not copied

    head = head_of(client, article.url)

    assert head.one("og:image").endswith("share-default.png")
    assert "image" not in head.ld("NewsArticle")


def test_every_article_tag_is_an_article_tag(client, sections, masthead):
    article = add_article(sections["politics"], title="태그 여럿", tags=["국회", "예산", "세종"])

    head = head_of(client, article.url)

    assert sorted(head.meta["article:tag"]) == ["국회", "세종", "예산"]
    assert sorted(head.ld("NewsArticle")["keywords"]) == ["국회", "세종", "예산"]


def test_description_is_the_editors_then_the_lead_then_the_first_paragraph(
    client, sections, masthead
):
    body = [("paragraph", RichText("<p>대전시가 <b>7일</b> 협약식을 열었다.</p>"))]
    article = add_article(sections["politics"], title="요약 없는 기사", body=body)
    assert head_of(client, article.url).one("description") == "대전시가 7일 협약식을 열었다."

    article.lead = "요약입니다."
    article.save_revision().publish()
    assert head_of(client, article.url).one("description") == "요약입니다."

    article.search_description = "검색엔진용 설명"
    article.save_revision().publish()
    head = head_of(client, article.url)
    assert head.one("description") == "검색엔진용 설명"
    assert head.one("og:description") == "검색엔진용 설명"


def test_news_article_json_ld(client, seed_article, reporter, masthead):
    ArticlePage.objects.filter(pk=seed_article.pk).update(
        last_published_at=datetime.datetime(2022, 4, 8, 9, 0, tzinfo=KST)
    )
    head = head_of(client, seed_article.url)
    article = head.ld("NewsArticle")

    assert article["@context"] == "https://schema.org"
    assert article["headline"] == seed_article.title
    assert article["description"] == seed_article.lead
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": head.canonical}
    assert len(article["image"]) >= 3  # the photo and its 16:9, 4:3 and 1:1 crops
    for url in article["image"]:
        assert_absolute(url)
    assert article["datePublished"] == "2022-04-07T16:33:00+09:00"
    assert article["dateModified"] == "2022-04-08T09:00:00+09:00"
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "권예진",
            "jobTitle": "기자",
            "url": f"http://localhost/reporters/{reporter.pk}/",
        }
    ]
    publisher = article["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == masthead.title
    assert publisher["logo"]["@type"] == "ImageObject"
    assert_absolute(publisher["logo"]["url"])
    assert article["isAccessibleForFree"] is True
    assert article["articleSection"] == "대전"
    assert article["keywords"] == ["대전산단"]
    assert check_schema_org(article)[:1] == ["NewsArticle"]


def test_an_editorial_without_byline_is_written_by_the_paper(client, sections, masthead):
    editorial = add_article(
        sections["politics"], title="[사설] 산단 재생", article_type="editorial"
    )

    authors = head_of(client, editorial.url).ld("NewsArticle")["author"]

    assert [author["@type"] for author in authors] == ["NewsMediaOrganization"]
    assert authors[0]["name"] == "충청신문"


def test_the_mastheads_logo_is_the_publishers_logo(client, seed_article, masthead):
    masthead.logo = make_image("로고")
    masthead.save()

    logo = head_of(client, seed_article.url).ld("NewsArticle")["publisher"]["logo"]

    rendition = masthead.logo.get_rendition("max-600x600")
    assert logo == {
        "@type": "ImageObject",
        "url": f"http://localhost{rendition.url}",
        "width": rendition.width,
        "height": rendition.height,
    }


def test_without_a_logo_the_static_one_drawn_from_the_papers_name_is_used(client, seed_article):
    from django.contrib.staticfiles import finders
    from PIL import Image

    logo = head_of(client, seed_article.url).ld("NewsArticle")["publisher"]["logo"]

    assert logo["url"] == "http://localhost/static/img/logo.png"
    with Image.open(finders.find("img/logo.png")) as image:
        assert image.format == "PNG"  # Google wants a raster logo
        assert image.size == (logo["width"], logo["height"])
        assert min(image.size) >= 112
    with Image.open(finders.find("img/share-default.png")) as image:
        assert image.size == (1200, 630)


def test_breadcrumb_list_follows_the_section_path(client, seed_article, sections):
    crumbs = head_of(client, seed_article.url).ld("BreadcrumbList")["itemListElement"]

    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in crumbs] == [
        (1, "홈", "http://localhost/"),
        (2, "지역", "http://localhost/region/"),
        (3, "대전", "http://localhost/region/daejeon/"),
    ]


def test_json_ld_cannot_close_its_script_element(client, sections, masthead):
    title = "</script><script>alert(1)</script> <!-- & 따옴표\" '"
    article = add_article(sections["politics"], title=title, lead="요약 </SCRIPT>")

    html = client.get(article.url).content.decode()

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks and all("<" not in block for block in blocks)
    assert "<script>alert(1)" not in html
    assert Head(html).ld("NewsArticle")["headline"] == title


def test_an_alias_points_at_the_original_as_canonical(client, seed_article, sections):
    alias = seed_article.create_alias(parent=sections["politics"])

    head = head_of(client, alias.url)

    assert alias.url != seed_article.url
    assert head.canonical == seed_article.full_url
    assert head.ld("NewsArticle")["mainEntityOfPage"]["@id"] == seed_article.full_url


def test_the_preview_of_an_article_never_saved_has_a_head(sections, masthead):
    parent = sections["daejeon"]
    draft = ArticlePage(title="미리보기 기사", lead="미리보기 요약", body=[])
    # What Wagtail's 미리보기 does with a page not yet created.
    draft.set_url_path(parent)
    draft.depth = parent.depth + 1
    draft.path = Page._get_children_path_interval(parent.path)[1]

    response = draft.make_preview_request()

    assert response.status_code == 200
    head = Head(response.content.decode())
    assert head.one("og:title") == "미리보기 기사"
    assert head.one("description") == "미리보기 요약"
    article = head.ld("NewsArticle")
    assert "datePublished" not in article
    check_schema_org(article)
    assert all(value != "" for value in article.values())


def test_every_json_ld_block_uses_only_schema_org_properties(client, seed_article, sections, home):
    seen = set()
    for url in ("/", sections["region"].url, sections["daejeon"].url, seed_article.url):
        for data in head_of(client, url).json_ld:
            assert data["@context"] == "https://schema.org"
            seen.update(check_schema_org(data))
    assert seen == set(ALLOWED_PROPERTIES), "a type above is emitted nowhere, or a new one is"


def test_the_checker_refuses_a_property_its_type_does_not_have():
    with pytest.raises(AssertionError, match="no property 'articleSection'"):
        check_schema_org({"@type": "Person", "name": "권예진", "articleSection": "대전"})
    with pytest.raises(AssertionError, match="no property 'datePublished'"):
        check_schema_org({"@type": "NewsMediaOrganization", "datePublished": "2022"})
    with pytest.raises(AssertionError, match="no property 'queryInput'"):
        check_schema_org({"@type": "SearchAction", "queryInput": "required"})
    with pytest.raises(AssertionError, match="untyped"):
        check_schema_org({"@type": "NewsArticle", "author": {"name": "권예진"}})


# Sections and the front page


def test_section_head_uses_its_description_and_breadcrumbs(client, sections, masthead):
    daejeon = sections["daejeon"]
    daejeon.description = "대전의 행정, 사회, 경제 소식"
    daejeon.save_revision().publish()

    head = head_of(client, daejeon.url)

    assert head.canonical == "http://localhost/region/daejeon/"
    assert head.one("description") == "대전의 행정, 사회, 경제 소식"
    assert head.one("og:type") == "website"
    assert head.one("og:url") == head.canonical
    assert_absolute(head.one("og:image"))
    names = [crumb["name"] for crumb in head.ld("BreadcrumbList")["itemListElement"]]
    assert names == ["홈", "지역", "대전"]


def test_a_sections_later_pages_are_their_own_canonical(client, sections, masthead, settings):
    settings.NEWS_SECTION_PAGE_SIZE = 1
    add_article(sections["politics"], title="첫 기사")
    add_article(sections["politics"], title="둘째 기사")

    assert head_of(client, "/politics/").canonical == "http://localhost/politics/"
    assert head_of(client, "/politics/?page=2").canonical == "http://localhost/politics/?page=2"
    assert head_of(client, "/politics/?page=abc").canonical == "http://localhost/politics/"


def test_front_page_offers_a_search_action(client, home, masthead):
    head = head_of(client, "/")

    assert head.canonical == "http://localhost/"
    assert head.one("og:type") == "website"
    assert head.one("og:title") == "충청신문"
    assert head.one("description") == "대전·세종·충남·충북의 소식을 전하는 충청신문"
    website = head.ld("WebSite")
    assert website["url"] == "http://localhost/"
    assert website["name"] == "충청신문"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == "http://localhost/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    search = template.removeprefix("http://localhost").replace("{search_term_string}", "대전")
    assert client.get(search).status_code == 200
    organization = head.ld("NewsMediaOrganization")
    assert organization["name"] == "충청신문" and organization["logo"]["@type"] == "ImageObject"


def test_the_front_pages_search_description_is_the_sites_default(client, home, sections):
    about = home.add_child(instance=StandardPage(title="회사소개", slug="about", body=[]))
    about.save_revision().publish()
    home.search_description = "충청권 대표 일간지"
    home.save_revision().publish()

    assert head_of(client, "/").one("description") == "충청권 대표 일간지"
    assert head_of(client, about.url).one("description") == "충청권 대표 일간지"
    # A section without a description says which section it is rather than repeat it.
    assert head_of(client, sections["region"].url).one("description") == (
        "충청신문 지역 섹션의 최신 기사"
    )


def test_standard_pages_have_canonical_and_open_graph_but_no_json_ld(client, home, masthead):
    about = home.add_child(instance=StandardPage(title="회사소개", slug="about", body=[]))
    about.save_revision().publish()

    head = head_of(client, about.url)

    assert head.canonical == "http://localhost/about/"
    assert head.one("og:title") == "회사소개"
    assert head.one("og:url") == head.canonical
    assert head.one("description")
    assert head.json_ld == []
    assert head.feeds == []


# Pages outside the page tree


def test_reporter_tag_and_series_pages_have_canonical_open_graph_and_feeds(
    client, seed_article, reporter
):
    reporter.photo = make_image("권예진 사진")
    reporter.save()
    series = Series.objects.create(name="대전 산업 지도", description="대전 산단의 오늘과 내일")
    ArticlePage.objects.filter(pk=seed_article.pk).update(series=series)

    pages = {
        f"/reporters/{reporter.pk}/": ("권예진 기자", f"/rss/reporter/{reporter.pk}/"),
        "/tags/대전산단/": ("#대전산단", "/rss/tag/%EB%8C%80%EC%A0%84%EC%82%B0%EB%8B%A8/"),
        series.get_absolute_url(): ("대전 산업 지도", None),
    }
    for url, (title, feed) in pages.items():
        head = head_of(client, url)
        assert_absolute(head.canonical)
        assert head.one("og:url") == head.canonical
        assert head.one("og:title") == title
        assert head.one("description")
        assert_absolute(head.one("og:image"))
        (feed_title, feed_url), *others = head.feeds
        assert not others
        assert_absolute(feed_url)
        if feed:
            assert feed_url == f"http://localhost{feed}"
        assert feed_title.startswith("충청신문 - ")
    assert (
        head_of(client, series.get_absolute_url()).one("description") == "대전 산단의 오늘과 내일"
    )
    reporter_head = head_of(client, f"/reporters/{reporter.pk}/")
    assert reporter.photo.get_rendition("width-1200").url in reporter_head.one("og:image")
    assert reporter_head.one("og:image:alt") == "권예진 기자"


# Feeds


def test_feeds_are_advertised_on_the_pages_they_belong_to(client, seed_article, sections, home):
    front = head_of(client, "/").feeds
    section = head_of(client, sections["daejeon"].url).feeds
    article = head_of(client, seed_article.url).feeds

    assert [url for _title, url in front] == [
        "http://localhost/rss/",
        "http://localhost/rss/popular/",
    ]
    assert section == [("충청신문 - 대전", "http://localhost/rss/region/daejeon/")]
    assert article == section, "an article advertises its section's feed"
    for _title, url in [*front, *section]:
        response = client.get(url.removeprefix("http://localhost"))
        assert response.status_code == 200
        assert "xml" in response["Content-Type"]


def test_search_and_error_pages_have_no_canonical(client, home, masthead):
    search = head_of(client, "/search/?q=대전")
    assert search.canonical is None and search.html_lang == "ko"
    assert search.one("og:site_name") == "충청신문"

    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert Head(response.content.decode()).canonical is None


def test_every_time_in_the_head_is_kst(client, seed_article):
    head = head_of(client, seed_article.url)
    article = head.ld("NewsArticle")

    for value in (
        head.one("article:published_time"),
        head.one("article:modified_time"),
        article["datePublished"],
        article["dateModified"],
    ):
        assert KST_TIME.match(value), value
