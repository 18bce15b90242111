"""Around every article: related articles, series, corrections, article types, share, text size."""

import datetime
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.urls import reverse
from newsroom import KST, add_article, add_section, make_image
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import (
    ArticleCorrection,
    ArticlePage,
    ArticleRelatedLink,
    ArticleReporter,
    Reporter,
    Series,
)
from news.related import MORE_COUNT, RELATED_COUNT, SERIES_COUNT


def at(day, hour=9, minute=0):
    return datetime.datetime(2022, 4, day, hour, minute, tzinfo=KST)


def html_of(client, article):
    response = client.get(ArticlePage.objects.get(pk=article.pk).url)
    assert response.status_code == 200
    return response.content.decode()


def block(html, heading):
    """The list under the heading `heading`, up to the next section."""
    start = html.index(f">{heading}</h2>")
    return html[start : html.index("</section>", start)]


def titles_in(fragment):
    return re.findall(r'<a href="/[^"]*/">([^<]+)</a> <time', fragment)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="desk", email="desk@dailycc.net", password="pw"
    )


# 관련 기사


def test_related_lists_editor_picks_first_in_their_order_then_shared_tags(
    client, sections, masthead
):
    politics, daejeon = sections["politics"], sections["daejeon"]
    one_tag = add_article(politics, title="태그 하나 겹침", tags=["산단"], published_at=at(9))
    two_tags = add_article(
        politics, title="태그 둘 겹침", tags=["산단", "일자리"], published_at=at(2)
    )
    same_section = add_article(
        daejeon, title="같은 섹션 태그 하나", tags=["일자리"], published_at=at(1)
    )
    unrelated = add_article(politics, title="상관없는 기사", tags=["국회"], published_at=at(10))
    pick_b = add_article(politics, title="편집자 선택 둘", published_at=at(3))
    pick_a = add_article(politics, title="편집자 선택 하나", published_at=at(4))
    article = add_article(
        daejeon,
        title="대전산단 재생",
        tags=["산단", "일자리"],
        related_links=[
            ArticleRelatedLink(article=pick_a),
            ArticleRelatedLink(article=pick_b),
            ArticleRelatedLink(article=pick_a),  # picked twice by mistake: shown once
            ArticleRelatedLink(article=two_tags),  # also shares tags: shown once, as a pick
        ],
    )

    related = titles_in(block(html_of(client, article), "관련 기사"))

    # two tags shared beat one; with one each, the same section comes first
    assert related == [
        pick_a.title,
        pick_b.title,
        two_tags.title,
        same_section.title,
        one_tag.title,
    ]
    assert unrelated.title not in related and article.title not in related


def test_related_leaves_out_drafts_private_articles_and_the_article_itself(
    client, home, sections, masthead
):
    private_section = add_section(home, "사내", "internal")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    hidden = add_article(private_section, title="사내 공지", tags=["산단"])
    draft = add_article(sections["politics"], title="내려간 기사", tags=["산단"])
    draft.unpublish()
    live = add_article(sections["politics"], title="산단 후속", tags=["산단"])
    article = add_article(
        sections["daejeon"],
        title="산단 기사",
        tags=["산단"],
        related_links=[ArticleRelatedLink(article=draft), ArticleRelatedLink(article=hidden)],
    )
    ArticleRelatedLink.objects.create(page=article, article=article)  # as a bad import would

    related = titles_in(block(html_of(client, article), "관련 기사"))

    assert related == [live.title]


def test_related_stops_at_six(client, sections, masthead):
    for n in range(RELATED_COUNT + 3):
        add_article(sections["politics"], title=f"관련 {n}", tags=["산단"], published_at=at(n + 1))
    article = add_article(sections["daejeon"], title="산단 기사", tags=["산단"])
    related = titles_in(block(html_of(client, article), "관련 기사"))
    assert related == [f"관련 {n}" for n in range(RELATED_COUNT + 2, 2, -1)]


