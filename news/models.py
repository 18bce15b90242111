"""The newsroom's content: sections, articles, reporters and news photos."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import connection, models
from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import RowNumber, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import DateTimeField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from . import api
from .blocks import ArticleBodyBlock
from .forms import ArticlePageForm
from .previews import ArticlePreviewMixin

ARTICLE_NUMBER_SEQUENCE = "news_article_number_seq"

# The old CMS's (ND소프트) codes, kept so its addresses lead to the new pages (news/legacy.py).
SECTION_CODE_PATTERN = r"S[12]N[0-9]{1,5}"
SERIES_CODE_PATTERN = r"SRN[0-9]{1,6}"
REPORTER_ID_PATTERN = r"[A-Za-z0-9_.@-]{1,50}"
validate_section_code = RegexValidator(
    rf"\A{SECTION_CODE_PATTERN}\Z",
    "S1N1(1차 섹션), S2N3(2차 섹션)처럼 대문자 S, 1 또는 2, N, 숫자로 적어 주세요.",
)
validate_series_code = RegexValidator(
    rf"\A{SERIES_CODE_PATTERN}\Z", "SRN5처럼 대문자 SRN 뒤에 숫자로 적어 주세요."
)
validate_reporter_id = RegexValidator(
    rf"\A{REPORTER_ID_PATTERN}\Z",
    "영문, 숫자와 _ . @ - 만 쓸 수 있습니다.",
)


class NewsImage(AbstractImage):
    """A news photo that carries its own caption and credit, typed once at upload."""

    default_caption = models.CharField(
        "기본 사진 설명",
        max_length=500,
        blank=True,
        help_text="기사에 넣을 때 따로 적지 않으면 이 설명이 ▲ 뒤에 표시됩니다.",
    )
    default_credit = models.CharField(
        "기본 출처",
        max_length=100,
        blank=True,
        help_text="예: 대전시 제공, 권예진 기자. (사진=…)으로 표시됩니다.",
    )

    admin_form_fields = (*Image.admin_form_fields, "default_caption", "default_credit")

    api_fields = [APIField("default_caption"), APIField("default_credit")]

    search_fields = [
        *AbstractImage.search_fields,
        index.SearchField("default_caption"),
        index.SearchField("default_credit"),
        # The admin's image listing and chooser search with autocomplete, which reads
        # only autocomplete fields: without these, captions and credits find nothing there.
        index.AutocompleteField("default_caption"),
        index.AutocompleteField("default_credit"),
    ]

    @property
    def watermark_key(self):
        """What the watermark looks like now: renditions made with `watermark` vary on it."""
        # Imported here: the watermark settings point back at this model.
        from photos.watermark import watermark_key

        return watermark_key()

    class Meta:
        verbose_name = "사진"
        verbose_name_plural = "사진"


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def newsroom_accounts():
    """The accounts a byline may be linked to: those that can sign in to the admin."""
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.filter(
        Q(
            groups__permissions__codename="access_admin",
            groups__permissions__content_type__app_label="wagtailadmin",
        )
        | Q(
            user_permissions__codename="access_admin",
            user_permissions__content_type__app_label="wagtailadmin",
        )
    )
    return Q(is_superuser=True) | Q(pk__in=staff.values("pk"))


class Reporter(index.Indexed, models.Model):
    """A person who signs articles: reporters, desk editors, columnists."""

    name = models.CharField("이름", max_length=50)
    title = models.CharField(
        "직함",
        max_length=30,
        default="기자",
        help_text="바이라인에 이름 뒤로 붙습니다. 예: 기자, 논설위원",
    )
    email = models.EmailField("이메일", blank=True)
    desk = models.CharField("부서", max_length=50, blank=True, help_text="예: 사회부, 경제부")
    photo = models.ForeignKey(
        NewsImage,
        verbose_name="사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField("재직 중", default=True)
    legacy_id = models.CharField(
        "이전 기자 아이디",
        max_length=50,
        blank=True,
        validators=[validate_reporter_id],
        help_text=(
            "이전 시스템(ND소프트)의 기자 아이디. 옛 기자별 기사 목록 주소"
            "(articleList.html?sc_area=I&sc_word=아이디)를 이 기자 페이지로 연결합니다."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="로그인 계정",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reporter",
        limit_choices_to=newsroom_accounts,
        help_text=(
            "이 기자가 관리자 화면에 로그인하는 계정. 연결하면 이 계정으로 새 기사를 쓸 때 "
            "이 기자의 이름이 바이라인에 미리 들어갑니다."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("email"),
        FieldPanel("desk"),
        FieldPanel("photo"),
        FieldPanel("active"),
        FieldPanel("legacy_id"),
        # Linking a byline to an account is user administration (관리자).
        FieldPanel("user", permission="auth.change_user"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("email"),
        index.FilterField("active"),
        index.FilterField("desk"),
    ]

    class Meta:
        verbose_name = "기자"
        verbose_name_plural = "기자"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["email"], condition=~Q(email=""), name="unique_reporter_email"
            ),
            models.UniqueConstraint(
                fields=["legacy_id"],
                condition=~Q(legacy_id=""),
                name="unique_reporter_legacy_id",
                violation_error_message="이미 다른 기자가 쓰는 이전 기자 아이디입니다.",
            ),
        ]

    def __str__(self):
        return self.byline

    def get_absolute_url(self):
        return reverse("news:reporter", args=[self.pk])

    @property
    def byline(self):
        return f"{self.name} {self.title}".strip()

    def listed_articles(self):
        """This reporter's live, public articles, newest first, ready for listing cards."""
        return ArticlePage.objects.listed().filter(
            pk__in=ArticleReporter.objects.filter(reporter=self).values("page_id"),
            alias_of__isnull=True,  # an alias shows the same article a second time
        )


