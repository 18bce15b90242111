"""manage.py load_demo: an idempotent demo 충청신문 (masthead, sections, pages, articles).

With the articles come the front page's demo state: a curated top story and headlines,
graded articles, one breaking story that is live for the next days, columnists'
photos and a week of view counts, so every block of the front page has something.
"""

import datetime
import hashlib
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Site
from wagtail.rich_text import RichText

from contact.demo import create_demo_forms
from home.models import HomePage, HomePageHeadline, Masthead, StandardPage
from news.demo_content import add_demo_extras, set_demo_legacy_codes
from news.models import ArticleGrade, ArticlePage, NewsImage, Reporter, SectionPage
from readership.counting import kst_today
from readership.models import ArticleDailyViews

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"

SECTIONS = [
    ("politics", "정치", "국회와 지방의회, 선거와 행정 소식", []),
    ("economy", "경제", "지역 산업과 일자리, 부동산과 금융", []),
    ("society", "사회", "사건·사고와 교육, 복지, 환경", []),
    (
        "region",
        "지역",
        "대전·세종·충남·충북 시군 소식",
        [("daejeon", "대전"), ("sejong", "세종"), ("chungnam", "충남"), ("chungbuk", "충북")],
    ),
    ("culture", "문화", "공연과 전시, 축제, 사람들", []),
    ("sports", "스포츠", "대전하나시티즌과 한화이글스, 생활체육", []),
    ("opinion", "오피니언", "사설과 칼럼", [("editorial", "사설"), ("column", "칼럼")]),
]

MASTHEAD = {
    "title": "충청신문",
    "company_name": "충청신문",
    "address": "대전광역시 중구 동서대로 1337(용두동, 서현빌딩 7층)",
    "phone": "042) 252-0100",
    "fax": "042) 533-7473",
    "youth_protection_officer": "황천규",
    "registration_number": "대전 가 00006",
    "registration_date": datetime.date(2005, 8, 23),
    "publisher": "이경주",
    "president": "김충헌",
    "open_reporting_principle": (
        "「열린보도원칙」충청신문은 독자와 취재원 등 뉴스이용자의 권리 보장을 위해 반론이나 "
        "정정보도, 추후보도를 요청할 수 있는 창구를 열어두고 있음을 알려드립니다."
    ),
    "complaints_officer_name": "노경래",
    "complaints_officer_phone": "042-255-2580",
    "complaints_officer_email": "nogol69@dailycc.net",
    "copyright_line": "Copyright © 2024 충청신문. All rights reserved.",
    "contact_email": "dailycc@dailycc.net",
    "article_copyright_notice": "저작권자 © 충청신문 무단전재 및 재배포 금지",
}

STANDARD_PAGES = [
    (
        "about",
        "회사소개",
        [
            "충청신문은 대전·세종·충남·충북 지역민의 목소리를 전하는 지역 일간지입니다.",
            "지역의 행정과 경제, 교육과 문화를 가까이에서 취재해 독자가 사는 곳의 내일을 함께 "
            "고민합니다.",
        ],
    ),
    (
        "youth-protection",
        "청소년보호정책",
        [
            "충청신문은 청소년이 유해한 정보에 노출되지 않도록 청소년보호책임자를 지정하고 "
            "관련 법령에 따른 보호 조치를 시행합니다.",
            "유해 정보를 발견하신 분은 청소년보호책임자에게 알려 주시면 바로 확인해 조치하겠습니다.",
        ],
    ),
    (
        "privacy",
        "개인정보처리방침",
        [
            "충청신문은 회원 가입과 댓글 서비스에 필요한 최소한의 개인정보만 수집하며, 목적이 "
            "끝나면 지체 없이 파기합니다.",
            "이용자는 언제든 자신의 개인정보를 열람하고 정정하거나 삭제를 요청할 수 있습니다.",
        ],
    ),
    (
        "no-email-collection",
        "이메일무단수집거부",
        [
            "이 누리집에 게시된 전자우편 주소를 전자우편 수집 프로그램이나 그 밖의 기술적 장치를 "
            "이용해 무단으로 수집하는 것을 거부합니다.",
            "이를 어기면 정보통신망법에 따라 처벌받을 수 있습니다.",
        ],
    ),
    (
        "open-reporting",
        "열린보도원칙",
        [
            "충청신문은 보도로 피해를 입은 분이 반론보도, 정정보도, 추후보도를 요청할 수 있도록 "
            "고충처리인을 두고 있습니다.",
            "요청은 고충처리인에게 전화나 이메일로 접수하시면 신속하게 검토해 답변드립니다.",
        ],
    ),
]