def test_no_related_block_without_picks_or_shared_tags(client, sections, masthead):
    add_article(sections["daejeon"], title="태그 없는 이웃")
    article = add_article(sections["daejeon"], title="혼자인 기사")
    assert ">관련 기사</h2>" not in html_of(client, article)


def test_an_article_is_listed_once_under_another(client, sections, reporter, masthead):
    """Picks and series first, then related by tags, the reporter's others, the section's latest."""
    series = Series.objects.create(name="산단의 내일")
    neighbour = add_article(
        sections["daejeon"],
        title="모든 목록에 해당",
        tags=["산단"],
        reporters=[reporter],
        series=series,
    )
    article = add_article(
        sections["daejeon"], title="기준 기사", tags=["산단"], reporters=[reporter], series=series
    )
    html = html_of(client, article)
    main = html[html.index("<main") :]
    assert main.count(f">{neighbour.title}</a>") == 1
    assert neighbour.title in block(html, "이 연재의 다른 기사")


# 연재


@pytest.fixture
def series(reporter):
    reporter.photo = make_image("권예진 사진")
    reporter.save()
    return Series.objects.create(
        name="충청의 창",
        description="지역의 오늘을 들여다보는 칼럼",
        columnist=reporter,
    )


def test_series_articles_list_the_series_others_newest_first_and_link_the_series_page(
    client, sections, masthead, series
):
    parts = [
        add_article(
            sections["politics"], title=f"충청의 창 {n}회", series=series, published_at=at(n)
        )
        for n in range(1, SERIES_COUNT + 3)
    ]
    elsewhere = add_article(sections["politics"], title="연재 아닌 기사", published_at=at(20))
    article = parts[2]

    html = html_of(client, article)
    listed = block(html, "이 연재의 다른 기사")

    expected = [p.title for p in reversed(parts) if p != article][:SERIES_COUNT]
    assert titles_in(listed) == expected
    assert elsewhere.title not in listed
    assert f'href="{series.get_absolute_url()}"' in listed
    assert f'<a class="article__series" href="{series.get_absolute_url()}">' in html


def test_a_series_gets_a_korean_slug_from_its_name(db):
    series = Series(name="[기획] 대전 산단 50년")
    series.full_clean()
    assert series.slug == "기획-대전-산단-50년"