class Series(index.Indexed, models.Model):
    """A named run of articles (연재): a column, or a report in several parts."""

    name = models.CharField("연재 이름", max_length=100, unique=True)
    slug = models.SlugField(
        "주소 이름",
        max_length=100,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="연재 페이지 주소 /series/주소이름/ 에 쓰입니다. 비워 두면 연재 이름으로 만듭니다.",
    )
    description = models.TextField(
        "소개", blank=True, help_text="연재 페이지 첫머리와 검색엔진 설명에 쓰입니다."
    )
    image = models.ForeignKey(
        NewsImage,
        verbose_name="대표 사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    columnist = models.ForeignKey(
        Reporter,
        verbose_name="필자",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series",
        help_text="칼럼이면 필자를 고르세요. 연재 페이지에 필자 사진과 이름이 나옵니다.",
    )
    active = models.BooleanField(
        "연재 중",
        default=True,
        help_text="끝난 연재는 끄세요. 기사와 연재 페이지는 그대로 남습니다.",
    )
    legacy_code = models.CharField(
        "이전 연재 코드",
        max_length=20,
        blank=True,
        validators=[validate_series_code],
        help_text=(
            "이전 시스템(ND소프트)의 연재 코드. 예: SRN5. 옛 연재 목록 주소"
            "(articleList.html?sc_serial_code=SRN5)를 이 연재 페이지로 연결합니다."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("columnist"),
        FieldPanel("active"),
        FieldPanel("legacy_code"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("active"),
    ]

    class Meta:
        verbose_name = "연재"
        verbose_name_plural = "연재"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["legacy_code"],
                condition=~Q(legacy_code=""),
                name="unique_series_legacy_code",
                violation_error_message="이미 다른 연재가 쓰는 이전 연재 코드입니다.",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:  # created in code, without the form's clean()
            base = slugify(self.name, allow_unicode=True) or "series"
            self.slug, number = base, 1
            while Series.objects.exclude(pk=self.pk).filter(slug=self.slug).exists():
                number += 1
                self.slug = f"{base}-{number}"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:series", args=[self.slug])

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
            if not self.slug:
                raise ValidationError(
                    {"slug": "연재 이름으로 주소 이름을 만들 수 없습니다. 주소 이름을 적어 주세요."}
                )

    def listed_articles(self):
        """The series' live, public articles, newest first, ready for listing cards."""
        return ArticlePage.objects.listed().filter(series=self, alias_of__isnull=True)


class SectionPage(Page):
    """A section of the paper (정치, 지역 › 대전 …); sections nest."""

    description = models.TextField(
        "섹션 설명", blank=True, help_text="섹션 첫머리와 검색엔진 설명에 쓰입니다."
    )
    legacy_code = models.CharField(
        "이전 섹션 코드",
        max_length=20,
        blank=True,
        validators=[validate_section_code],
        help_text=(
            "이전 시스템(ND소프트)의 섹션 코드. 1차 섹션은 S1N1, 2차 섹션은 S2N3처럼 적습니다. "
            "옛 섹션 목록 주소(articleList.html?sc_section_code=…)와 옛 RSS(/rss/S1N1.xml)를 "
            "이 섹션으로 연결합니다."
        ),
    )

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    show_in_menus_default = True
    # A copy is a new section: the old addresses stay with the original.
    exclude_fields_in_copy = ["legacy_code"]

    content_panels = [*Page.content_panels, FieldPanel("description")]
    settings_panels = [*Page.settings_panels, FieldPanel("legacy_code")]

    api_fields = [APIField("description")]

    class Meta:
        verbose_name = "섹션"
        verbose_name_plural = "섹션"
        constraints = [
            models.UniqueConstraint(
                fields=["legacy_code"],
                condition=~Q(legacy_code=""),
                name="unique_section_legacy_code",
                violation_error_message="이미 다른 섹션이 쓰는 이전 섹션 코드입니다.",
            )
        ]

    def articles(self):
        """This section's and its subsections' live articles, newest first."""
        return ArticlePage.objects.listed().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), settings.NEWS_SECTION_PAGE_SIZE)
        # get_page() turns any ?page= (text, negative, past the end) into a real page.
        context["articles"] = paginator.get_page(request.GET.get("page"))
        context["breadcrumbs"] = self.breadcrumbs()
        context["subsections"] = self.get_children().live().type(SectionPage)
        return context

    def breadcrumbs(self):
        """The section path from the top-level section down to this one."""
        return list(self.get_ancestors(inclusive=True).type(SectionPage).live())