DEMO_REPORTER_DETAILS = {
    # email: (desk, title); the reporters themselves come from the article file
    "kwon@dailycc.net": ("행정팀", "기자"),
    "lsh@dailycc.net": ("사회부", "기자"),
    "kdh@dailycc.net": ("경제부", "기자"),
    "psy@dailycc.net": ("세종취재본부", "기자"),
    "jmh@dailycc.net": ("충남취재본부", "기자"),
    "hjw@dailycc.net": ("충북취재본부", "기자"),
    "osy@dailycc.net": ("논설위원실", "논설위원"),
    "ljw@dailycc.net": ("편집국", "부국장"),
}

# The front page as a desk would set it up (article numbers from articles.jsonl).
DEMO_TOP_STORY = 300101
DEMO_HEADLINES = [  # (article number, front-page title or "")
    (300109, ""),
    (300113, '충북 "광역철도, 청주 도심 통과해야"'),
    (300104, ""),
    (300111, ""),
]
DEMO_GRADES = {
    300101: ArticleGrade.HEADLINE,
    300113: ArticleGrade.IMPORTANT,
    300109: ArticleGrade.IMPORTANT,
}
DEMO_BREAKING = 300105  # breaking for DEMO_BREAKING_DAYS after each load_demo that finds it expired
DEMO_BREAKING_DAYS = 3
DEMO_COLUMNISTS = ["osy@dailycc.net", "ljw@dailycc.net"]  # get a portrait for 오피니언

DEMO_EDITOR_USERNAME = "editor"
DEMO_EDITOR_PASSWORD = "chungcheong-demo"
# One account per newsroom role, to try the approval workflow (username, name, groups, byline).
DEMO_ROLE_ACCOUNTS = [
    ("reporter", "권예진", ["지역 기자"], "kwon@dailycc.net"),
    ("desk", "지역 데스크", ["지역 데스크"], None),
    ("chief", "편집국장", ["편집국장"], None),
]