def test_series_page_shows_the_series_and_its_articles(client, sections, masthead, series):
    first = add_article(
        sections["politics"], title="1회: 원도심", series=series, published_at=at(1)
    )
    second = add_article(
        sections["politics"], title="2회: 신도시", series=series, published_at=at(2)
    )
    draft = add_article(sections["politics"], title="3회: 미완", series=series)
    draft.unpublish()

    response = client.get(series.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and series.name in html and series.description in html
    assert html.index(second.title) < html.index(first.title)
    assert draft.title not in html
    assert f'href="/reporters/{series.columnist.pk}/"' in html
    assert "<img" in html[html.index("필자") - 400 : html.index("필자")]  # the columnist's photo


def test_unknown_series_is_a_korean_404(client, site, masthead):
    response = client.get("/series/없는-연재/")
    assert response.status_code == 404


@pytest.mark.parametrize("page", ["", "2", "99", "-1", "abc", "%00"])
def test_series_page_takes_any_page_parameter(client, sections, masthead, series, page):
    for n in range(1, 23):
        add_article(
            sections["politics"], title=f"연재 {n:02d}회", series=series, published_at=at(n)
        )
    response = client.get(f"{series.get_absolute_url()}?page={page}")
    assert response.status_code == 200
    assert response.content.decode().count(">연재 ") in (20, 2)


# 정정·반론보도


def test_corrections_show_at_the_top_newest_first_with_their_dates(
    client, sections, reporter, masthead
):
    article = add_article(
        sections["daejeon"],
        title="산단 협약 기사",
        reporters=[reporter],
        dateline="대전",
        corrections=[
            ArticleCorrection(
                corrected_at=at(8, 10, 0), kind="correction", text="참석 기관은 20곳입니다."
            ),
            ArticleCorrection(
                corrected_at=at(9, 15, 30),
                kind="reply",
                text="○○협회는 사실이 아니라고 밝혔습니다.",
            ),
        ],
        published_at=at(7, 16, 33),
    )

    html = html_of(client, article)
    notices = html[html.index('class="article-corrections"') : html.index('class="article__body"')]

    assert "정정·반론보도" in notices
    assert notices.index("[반론보도]") < notices.index("[정정보도]")
    assert "2022.04.09 15:30" in notices and "2022.04.08 10:00" in notices
    assert "참석 기관은 20곳입니다." in notices
    assert html.index("article-corrections") < html.index("[충청신문=대전]")


def test_the_latest_correction_is_the_articles_updated_time(client, sections, masthead):
    article = add_article(
        sections["daejeon"],
        title="정정된 기사",
        corrections=[ArticleCorrection(corrected_at=at(9, 15, 30), text="바로잡습니다.")],
        published_at=at(7, 16, 33),
    )
    html = html_of(client, article)
    info = html[html.index('class="article__info"') :]
    assert '수정 <time datetime="2022-04-09T15:30:00+09:00">2022.04.09 15:30</time>' in info


def test_an_article_without_corrections_has_no_notice(client, sections, masthead):
    article = add_article(sections["daejeon"], title="깨끗한 기사")
    assert ArticlePage.objects.get(pk=article.pk).corrected_at is None
    html = html_of(client, article)
    assert "article-corrections" not in html and "수정 <time" not in html


def correction_form(article, reporter, **overrides):
    data = {
        "title": article.title,
        "subtitle": "",
        "lead": "",
        "dateline": "대전",
        "article_reporters": inline_formset([{"reporter": reporter.pk}]),
        "body": streamfield([("paragraph", rich_text("<p>본문입니다.</p>"))]),
        "main_image": "",
        "series": "",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "article_type": "news",
        "grade": "0",
        "tags": "",
        "comments_open": "on",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_adds_a_correction_and_readers_see_it_with_the_new_updated_time(
    client, editor, sections, reporter, masthead
):
    article = add_article(sections["daejeon"], title="고칠 기사", reporters=[reporter])
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=at(7, 16, 33))
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        correction_form(
            article,
            reporter,
            corrections=inline_formset(
                [
                    {
                        "corrected_at": "2022.04.08 10:00",
                        "kind": "correction",
                        "text": "20곳으로 바로잡습니다.",
                    }
                ]
            ),
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.corrections.get().text == "20곳으로 바로잡습니다."
    assert article.corrected_at == at(8, 10, 0)
    client.logout()
    html = html_of(client, article)
    assert "[정정보도]" in html and "2022.04.08 10:00" in html and "수정 <time" in html


@pytest.mark.parametrize(
    ("corrected_at", "message"),
    [
        ("2022.04.01 10:00", "정정 일시는 기사 입력 시각(2022.04.07 16:33)보다 빠를 수 없습니다."),
        ("2099.01.01 10:00", "정정 일시는 지금보다 늦을 수 없습니다."),
        ("어제", "올바른 날짜/시각을 입력하세요."),
    ],
)
def test_a_correction_dated_before_the_article_or_in_the_future_is_refused(
    client, editor, sections, reporter, masthead, corrected_at, message
):
    article = add_article(sections["daejeon"], title="고칠 기사", reporters=[reporter])
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=at(7, 16, 33))
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        correction_form(
            article,
            reporter,
            corrections=inline_formset(
                [{"corrected_at": corrected_at, "kind": "correction", "text": "바로잡습니다."}]
            ),
        ),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ArticleCorrection.objects.exists()


def test_an_editor_cannot_pick_the_article_itself_as_related(
    client, editor, sections, reporter, masthead
):
    other = add_article(sections["politics"], title="다른 기사")
    article = add_article(sections["daejeon"], title="고칠 기사", reporters=[reporter])
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    refused = client.post(
        url,
        correction_form(
            article,
            reporter,
            related_links=inline_formset([{"article": article.pk}, {"article": other.pk}]),
        ),
    )
    assert refused.status_code == 200
    assert "이 기사 자신은 관련 기사로 고를 수 없습니다." in refused.content.decode()
    assert not ArticleRelatedLink.objects.exists()

    twice = client.post(
        url,
        correction_form(
            article,
            reporter,
            related_links=inline_formset([{"article": other.pk}, {"article": other.pk}]),
        ),
    )
    assert "같은 기사를 두 번 골랐습니다." in twice.content.decode()

    accepted = client.post(
        url,
        correction_form(article, reporter, related_links=inline_formset([{"article": other.pk}])),
    )
    assert accepted.status_code == 302
    assert [
        link.article_id for link in ArticlePage.objects.get(pk=article.pk).related_links.all()
    ] == [other.pk]


def test_the_preview_of_a_new_article_shows_its_corrections_and_picks(
    client, editor, sections, reporter, masthead
):
    other = add_article(sections["politics"], title="골라 둔 기사")
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("news", "articlepage", sections["daejeon"].pk)
    )
    form = correction_form(
        ArticlePage(title="미리 보는 기사"),
        reporter,
        related_links=inline_formset([{"article": other.pk}]),
        corrections=inline_formset(
            [{"corrected_at": "2022.04.08 10:00", "kind": "reply", "text": "반론을 싣습니다."}]
        ),
    )
    assert client.post(url, form).json()["is_valid"]

    html = client.get(url).content.decode()

    assert "미리 보는 기사" in html
    assert "[반론보도]" in html and "반론을 싣습니다." in html
    assert other.title in block(html, "관련 기사")
    assert not ArticlePage.objects.filter(title="미리 보는 기사").exists()


