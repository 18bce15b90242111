"""Every page type renders in a fixed number of queries, however big the paper grows.

The demo has 11 sections, 20 articles and 8 reporters; the budgets must hold
unchanged at ten times that.
"""

import itertools

from django.core.cache import caches
from newsroom import make_image
from wagtail.rich_text import RichText

from home.models import StandardPage
from news.models import ArticlePage, ArticleReporter, Reporter, SectionPage

# Each level of URL costs Wagtail's router a lookup, hence the subsection's two more;
# the article counts its photo's rendition (the renditions cache is emptied first).
BUDGETS = {
    "front": 23,
    "section": 21,
    "article": 29,
    "article in subsection": 32,
    "standard": 12,
}
DEMO_SCALE = {"top_sections": 7, "subsections": 4, "articles": 20, "reporters": 8}
FULL_SECTION_ARTICLES = 21  # more than one listing page


def build_paper(home, scale, prefix=""):
    """A paper `scale` times the demo's size, built directly (no revisions) to stay fast.

    Every article has its own photo, so no listing is served by a rendition made for
    another; the first section always holds more than a page (20) of articles.
    """
    reporters = [
        Reporter.objects.create(name=f"기자{prefix}{n}", email=f"r{prefix}{n}@dailycc.net")
        for n in range(DEMO_SCALE["reporters"] * scale)
    ]
    sections = []
    for n in range(DEMO_SCALE["top_sections"] * scale):
        section = home.add_child(
            instance=SectionPage(title=f"섹션{prefix}{n}", slug=f"s{prefix}{n}")
        )
        sections.append(section)
        if n % DEMO_SCALE["top_sections"] < 2:  # two in seven have subsections, as 지역, 오피니언
            for m in range(2):
                sections.append(
                    section.add_child(instance=SectionPage(title=f"하위{n}-{m}", slug=f"sub{m}"))
                )
    reporter_cycle = itertools.cycle(reporters)
    homes = itertools.chain([sections[0]] * FULL_SECTION_ARTICLES, itertools.cycle(sections))
    for n in range(FULL_SECTION_ARTICLES + DEMO_SCALE["articles"] * scale):
        photo = make_image(f"사진{prefix}{n}", caption=f"설명{n}", color=(n % 255, 80, 160))
        body = [
            ("paragraph", RichText(f"<p>{n}번 기사 첫 문단.</p>")),
            ("image", {"image": photo, "caption": "", "credit": ""}),
            ("paragraph", RichText("<p>둘째 문단.</p>")),
        ]
        article = ArticlePage(title=f"기사 {n}", lead="요약", dateline="대전", body=body)
        article.tags.set(["태그1", "태그2"])
        article.article_reporters = [
            ArticleReporter(reporter=next(reporter_cycle), sort_order=0),
            ArticleReporter(reporter=next(reporter_cycle), sort_order=1),
        ]
        next(homes).add_child(instance=article)
    return sections


def measure(client, assert_max_queries, sections, standard_page):
    """Each page's query count, failing as soon as one is over its budget."""
    top_level, subsection = sections[0], sections[1]
    urls = {
        "front": "/",
        "section": top_level.url,
        "article": ArticlePage.objects.child_of(top_level).last().url,
        "article in subsection": ArticlePage.objects.child_of(subsection).last().url,
        "standard": standard_page.url,
    }
    counts = {}
    for page, url in urls.items():
        client.get(url)  # warm per-process caches (site root paths, content types)
        caches["renditions"].clear()  # but count the photo renditions every time
        with assert_max_queries(BUDGETS[page]) as queries:
            assert client.get(url).status_code == 200
        counts[page] = len(queries)
    return counts


def test_budgets_hold_at_demo_size_and_at_ten_times(
    client, home, masthead, django_assert_max_num_queries
):
    standard_page = home.add_child(instance=StandardPage(title="회사소개", slug="about", body=[]))

    demo_size = measure(client, django_assert_max_num_queries, build_paper(home, 1), standard_page)
    ten_times = measure(  # 1 + 9 = ten times the demo
        client, django_assert_max_num_queries, build_paper(home, 9, prefix="x"), standard_page
    )

    assert demo_size == ten_times, "a page's query count grew with the paper"