class Command(BaseCommand):
    help = "데모 충청신문(매체정보, 섹션, 안내 페이지, 기사)을 만듭니다. 여러 번 실행해도 같습니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-articles",
            action="store_true",
            help="매체정보, 섹션, 안내 페이지만 만듭니다 (빈 신문에 기사를 가져올 때)",
        )

    def handle(self, *args, without_articles=False, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None or not isinstance(site.root_page.specific, HomePage):
            raise CommandError(
                "기본 사이트의 첫 화면이 없습니다. 먼저 manage.py migrate를 실행하세요."
            )
        home = site.root_page.specific
        with transaction.atomic():
            self.masthead(site)
            self.sections(home)
            self.standard_pages(home)
            create_demo_forms(home)
            set_demo_legacy_codes()
        if not without_articles:
            call_command("import_articles", str(DEMO_DIR / "articles.jsonl"), stdout=self.stdout)
            self.reporter_details()
            add_demo_extras()
            with transaction.atomic():
                self.front_page(home)
        self.stdout.write(self.style.SUCCESS("데모 충청신문을 준비했습니다."))
        if settings.EMBEDDED_DATABASE:
            self.editor_account()
            self.role_accounts()

    def masthead(self, site):
        Masthead.objects.update_or_create(site=site, defaults=MASTHEAD)
        # Canonical and share links use the site's address: make it the one we serve on.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.site_name = MASTHEAD["title"]
        site.save()

    def sections(self, home):
        for slug, title, description, children in SECTIONS:
            section = self.section(home, slug, title, description)
            for child_slug, child_title in children:
                self.section(section, child_slug, child_title, f"{child_title} 지역 소식")

    def section(self, parent, slug, title, description):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        section = SectionPage(title=title, slug=slug, description=description)
        parent.add_child(instance=section)
        section.save_revision().publish()
        return section

    def standard_pages(self, home):
        for slug, title, paragraphs in STANDARD_PAGES:
            if home.get_children().filter(slug=slug).exists():
                continue
            body = [("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))]
            page = StandardPage(title=title, slug=slug, body=body)
            home.add_child(instance=page)
            page.save_revision().publish()

    def reporter_details(self):
        for email, (desk, title) in DEMO_REPORTER_DETAILS.items():
            Reporter.objects.filter(email=email).update(desk=desk, title=title)

    def front_page(self, home):
        articles = ArticlePage.objects.filter(
            article_number__in=[DEMO_TOP_STORY, DEMO_BREAKING, *DEMO_GRADES]
            + [number for number, _title in DEMO_HEADLINES]
        ).in_bulk(field_name="article_number")
        for number, grade in DEMO_GRADES.items():
            if number in articles:
                set_quietly(articles[number], grade=grade)
        breaking = articles.get(DEMO_BREAKING)
        now = timezone.now()
        if breaking and (breaking.breaking_until is None or breaking.breaking_until <= now):
            set_quietly(breaking, breaking_until=now + datetime.timedelta(days=DEMO_BREAKING_DAYS))
        self.curate(home, articles)
        self.columnist_photos()
        self.view_counts()

    def curate(self, home, articles):
        """Only a front page nobody has curated yet: an editor's choice is never overwritten."""
        home = HomePage.objects.get(pk=home.pk)
        if home.top_story_id or home.headlines.exists() or DEMO_TOP_STORY not in articles:
            return
        home.top_story = articles[DEMO_TOP_STORY]
        home.headlines = [
            HomePageHeadline(article=articles[number], title=title)
            for number, title in DEMO_HEADLINES
            if number in articles
        ]
        home.save_revision().publish()

    def columnist_photos(self):
        for reporter in Reporter.objects.filter(email__in=DEMO_COLUMNISTS, photo__isnull=True):
            reporter.photo = portrait(reporter.name)
            reporter.save(update_fields=["photo"])

    def view_counts(self):
        """A week of reads, the same for a given day, so 많이 본 뉴스 is not empty."""
        today = kst_today()
        rows = []
        for article in ArticlePage.objects.exclude(article_number=None).only(
            "pk", "article_number"
        ):
            seed = int(hashlib.sha256(str(article.article_number).encode()).hexdigest()[:8], 16)
            for age in range(8):
                views = (seed >> age) % 400 + 20 * (8 - age)
                rows.append(
                    ArticleDailyViews(
                        article=article, day=today - datetime.timedelta(days=age), views=views
                    )
                )
        ArticleDailyViews.objects.bulk_create(rows, ignore_conflicts=True)

    def editor_account(self):
        User = get_user_model()
        user, _created = User.objects.get_or_create(
            username=DEMO_EDITOR_USERNAME,
            defaults={"email": "editor@dailycc.net", "first_name": "편집국", "last_name": ""},
        )
        # Always the printed password, even if someone changed it since.
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(DEMO_EDITOR_PASSWORD)
        user.save()
        self.stdout.write(
            f"관리자 화면: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
            f"아이디: {DEMO_EDITOR_USERNAME}  비밀번호: {DEMO_EDITOR_PASSWORD}"
        )

    def role_accounts(self):
        User = get_user_model()
        for username, name, group_names, byline_email in DEMO_ROLE_ACCOUNTS:
            user, _created = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@dailycc.net", "first_name": name, "last_name": ""},
            )
            user.set_password(DEMO_EDITOR_PASSWORD)
            user.save()
            user.groups.add(*Group.objects.filter(name__in=group_names))
            if byline_email:
                Reporter.objects.filter(email=byline_email, user__isnull=True).update(user=user)
        self.stdout.write(
            "역할별 데모 계정 (비밀번호 같음): "
            "reporter (지역 기자), desk (지역 데스크), chief (편집국장)"
        )


def set_quietly(article, **fields):
    """Change front-page fields of a published demo article without publishing it again.

    A new publication would move its 수정 time to today; the live row and the latest
    revision (what the editor opens) get the values instead.
    """
    changed = {name: value for name, value in fields.items() if getattr(article, name) != value}
    if not changed:
        return
    ArticlePage.objects.filter(pk=article.pk).update(**changed)
    revision = article.latest_revision
    if revision is not None:
        revision.content.update(json.loads(json.dumps(changed, cls=DjangoJSONEncoder)))
        revision.save(update_fields=["content"])


def portrait(name):
    """A plain, deterministic head-and-shoulders silhouette for a demo columnist."""
    seed = hashlib.sha256(name.encode()).digest()
    background = (180 + seed[0] % 50, 190 + seed[1] % 40, 200 + seed[2] % 40)
    figure = (60 + seed[3] % 40, 70 + seed[4] % 40, 90 + seed[5] % 40)
    picture = PILImage.new("RGB", (400, 400), background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([130, 70, 270, 230], fill=figure)
    draw.ellipse([60, 250, 340, 520], fill=figure)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    image = NewsImage(title=f"{name} 사진", default_caption=f"{name}", default_credit="충청신문")
    image.file = ImageFile(buffer, name=f"reporter-{seed.hex()[:12]}.jpg")
    image.save()
    return image