def test_the_admin_has_korean_tabs_for_related_series_and_corrections(client, editor, seed_article):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(seed_article.pk,))).content.decode()
    for label in ("관련 기사·연재", "정정·반론보도", "연재", "관련 기사", "일시", "종류", "내용"):
        assert label in html, label
    assert (
        'new PageChooser("id_related_links-__prefix__-article", {"modelNames": ["news.articlepage"]'
        in html
    )


def test_series_are_a_snippet_in_the_admin_menu(client, editor, series):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_news_series:list"))
    assert response.status_code == 200
    assert "충청의 창" in response.content.decode()
    found = client.get(reverse("wagtailsnippets_news_series:list"), {"q": "충청"})
    assert found.status_code == 200 and "충청의 창" in found.content.decode()
    add = client.post(
        reverse("wagtailsnippets_news_series:add"),
        {"name": "충청의 창", "slug": "", "description": "", "active": "on"},
    )
    assert add.status_code == 200  # the same name twice is refused
    assert Series.objects.count() == 1


# 기사 유형


def test_editorial_shows_no_byline_photo(client, sections, masthead, reporter):
    reporter.title = "논설위원"
    reporter.photo = make_image("논설위원 사진")
    reporter.save()
    editorial = add_article(
        sections["politics"],
        title="[사설] 산단 재생",
        article_type="editorial",
        reporters=[reporter],
    )
    html = html_of(client, editorial)
    article_and_aside = html[html.index("<main") : html.index('id="comments"')]
    aside = html[html.index('class="article-aside"') :]
    aside = aside[: aside.index("</aside>")]
    assert ">사설</span>" in html
    assert "article__columnist" not in article_and_aside
    assert "<img" not in aside and "논설위원" in aside


