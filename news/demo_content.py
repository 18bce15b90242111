"""Demo series, related picks, a correction and the old CMS's codes on top of the demo articles.

Called by `manage.py load_demo` after the articles are imported; idempotent. The
articles are found by their demo ids (`legacy_idxno`), so it does nothing for an
article the demo does not have.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from wagtail.models import Site

from .models import (
    REPORTER_ID_PATTERN,
    ArticleCorrection,
    ArticlePage,
    ArticleRelatedLink,
    CorrectionKind,
    Reporter,
    SectionPage,
    Series,
)

KST = ZoneInfo("Asia/Seoul")

# slug: (name, description, demo ids in the series, demo id whose first byline is the columnist,
# the old CMS's series code)
SERIES = {
    "daejeon-industry": (
        "대전 산업 지도가 바뀐다",
        "노후 산단 재생부터 대덕특구 창업까지, 대전 산업의 다음 10년을 짚는 기획 연재.",
        ["300101", "300104"],
        None,
        "SRN1",
    ),
    "chungcheong-column": (
        "충청칼럼",
        "충청의 골목과 사람을 걸으며 쓰는 논설위원 칼럼.",
        ["300119"],
        "300119",
        "SRN2",
    ),
    "desk-column": (
        "데스크 칼럼",
        "편집국 데스크가 지역 현안을 짚는 칼럼.",
        ["300120"],
        "300120",
        "SRN3",
    ),
}

# demo id: demo ids picked as 관련 기사, in order
RELATED_PICKS = {
    "300101": ["300117", "300104"],
    "300117": ["300101"],
    "300104": ["300101"],
}

# demo id: (when, kind, text)
CORRECTIONS = {
    "300103": [
        (
            datetime.datetime(2022, 3, 15, 9, 30, tzinfo=KST),
            CorrectionKind.CORRECTION,
            "본지 3월 14일자 이 기사에서 대전 지역 휘발유 평균 판매가격을 ℓ당 1,990원으로 "
            "바로잡습니다. 기사 본문의 일부 수치는 한국석유공사 오피넷 집계 기준입니다.",
        ),
    ],
}


def add_demo_extras():
    """Create the demo series, related picks and correction; returns the articles changed."""
    ids = set(RELATED_PICKS) | set(CORRECTIONS)
    for *_, members, columnist_from, _code in SERIES.values():
        ids.update(members)
        if columnist_from:
            ids.add(columnist_from)
    for picks in RELATED_PICKS.values():
        ids.update(picks)
    articles = {
        article.legacy_idxno: article
        for article in ArticlePage.objects.filter(legacy_idxno__in=ids).specific()
    }

    series_of = {}
    for slug, (name, description, members, columnist_from, legacy_code) in SERIES.items():
        members = [articles[pk] for pk in members if pk in articles]
        if not members:
            continue
        columnist = None
        if columnist_from in articles and articles[columnist_from].reporters:
            columnist = articles[columnist_from].reporters[0]
        series, _created = Series.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "columnist": columnist,
                "image": members[0].listing_image,
            },
        )
        if not series.legacy_code and not Series.objects.filter(legacy_code=legacy_code).exists():
            series.legacy_code = legacy_code
            series.save(update_fields=["legacy_code"])
        for article in members:
            series_of[article.pk] = series

    set_demo_legacy_codes()

    changed = []
    for article in articles.values():
        series = series_of.get(article.pk)
        picks = [
            articles[pk] for pk in RELATED_PICKS.get(article.legacy_idxno, []) if pk in articles
        ]
        corrections = CORRECTIONS.get(article.legacy_idxno, [])
        if _matches(article, series, picks, corrections):
            continue
        if series is not None:
            article.series = series
        article.related_links = [ArticleRelatedLink(article=pick) for pick in picks]
        article.corrections = [
            ArticleCorrection(corrected_at=when, kind=kind, text=text)
            for when, kind, text in corrections
        ]
        _publish_keeping_dates(article)
        changed.append(article)
    return changed


def _matches(article, series, picks, corrections):
    return (
        (series is None or article.series_id == series.pk)
        and [link.article_id for link in article.related_links.all()] == [p.pk for p in picks]
        and [(c.corrected_at, c.kind, c.text) for c in article.corrections.all()]
        == [(when, str(kind), text) for when, kind, text in corrections]
    )


def _publish_keeping_dates(article):
    """Publish through a revision (so the admin editor shows it) without a new 수정 time."""
    first, last = article.first_published_at, article.last_published_at
    article.save_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=first, last_published_at=last
    )


def set_demo_legacy_codes():
    """Codes of the old CMS (ND소프트) on the demo's sections and reporters, where still empty.

    The real paper's codes are not known here; ND소프트 numbers first-level sections
    S1N1, S1N2 … and second-level ones S2N1, S2N2 … across the site, so the demo
    numbers them in menu order: 정치 S1N1 … 오피니언 S1N7, 대전 S2N1 … 칼럼 S2N6.
    A reporter's old id is the part of their email before the @. Returns what was set.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    sections = SectionPage.objects.child_of(site.root_page).order_by("path")
    subsections = SectionPage.objects.descendant_of(site.root_page).filter(
        depth=site.root_page.depth + 2
    )
    wanted = [(section, f"S1N{number}") for number, section in enumerate(sections, 1)]
    wanted += [
        (section, f"S2N{number}") for number, section in enumerate(subsections.order_by("path"), 1)
    ]
    taken = set(SectionPage.objects.exclude(legacy_code="").values_list("legacy_code", flat=True))
    changed = []
    for section, code in wanted:
        if section.legacy_code or code in taken:
            continue
        SectionPage.objects.filter(pk=section.pk).update(legacy_code=code)
        revision = section.latest_revision
        if revision is not None:  # so the editor opens the page with its code
            revision.content["legacy_code"] = code
            revision.save(update_fields=["content"])
        taken.add(code)
        changed.append(section)

    taken = set(Reporter.objects.exclude(legacy_id="").values_list("legacy_id", flat=True))
    for reporter in Reporter.objects.filter(legacy_id="").exclude(email="").order_by("pk"):
        legacy_id = reporter.email.split("@")[0]
        if legacy_id in taken or not re.fullmatch(REPORTER_ID_PATTERN, legacy_id):
            continue
        reporter.legacy_id = legacy_id
        reporter.save(update_fields=["legacy_id"])
        taken.add(legacy_id)
        changed.append(reporter)
    return changed
