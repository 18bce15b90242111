"""Shared fixtures: a small newspaper built the way editors build it (pages under sections)."""

import datetime
import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from newsroom import KST, add_article, add_section, make_image
from wagtail.models import Site
from wagtail.rich_text import RichText

from home.models import Masthead
from news.models import ARTICLE_NUMBER_SEQUENCE, Reporter


@pytest.fixture(scope="session", autouse=True)
def test_media_root():
    """Uploaded test photos go to a per-run folder, removed when the run ends."""
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a rollback does not undo what a cache kept
    (Wagtail's site root paths, rate-limit counters…)."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def fresh_article_numbers(request):
    """Sequences ignore rollbacks: start every test's article numbers where a new site does."""
    if "db" in request.fixturenames:
        request.getfixturevalue("db")
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER SEQUENCE {ARTICLE_NUMBER_SEQUENCE} RESTART")


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def masthead(site):
    return Masthead.objects.create(
        site=site,
        title="충청신문",
        company_name="충청신문",
        address="대전광역시 중구 동서대로 1337(용두동, 서현빌딩 7층)",
        phone="042) 252-0100",
        fax="042) 533-7473",
        youth_protection_officer="황천규",
        registration_number="대전 가 00006",
        registration_date=datetime.date(2005, 8, 23),
        publisher="이경주",
        president="김충헌",
        open_reporting_principle="「열린보도원칙」 반론·정정·추후보도 창구를 열어둡니다.",
        complaints_officer_name="노경래",
        complaints_officer_phone="042-255-2580",
        complaints_officer_email="nogol69@dailycc.net",
        copyright_line="Copyright © 2024 충청신문. All rights reserved.",
        contact_email="dailycc@dailycc.net",
    )


@pytest.fixture
def sections(home):
    region = add_section(home, "지역", "region")
    return {
        "region": region,
        "daejeon": add_section(region, "대전", "daejeon"),
        "politics": add_section(home, "정치", "politics"),
    }


@pytest.fixture
def reporter(db):
    return Reporter.objects.create(name="권예진", email="kwon@dailycc.net", desk="사회부")


@pytest.fixture
def seed_article(sections, reporter, masthead):
    """An article shaped like the seed page."""
    photo = make_image("협약식", caption="협약식 기본 설명", credit="대전시 제공")
    return add_article(
        sections["daejeon"],
        title="대전시, 산업단지 재생 위해 20개 기관과 손잡아",
        subtitle="지역 일자리 거점으로\n3년간 집중 지원",
        lead="대전시가 노후 산단 재생을 위해 20개 기관과 협약을 맺었다.",
        dateline="대전",
        reporters=[reporter],
        published_at=datetime.datetime(2022, 4, 7, 16, 33, tzinfo=KST),
        tags=["대전산단"],
        body=[
            ("paragraph", RichText("<p>대전시가 7일 시청에서 협약식을 열었다.</p>")),
            (
                "image",
                {"image": photo, "caption": "참석자들이 협약서를 들어 보이고 있다.", "credit": ""},
            ),
            ("subheading", "세부 과제"),
            ("quote", {"text": "산단을 일자리 거점으로 만들겠다", "attribution": "대전시장"}),
            ("paragraph", RichText("<p>▲첫째 과제 ▲둘째 과제를 추진한다.</p>")),
        ],
    )


@pytest.fixture
def now():
    return timezone.now()