def test_column_shows_the_columnists_photo_and_the_column_name(client, sections, masthead, series):
    column = add_article(
        sections["politics"],
        title="원도심의 밤",
        article_type="column",
        reporters=[series.columnist],
        series=series,
    )
    html = html_of(client, column)
    header = html[
        html.index('class="article__header"') : html.index(
            "</header>", html.index('class="article__header"')
        )
    ]
    assert ">칼럼</span>" in header
    assert f">{series.name}</a>" in header  # the column's name, linked
    columnist = header[header.index('class="article__columnist"') :]
    assert re.search(r'<img [^>]*class="article__columnist-photo"', columnist)
    assert "권예진 기자" in columnist


def test_column_without_byline_uses_its_series_columnist(client, sections, masthead, series):
    column = add_article(
        sections["politics"], title="필자 없는 회", article_type="column", series=series
    )
    header = html_of(client, column).split('class="article__columnist"', 1)[1][:600]
    assert "article__columnist-photo" in header and "권예진 기자" in header


def test_photo_article_opens_with_its_photo_large(client, sections, masthead, reporter):
    photo = make_image("야경", caption="대전 엑스포다리 야경", credit="독자 제공")
    later = make_image("다른 사진")
    article = add_article(
        sections["daejeon"],
        title="[포토] 엑스포다리의 밤",
        article_type="photo",
        reporters=[reporter],
        dateline="대전",
        body=[
            ("paragraph", RichText("<p>엑스포다리에 조명이 켜졌다.</p>")),
            ("image", {"image": photo, "caption": "", "credit": ""}),
            ("image", {"image": later, "caption": "둘째 사진", "credit": ""}),
        ],
    )
    html = html_of(client, article)
    body = html[html.index('class="article__body"') :]
    lead = body.index('<figure class="article-photo article-photo--lead">')
    assert lead < body.index("[충청신문=대전]") < body.index("둘째 사진")
    assert "▲ 대전 엑스포다리 야경 (사진=독자 제공)" in body[lead : body.index("</figure>")]
    assert 'fetchpriority="high"' in body[lead : body.index("</figure>")]
    assert body.count("article-photo--lead") == 1
    assert "page-article--photo" in html


def test_photo_article_with_only_a_main_image_shows_it_first(client, sections, masthead):
    photo = make_image("대표", caption="대표 사진 설명", credit="충청신문")
    article = add_article(
        sections["daejeon"], title="[포토] 대표 사진만", article_type="photo", main_image=photo
    )
    body = html_of(client, article).split('class="article__body"', 1)[1]
    assert body.index("article-photo--lead") < body.index("본문 첫 문단입니다.")
    assert "▲ 대표 사진 설명 (사진=충청신문)" in body


# 공유, 글자 크기, 인쇄


def test_share_menu_links_work_without_javascript(client, seed_article):
    html = html_of(client, seed_article)
    share = html[html.index('class="share"') : html.index("</ul>", html.index('class="share"'))]
    url = quote(seed_article.full_url, safe="")
    assert url.startswith("http%3A%2F%2Flocalhost%2Fregion%2Fdaejeon%2F")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={url}"' in share
    assert f'href="https://twitter.com/intent/tweet?url={url}&amp;text=' in share
    assert 'href="mailto:?subject=%EB%8C%80%EC%A0%84%EC%8B%9C%2C%20' in share
    assert f"body={url}" in share
    assert "이 기사를 공유합니다" in html


def test_share_buttons_that_need_javascript_are_hidden_until_it_runs(client, seed_article):
    html = html_of(client, seed_article)
    for attribute in ("data-share-kakao", "data-share-copy"):
        item = html[html.rindex("<li", 0, html.index(attribute)) : html.index(attribute)]
        assert "hidden" in item, attribute
    native = html[html.index("data-share-native") - 20 : html.index("data-share-native-button")]
    assert "hidden" in native and "다른 앱으로 공유" in html
    assert 'role="status" aria-live="polite" data-share-status' in html