class ArticleType(models.TextChoices):
    NEWS = "news", "일반"
    EDITORIAL = "editorial", "사설"
    COLUMN = "column", "칼럼"
    INTERVIEW = "interview", "인터뷰"
    PHOTO = "photo", "포토"


OPINION_TYPES = (ArticleType.EDITORIAL, ArticleType.COLUMN)


class ArticleGrade(models.IntegerChoices):
    """How prominently the front page's automatic blocks place an article."""

    NORMAL = 0, "일반"
    IMPORTANT = 1, "중요"
    HEADLINE = 2, "헤드라인"


class ArticlePageQuerySet(PageQuerySet):
    def listed(self):
        """Live, public articles as listings show them, newest first, in fixed queries."""
        return self.live().public().as_cards()

    def as_cards(self):
        """With what an article card shows (photo, byline), newest first, in fixed queries."""
        return (
            self.select_related("listing_image")
            .prefetch_related(
                "listing_image__renditions",
                Prefetch(
                    "article_reporters",
                    queryset=ArticleReporter.objects.select_related("reporter"),
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def latest_per_section(self, sections, per_section):
        """The newest `per_section` articles under each of `sections` (siblings), in one query."""
        if not sections:
            return {}
        prefix_length = len(sections[0].path)
        section_path = Substr("path", 1, prefix_length)
        ranked = (
            self.listed()
            .annotate(section_path=section_path)
            .filter(section_path__in=[section.path for section in sections])
            .annotate(
                section_rank=Window(
                    RowNumber(),
                    partition_by=[section_path],
                    order_by=[F("first_published_at").desc(), F("pk").desc()],
                ),
            )
            .filter(section_rank__lte=per_section)
        )
        by_section = {section.path: [] for section in sections}
        for article in ranked:
            by_section[article.section_path].append(article)
        return by_section


class ArticlePageManager(PageManager.from_queryset(ArticlePageQuerySet)):
    pass


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(ArticlePreviewMixin, Page):
    """One news article; its URL is its article number, never its Korean title."""

    subtitle = models.TextField(
        "부제", blank=True, help_text="부제가 여러 개면 한 줄에 하나씩 적으세요."
    )
    lead = models.TextField(
        "요약",
        blank=True,
        max_length=500,
        help_text="목록과 검색엔진 설명에 쓰이는 한두 문장.",
    )
    dateline = models.CharField(
        "발신지",
        max_length=30,
        blank=True,
        help_text="예: 대전. 본문 앞에 [충청신문=대전]으로 표시됩니다.",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name="본문")
    main_image = models.ForeignKey(
        NewsImage,
        verbose_name="대표 사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="비워 두면 본문의 첫 사진이 대표 사진이 됩니다.",
    )
    # The editor's choice or else the body's first photo, kept on save so
    # listings need no StreamField parsing.
    listing_image = models.ForeignKey(
        NewsImage, null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    article_type = models.CharField(
        "기사 유형", max_length=20, choices=ArticleType.choices, default=ArticleType.NEWS
    )
    article_number = models.PositiveBigIntegerField(
        "기사 번호", unique=True, null=True, editable=False
    )
    legacy_idxno = models.CharField(
        "이전 기사 번호",
        max_length=32,
        blank=True,
        db_index=True,
        editable=False,
        help_text="이전 시스템의 기사 번호(idxno). 옛 주소를 이 기사로 연결합니다.",
    )
    grade = models.PositiveSmallIntegerField(
        "기사 등급",
        choices=ArticleGrade.choices,
        default=ArticleGrade.NORMAL,
        help_text="첫 화면의 자동 배치 순서: 헤드라인 › 중요 › 일반. 같은 등급이면 최신순입니다.",
    )
    breaking_until = models.DateTimeField(
        "속보 종료 시각",
        null=True,
        blank=True,
        help_text="정하면 이 시각까지 모든 화면 맨 위 속보 띠에 제목이 나옵니다. 비우면 속보가 아닙니다.",
    )
    comments_open = models.BooleanField(
        "댓글 허용",
        default=True,
        help_text="끄면 독자가 이 기사에 댓글을 쓸 수 없습니다. 이미 달린 댓글은 그대로 보입니다.",
    )
    tags = ClusterTaggableManager(
        "태그", through=ArticleTag, blank=True, help_text="쉼표로 구분해 입력하세요."
    )
    series = models.ForeignKey(
        Series,
        verbose_name="연재",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="연재(칼럼, 기획 시리즈)의 한 회이면 고르세요. 기사 아래에 '이 연재의 다른 기사'가 나옵니다.",
    )
    # The latest correction's time, kept on save so 수정 needs no query for it.
    corrected_at = models.DateTimeField("최근 정정 시각", null=True, editable=False)
    # Hash of the import line (and its photos) this article last came from, so a
    # re-run of the same file skips what is unchanged.
    import_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ArticlePageManager()

    # A copy or alias is a new article: it draws its own number and has no legacy past.
    exclude_fields_in_copy = ["article_number", "legacy_idxno", "import_hash"]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    # Boosts are weight levels in search.backend: 5 → B, 2 → C (the title is always A).
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle", boost=5),
        index.SearchField("lead", boost=5),
        index.SearchField("body", boost=2),  # paragraphs, subheadings, quotes, photo captions
        index.RelatedFields("tags", [index.SearchField("name", boost=5)]),
        index.RelatedFields(
            "article_reporters",
            [index.RelatedFields("reporter", [index.SearchField("name", boost=2)])],
        ),
        index.FilterField("article_type"),
    ]

    content_panels = [
        FieldPanel("title", heading="제목"),
        FieldPanel("subtitle"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("dateline"), InlinePanel("article_reporters", label="기자", min_num=0)],
            heading="발신지와 바이라인",
        ),
        FieldPanel("body"),
    ]
    photo_panels = [FieldPanel("main_image")]
    related_panels = [
        FieldPanel("series"),
        InlinePanel(
            "related_links",
            heading="관련 기사",
            label="관련 기사",
            help_text="고른 순서대로 맨 앞에 나옵니다. 모자라는 만큼은 태그와 섹션이 같은 기사로 채웁니다.",
        ),
    ]
    correction_panels = [
        InlinePanel(
            "corrections",
            heading="정정·반론보도",
            label="정정·반론보도",
            help_text="기사 맨 위에 일시와 함께 나오고, 기사의 '수정' 시각이 가장 늦은 일시로 바뀝니다.",
        ),
    ]
    publishing_panels = [
        FieldPanel("article_type"),
        MultiFieldPanel(
            [
                FieldPanel("grade"),
                FieldPanel("breaking_until", permission="editorial.set_breaking_news"),
            ],
            heading="첫 화면 배치",
        ),
        FieldPanel("tags"),
        FieldPanel("comments_open"),
        MultiFieldPanel(
            [FieldPanel("seo_title"), FieldPanel("search_description")], heading="검색엔진"
        ),
        *Page.settings_panels,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="내용"),
            ObjectList(photo_panels, heading="사진"),
            ObjectList(related_panels, heading="관련 기사·연재"),
            ObjectList(correction_panels, heading="정정·반론보도"),
            ObjectList(publishing_panels, heading="게재 설정"),
        ],
    )
    base_form_class = ArticlePageForm

    # /api/v2/pages/?type=news.ArticlePage&fields=… (config/api.py, README "The API").
    api_fields = [
        APIField("article_number"),
        APIField("legacy_idxno"),
        APIField("subtitle"),
        APIField("lead"),
        APIField("dateline"),
        APIField("section", serializer=api.ArticleSectionField(read_only=True)),
        APIField("reporters", serializer=api.ArticleReportersField(read_only=True)),
        APIField("tags", serializer=api.ArticleTagsField(read_only=True)),
        APIField("series", serializer=api.ArticleSeriesField(read_only=True)),
        APIField("article_type"),
        APIField("last_published_at"),
        APIField("updated_at", serializer=DateTimeField(read_only=True)),
        APIField("main_image", serializer=api.ArticleMainImageField(read_only=True)),
        APIField("body", serializer=api.ArticleBodyField(read_only=True)),
    ]

    class Meta:
        verbose_name = "기사"
        verbose_name_plural = "기사"
        constraints = [
            models.UniqueConstraint(
                fields=["legacy_idxno"],
                condition=~Q(legacy_idxno=""),
                name="unique_article_legacy_idxno",
            )
        ]

    def full_clean(self, *args, **kwargs):
        self._slug_from_number()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._slug_from_number()
        super().minimal_clean()

    def save(self, *args, **kwargs):
        if self.alias_of_id:
            # An alias shows another article in a second place; the number is the original's.
            self.article_number, self.legacy_idxno, self.import_hash = None, "", ""
        elif self.article_number is None:
            self.article_number = next_article_number()
        self._slug_from_number()
        self.listing_image = self.main_image or self.first_body_image()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "corrected_at" in update_fields:
            self.corrected_at = max(
                (correction.corrected_at for correction in self.corrections.all()), default=None
            )
        return super().save(*args, **kwargs)

    def _slug_from_number(self):
        # Until save() draws a number, a placeholder keeps Wagtail from deriving a
        # slug from the Korean title, and previews use up no article numbers.
        if not self.alias_of_id:
            self.slug = str(self.article_number) if self.article_number else "new-article"

    def first_body_image(self):
        for block in self.body:
            if block.block_type == "image" and block.value.get("image"):
                return block.value["image"]
        return None

    @cached_property
    def reporters(self):
        """The byline's reporters in order, from the listing's prefetch when there is one."""
        links = self.article_reporters.all()
        if "article_reporters" not in getattr(self, "_prefetched_objects_cache", {}):
            # The article page itself: with the photos its byline box shows.
            links = links.select_related("reporter__photo").prefetch_related(
                "reporter__photo__renditions"
            )
        return [link.reporter for link in links]

    @property
    def byline(self):
        """`권예진 기자`, `권예진·이승훈 기자`, `권예진 기자, 오세영 논설위원`."""
        groups = []  # consecutive reporters with the same title share it
        for reporter in self.reporters:
            if groups and groups[-1][0] == reporter.title:
                groups[-1][1].append(reporter.name)
            else:
                groups.append((reporter.title, [reporter.name]))
        return ", ".join(f"{'·'.join(names)} {title}".strip() for title, names in groups)

    @property
    def updated_at(self):
        """수정: the last publish when it came after the first, or a later correction."""
        first, last = self.first_published_at, self.last_published_at
        if not first:
            return None
        later = [
            moment
            for moment in (last, self.corrected_at)
            if moment and (moment - first).total_seconds() >= 60
        ]
        return max(later, default=None)

    def corrections_newest_first(self):
        """정정·반론보도 notices, the latest first; no query when the article has none."""
        if not self.corrected_at and self.pk and not self._has_unsaved_corrections():
            return []
        return sorted(self.corrections.all(), key=lambda c: c.corrected_at, reverse=True)

    def _has_unsaved_corrections(self):
        # A preview carries its corrections in memory, before save() has summed them up.
        return "corrections" in getattr(self, "_cluster_related_objects", {})

    @property
    def subtitle_lines(self):
        return [line.strip() for line in self.subtitle.splitlines() if line.strip()]

    def dateline_lead(self, paper_name):
        """`[충청신문=대전] 권예진 기자 = `, the line a Korean news story opens with."""
        if not self.reporters or self.article_type in OPINION_TYPES:
            return ""
        place = f"={self.dateline}" if self.dateline else ""
        return f"[{paper_name}{place}] {self.byline} = "

    def section(self):
        return self.get_parent().specific

    @property
    def columnist(self):
        """The face of a column: its first byline, else its series' columnist."""
        if self.reporters:
            return self.reporters[0]
        return self.series.columnist if self.series_id and self.series else None

    def get_context(self, request, *args, **kwargs):
        from .related import ArticleNeighbours

        context = super().get_context(request, *args, **kwargs)
        section = self.get_parent().specific
        context["section"] = section
        context["breadcrumbs"] = section.breadcrumbs()
        context["tags"] = list(self.tags.all())
        site = Site.find_for_request(request) or self.get_site()
        neighbours = ArticleNeighbours(self, section, context["tags"], site)
        context["related_articles"] = neighbours.related
        context["series_articles"] = neighbours.series_others
        context["reporter_articles"] = neighbours.reporter_others
        context["more_articles"] = neighbours.more
        context["corrections"] = self.corrections_newest_first()
        context["share_url"] = self.full_url
        return context


