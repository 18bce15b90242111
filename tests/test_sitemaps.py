"""Sitemaps, the Google News sitemap and robots.txt: exactly the live public pages, fixed queries."""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from django.utils import timezone
from newsroom import KST, add_article, add_section
from wagtail.models import PageViewRestriction

import news.sitemaps
from home.models import StandardPage
from news.models import ArticlePage, ArticleReporter, Reporter, SectionPage, Series

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
W3C_KST = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$")


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(urlset):
    assert urlset.tag == f"{{{NS['sm']}}}urlset"
    return [url.findtext("sm:loc", namespaces=NS) for url in urlset.findall("sm:url", NS)]


def local(url):
    """The path and query of an absolute URL, to fetch it with the test client."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def paper(home, sections, reporter, masthead):
    """Live articles, a draft, a private section and an alias; who is on what."""
    lee = Reporter.objects.create(name="이승훈", email="lsh@dailycc.net")
    draft_only = Reporter.objects.create(name="박초안", email="draft@dailycc.net")
    series = Series.objects.create(name="대전 산업 지도")
    empty_series = Series.objects.create(name="빈 연재")
    live = add_article(
        sections["daejeon"], title="산단 재생", reporters=[reporter], tags=["대전산단"]
    )
    ArticlePage.objects.filter(pk=live.pk).update(series=series)
    other = add_article(sections["politics"], title="정치 기사", reporters=[lee], tags=["국회"])
    draft = add_article(
        sections["daejeon"], title="초안", reporters=[draft_only], tags=["초안태그"]
    )
    draft.unpublish()
    private_section = add_section(home, "회원 전용", "members")
    secret = add_article(private_section, title="비공개 기사", reporters=[lee], tags=["비밀"])
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    alias = other.create_alias(parent=sections["daejeon"])
    expired = add_article(
        sections["politics"], title="게재 기간이 끝난 기사", reporters=[draft_only]
    )
    # Still live until publish_scheduled runs, but readers no longer see it.
    ArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    about = home.add_child(instance=StandardPage(title="회사소개", slug="about", body=[]))
    about.save_revision().publish()
    return {
        "public_pages": [home, *sections.values(), live, other, about],
        "hidden_pages": [draft, private_section, secret, alias, expired],
        "reporters": [reporter, lee],
        "hidden_reporters": [draft_only],
        "tags": ["대전산단", "국회"],
        "hidden_tags": ["초안태그", "비밀"],
        "series": [series],
        "hidden_series": [empty_series],
    }


def normalise(url):
    """Korean slugs are percent-encoded in the sitemap."""
    return unquote(url)


def expected_urls(paper, root="http://localhost"):
    urls = {
        *(page.get_full_url() for page in paper["public_pages"]),
        *(root + reporter.get_absolute_url() for reporter in paper["reporters"]),
        *(f"{root}/tags/{tag}/" for tag in paper["tags"]),
        *(root + series.get_absolute_url() for series in paper["series"]),
    }
    return {normalise(url) for url in urls}


# /sitemap.xml


def test_sitemap_lists_exactly_the_live_public_pages_and_listings(client, paper):
    urlset = get_xml(client, "/sitemap.xml")

    listed = [normalise(url) for url in locations(urlset)]
    assert len(listed) == len(set(listed)), "a URL is listed twice"
    assert set(listed) == expected_urls(paper)
    for page in paper["hidden_pages"]:
        assert page.get_full_url() not in listed
    assert not any(tag in url for url in listed for tag in paper["hidden_tags"])
    assert not any(
        f"/reporters/{reporter.pk}/" in url
        for url in listed
        for reporter in paper["hidden_reporters"]
    )
    assert not any("/series/빈-연재/" in url for url in listed)


def test_every_sitemap_url_has_its_last_change(client, paper):
    urlset = get_xml(client, "/sitemap.xml")

    by_url = {
        normalise(url.findtext("sm:loc", namespaces=NS)): url.findtext("sm:lastmod", namespaces=NS)
        for url in urlset.findall("sm:url", NS)
    }
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", lastmod or "") for lastmod in by_url.values())
    article = paper["public_pages"][-3]
    ArticlePage.objects.filter(pk=article.pk).update(
        last_published_at=datetime.datetime(2021, 12, 31, 23, 30, tzinfo=datetime.UTC)
    )
    urlset = get_xml(client, "/sitemap.xml")
    lastmods = {
        normalise(url.findtext("sm:loc", namespaces=NS)): url.findtext("sm:lastmod", namespaces=NS)
        for url in urlset.findall("sm:url", NS)
    }
    assert lastmods[article.get_full_url()] == "2022-01-01", "dates are the KST day"
    # The reporter's page changes with the reporter's latest article.
    assert lastmods[f"http://localhost/reporters/{paper['reporters'][0].pk}/"] == "2022-01-01"


def test_sitemap_becomes_an_index_once_the_urls_exceed_one_sitemap(client, paper, settings):
    whole = {normalise(url) for url in locations(get_xml(client, "/sitemap.xml"))}
    settings.SITEMAP_PAGE_SIZE = 3

    index = get_xml(client, "/sitemap.xml")

    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    entries = index.findall("sm:sitemap", NS)
    pages = [entry.findtext("sm:loc", namespaces=NS) for entry in entries]
    assert all(url.startswith("http://localhost/sitemap-") for url in pages)
    assert "http://localhost/sitemap-pages.xml?p=2" in pages
    assert all(entry.findtext("sm:lastmod", namespaces=NS) for entry in entries)
    listed = []
    for url in pages:
        part = locations(get_xml(client, local(url)))
        assert 1 <= len(part) <= 3
        listed += [normalise(loc) for loc in part]
    assert len(listed) == len(set(listed))
    assert set(listed) == whole == expected_urls(paper)


def test_index_pages_carry_the_last_change_of_their_own_urls(client, paper, settings):
    settings.SITEMAP_PAGE_SIZE = 3
    old = datetime.datetime(2020, 1, 1, tzinfo=KST)
    ArticlePage.objects.update(last_published_at=old)
    SectionPage.objects.update(last_published_at=old)
    StandardPage.objects.update(last_published_at=old)
    paper["public_pages"][0].__class__.objects.update(last_published_at=old)  # the front page

    index = get_xml(client, "/sitemap.xml")

    lastmods = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in index.findall("sm:sitemap", NS)
    }
    page_entries = [url for url in lastmods if "sitemap-pages" in url]
    assert all(lastmods[url].startswith("2020-01-01") for url in page_entries)


def test_bad_sitemap_pages_are_not_found(client, paper, settings):
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
    settings.SITEMAP_PAGE_SIZE = 3
    assert client.get("/sitemap.xml?p=2").status_code == 404


def test_sitemap_page_size_is_googles_limit_by_default():
    assert news.sitemaps.sitemap_page_size() == 50_000


# /news-sitemap.xml


@pytest.fixture
def news_paper(sections, reporter, masthead):
    now = timezone.now()
    recent = add_article(sections["daejeon"], title="한 시간 전 <속보> & 소식")
    yesterday = add_article(sections["politics"], title="47시간 전 기사")
    old = add_article(sections["daejeon"], title="49시간 전 기사")
    draft = add_article(sections["daejeon"], title="초안")
    draft.unpublish()
    for article, hours in ((recent, 1), (yesterday, 47), (old, 49), (draft, 2)):
        moment = now - datetime.timedelta(hours=hours)
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=moment, last_published_at=moment
        )
    alias = recent.create_alias(parent=sections["politics"])
    return {"listed": [recent, yesterday], "hidden": [old, draft, alias]}


def test_news_sitemap_lists_the_last_48_hours_newest_first(client, news_paper, masthead):
    masthead.title = "충청신문 세종"
    masthead.save()

    urlset = get_xml(client, "/news-sitemap.xml")

    urls = urlset.findall("sm:url", NS)
    assert [url.findtext("sm:loc", namespaces=NS) for url in urls] == [
        article.get_full_url() for article in news_paper["listed"]
    ]
    first = urls[0].find("news:news", NS)
    assert first.findtext("news:publication/news:name", namespaces=NS) == "충청신문 세종"
    assert first.findtext("news:publication/news:language", namespaces=NS) == "ko"
    assert first.findtext("news:title", namespaces=NS) == "한 시간 전 <속보> & 소식"
    published = first.findtext("news:publication_date", namespaces=NS)
    assert W3C_KST.match(published)
    article = ArticlePage.objects.get(pk=news_paper["listed"][0].pk)
    assert datetime.datetime.fromisoformat(published) == article.first_published_at.replace(
        microsecond=0
    )


def test_news_sitemap_leaves_out_private_articles(client, home, news_paper):
    PageViewRestriction.objects.create(
        page=news_paper["listed"][1].get_parent(), restriction_type="login"
    )

    urls = locations(get_xml(client, "/news-sitemap.xml"))

    assert urls == [news_paper["listed"][0].get_full_url()]


def test_news_sitemap_holds_at_most_1000_articles_the_newest(client, news_paper, monkeypatch):
    assert news.sitemaps.NEWS_SITEMAP_MAX_URLS == 1_000
    monkeypatch.setattr(news.sitemaps, "NEWS_SITEMAP_MAX_URLS", 1)

    urls = locations(get_xml(client, "/news-sitemap.xml"))

    assert urls == [news_paper["listed"][0].get_full_url()]


def test_news_sitemap_stays_valid_xml_with_control_characters_in_a_title(client, sections):
    add_article(sections["daejeon"], title="세로\x0b탭이 섞인 제목")

    urlset = get_xml(client, "/news-sitemap.xml")

    titles = [title.text for title in urlset.iter(f"{{{NS['news']}}}title")]
    assert titles == ["세로탭이 섞인 제목"]


def test_news_sitemap_is_valid_and_empty_without_recent_news(client, site):
    urlset = get_xml(client, "/news-sitemap.xml")

    assert locations(urlset) == []


# /robots.txt


def test_robots_txt_points_at_both_sitemaps_and_keeps_admin_and_search_out(client, site):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/search/", "/accounts/", "/comments/", "/readership/", "/ads/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/news-sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines), "content stays crawlable"


# Query budgets

# The site, then per section one page of URLs (and for /sitemap.xml each section's
# summary, which also tells the paginator its count); the news sitemap adds the masthead.
SITEMAP_BUDGETS = {
    "/sitemap.xml": 9,
    "/sitemap-pages.xml": 3,
    "/sitemap-tags.xml": 3,
    "/news-sitemap.xml": 3,
}
INDEX_BUDGET = 5


def build_newsroom(home, scale, prefix):
    """`scale` × (3 sections, 12 articles, 3 reporters, series and tags), all published now."""
    now = timezone.now()
    reporters = [
        Reporter.objects.create(name=f"기자{prefix}{n}", email=f"s{prefix}{n}@dailycc.net")
        for n in range(3 * scale)
    ]
    series = [Series.objects.create(name=f"연재{prefix}{n}") for n in range(scale)]
    sections = [
        home.add_child(
            instance=SectionPage(
                title=f"섹션{prefix}{n}", slug=f"s{prefix}{n}", last_published_at=now
            )
        )
        for n in range(3 * scale)
    ]
    for n in range(12 * scale):
        article = ArticlePage(
            title=f"기사 {prefix}{n}",
            body=[],
            first_published_at=now - datetime.timedelta(minutes=n),
            last_published_at=now - datetime.timedelta(minutes=n),
            series=series[n % len(series)],
        )
        article.tags.set([f"태그{prefix}{n % 5}"])
        article.article_reporters = [ArticleReporter(reporter=reporters[n % len(reporters)])]
        sections[n % len(sections)].add_child(instance=article)


def count_queries(client, django_assert_max_num_queries):
    counts = {}
    for url, budget in SITEMAP_BUDGETS.items():
        client.get(url)  # warm per-process caches (site root paths, content types)
        with django_assert_max_num_queries(budget) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_sitemaps_take_fixed_queries_at_any_size(
    client, home, masthead, settings, django_assert_max_num_queries
):
    build_newsroom(home, 1, "a")
    small = count_queries(client, django_assert_max_num_queries)
    build_newsroom(home, 10, "b")
    large = count_queries(client, django_assert_max_num_queries)

    assert small == large, "a sitemap's query count grew with the paper"

    settings.SITEMAP_PAGE_SIZE = 20  # now an index of many pages, each as cheap
    with django_assert_max_num_queries(INDEX_BUDGET):
        index = get_xml(client, "/sitemap.xml")
    pages = [entry.findtext("sm:loc", namespaces=NS) for entry in index.findall("sm:sitemap", NS)]
    assert len(pages) > 8
    for url in pages:
        with django_assert_max_num_queries(SITEMAP_BUDGETS["/sitemap-pages.xml"]):
            assert len(locations(get_xml(client, local(url)))) <= 20