def test_no_third_party_script_is_loaded_with_the_page(client, seed_article, settings):
    settings.KAKAO_JAVASCRIPT_KEY = "kakao-js-key"
    html = html_of(client, seed_article)
    assert not re.search(r"<script[^>]+src=\"(https?:)?//", html)
    # The SDK's address waits in data attributes until the KakaoTalk button is pressed.
    assert 'data-kakao-key="kakao-js-key"' in html
    assert 'data-kakao-sdk="https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js"' in html
    assert 'data-kakao-integrity="sha384-' in html


def test_without_a_kakao_key_kakaotalk_falls_back_to_the_share_sheet(
    client, seed_article, settings
):
    settings.KAKAO_JAVASCRIPT_KEY = ""
    html = html_of(client, seed_article)
    assert "data-kakao-key" not in html and "data-share-kakao" in html
    script = (Path(settings.BASE_DIR) / "static_src/js/article.js").read_text()
    assert "navigator.share" in script and "Kakao.Share.sendScrap" in script


def test_text_size_controls_are_labelled_buttons_and_the_choice_is_applied_before_paint(
    client, seed_article
):
    html = html_of(client, seed_article)
    head = html[: html.index("</head>")]
    assert re.search(r'<script src="/static/js/article\.js"></script>', head)  # not deferred
    group = html[html.index("data-text-size ") - 200 : html.index("data-text-size-status")]
    assert 'role="group" aria-label="글자 크기와 인쇄"' in group
    for label in ("글자 작게", "글자 크기 기본", "글자 크게"):
        assert re.search(rf'<button [^>]*type="button" [^>]*aria-label="{label}"', group), label
    script = (Path(settings.BASE_DIR) / "static_src/js/article.js").read_text()
    assert "localStorage" in script and "data-article-text-size" in script
    css = (Path(settings.BASE_DIR) / "static_src/css/article.css").read_text()
    assert 'html[data-article-text-size="5"]' in css


def test_print_stylesheet_keeps_article_photos_and_masthead_and_drops_menus(client, seed_article):
    css = (Path(settings.BASE_DIR) / "static_src/css/article.css").read_text()
    print_rules = css[css.index("@media print") :]
    hidden = print_rules[: print_rules.index("display: none !important")]
    for dropped in (
        ".section-menu",
        ".site-search",
        ".share",
        ".comments",
        ".article-aside",
        "[data-ad-slot]",
    ):
        assert dropped in hidden, dropped
    for kept in (".site-footer", ".article-photo", "figcaption", ".site-logo"):
        assert kept not in hidden and kept in print_rules, kept


def test_tags_link_to_their_tag_pages(client, seed_article):
    html = html_of(client, seed_article)
    assert '<a href="/tags/%EB%8C%80%EC%A0%84%EC%82%B0%EB%8B%A8/">#대전산단</a>' in html


def test_the_aside_is_there_for_most_read_and_banners(client, seed_article):
    html = html_of(client, seed_article)
    aside = html[html.index('<aside class="article-aside"') :]
    aside = aside[: aside.index("</aside>")]
    assert f'href="/reporters/{seed_article.reporters[0].pk}/"' in aside


# 쿼리 수


# A column with everything around it: the page and its section path, the site chrome, tags,
# byline with photos, series, corrections, picks, and one id query per list plus one read of
# every card (with photos and bylines) for all lists together; the most-read box beside it.
ARTICLE_BUDGET = 33