class ArticleReporter(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_reporters")
    reporter = models.ForeignKey(
        Reporter, verbose_name="기자", on_delete=models.PROTECT, related_name="article_links"
    )

    panels = [FieldPanel("reporter")]

    class Meta(Orderable.Meta):
        verbose_name = "기자"
        verbose_name_plural = "기자"


class ArticleRelatedLink(Orderable):
    """An editor's pick for 관련 기사, shown before the automatic ones."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, verbose_name="기사", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", "news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "관련 기사"
        verbose_name_plural = "관련 기사"


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", "정정보도"
    REPLY = "reply", "반론보도"
    FOLLOW_UP = "follow_up", "추후보도"


class ArticleCorrection(Orderable):
    """A dated 정정·반론·추후보도 notice shown at the top of the article."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    corrected_at = models.DateTimeField(
        "일시", default=timezone.now, help_text="독자에게 보이는 정정 일시입니다."
    )
    kind = models.CharField(
        "종류", max_length=20, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(
        "내용",
        max_length=2000,
        help_text="예: 본지 4월 7일자 '…' 기사에서 참석 기관 수를 20개로 바로잡습니다.",
    )

    panels = [FieldPanel("corrected_at"), FieldPanel("kind"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "정정·반론보도"
        verbose_name_plural = "정정·반론보도"

    def __str__(self):
        return f"{self.get_kind_display()} {timezone.localtime(self.corrected_at):%Y-%m-%d}"


def next_article_number():
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [ARTICLE_NUMBER_SEQUENCE])
        return cursor.fetchone()[0]


def reserve_article_number(number):
    """Keep automatic numbers above an imported one, so they never collide."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(%s, GREATEST(%s::bigint, (SELECT last_value FROM news_article_number_seq)))",
            [ARTICLE_NUMBER_SEQUENCE, number],
        )