def build_neighbourhood(sections, scale, prefix=""):
    """Articles sharing tags, reporters and a series with the one measured, `scale` times over."""
    reporters = [
        Reporter.objects.create(
            name=f"기자{prefix}{n}", email=f"n{prefix}{n}@dailycc.net", photo=make_image()
        )
        for n in range(2)
    ]
    series = Series.objects.create(name=f"연재{prefix}")
    for n in range(MORE_COUNT * scale):  # the section's own latest, for 기사 더보기
        sections["daejeon"].add_child(instance=ArticlePage(title=f"대전 {prefix}{n}", body=[]))
    articles = []
    for n in range(12 * scale):
        article = ArticlePage(
            title=f"이웃 {prefix}{n}",
            body=[
                ("paragraph", RichText("<p>첫 문단.</p>")),
                (
                    "image",
                    {
                        "image": make_image(f"사진{n}", color=(n % 255, 20, 20)),
                        "caption": "",
                        "credit": "",
                    },
                ),
            ],
            series=series if n % 4 == 1 else None,
        )
        article.tags.set(["산단", f"태그{n % 3}"])
        article.article_reporters = [ArticleReporter(reporter=reporters[n % 2], sort_order=0)]
        sections["daejeon" if n % 2 else "politics"].add_child(instance=article)
        articles.append(article)
    return reporters, series, articles


def test_article_page_query_count_does_not_grow_with_its_neighbours(
    client, sections, masthead, django_assert_max_num_queries
):
    def measure(article):
        client.get(article.url)
        caches["renditions"].clear()
        with django_assert_max_num_queries(ARTICLE_BUDGET) as queries:
            assert client.get(article.url).status_code == 200
        return len(queries)

    def measured_article(prefix, reporters, series, neighbours):
        return add_article(
            sections["daejeon"],
            title=f"측정 기사 {prefix}",
            tags=["산단", "태그1"],
            reporters=reporters,
            series=series,
            article_type="column",
            related_links=[ArticleRelatedLink(article=a) for a in neighbours[:3]],
            corrections=[ArticleCorrection(text="바로잡습니다.")],
        )

    reporters, series, neighbours = build_neighbourhood(sections, 1)
    small = measure(measured_article("a", reporters, series, neighbours))
    reporters, series, neighbours = build_neighbourhood(sections, 10, prefix="x")
    large = measure(measured_article("b", reporters, series, neighbours))

    html = client.get(ArticlePage.objects.get(title="측정 기사 b").url).content.decode()
    for heading in ("관련 기사", "이 연재의 다른 기사", "의 다른 기사</h2>", "기사 더보기"):
        assert heading in html
    assert small == large, "the article page's query count grew with its neighbours"
    assert len(block(html, "관련 기사").split("<li>")) - 1 == RELATED_COUNT
    assert (
        len(html.split('class="more-articles"')[1].split('<article class="card')) - 1 <= MORE_COUNT
    )


# 데모


def test_demo_extras_add_a_series_related_picks_and_a_correction_once(
    client, sections, masthead, reporter
):
    from news.demo_content import add_demo_extras

    demo = {
        number: add_article(
            sections["daejeon"],
            title=f"데모 {number}",
            legacy_idxno=number,
            reporters=[reporter],
            published_at=at(7, 16, 33)
            if number != "300103"
            else datetime.datetime(2022, 3, 14, 17, 5, tzinfo=KST),
        )
        for number in ("300101", "300103", "300104", "300117", "300119")
    }

    assert len(add_demo_extras()) == 5
    assert add_demo_extras() == []  # the second run changes nothing

    industry = Series.objects.get(slug="daejeon-industry")
    assert sorted(industry.articles.values_list("legacy_idxno", flat=True)) == ["300101", "300104"]
    assert Series.objects.get(slug="chungcheong-column").columnist == reporter
    html = html_of(client, demo["300101"])
    assert titles_in(block(html, "관련 기사"))[:2] == ["데모 300117", "데모 300104"]
    assert "데모 300104" in block(html, "이 연재의 다른 기사")
    assert "수정 <time" not in html  # publishing the extras is not an update
    corrected = html_of(client, demo["300103"])
    assert (
        "[정정보도]" in corrected
        and '수정 <time datetime="2022-03-15T09:30:00+09:00">' in corrected
    )
