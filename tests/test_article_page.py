"""The article page shows the seed page's anatomy, in the seed's order."""

import datetime

from newsroom import KST, add_article

from news.models import ArticlePage


def article_html(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def test_anatomy_in_the_seed_order(client, seed_article, sections):
    add_article(sections["politics"], title="다른 섹션의 기사")
    page = article_html(client, seed_article)
    html = page[page.index("<main") :]
    landmarks = [
        'aria-label="섹션 경로"',  # section path
        '<a href="/region/">지역</a>',
        '<a href="/region/daejeon/">대전</a>',
        "대전시, 산업단지 재생 위해 20개 기관과 손잡아",  # title
        "<p>지역 일자리 거점으로</p><p>3년간 집중 지원</p>",  # subtitle, two lines
        "이 기사를 공유합니다",  # share menu
        "입력 <time",
        "2022.04.07 16:33",
        "By. 권예진 기자",  # byline
        "[충청신문=대전] 권예진 기자 = </span>대전시가 7일",  # dateline lead opens paragraph 1
        "<figcaption>▲ 참석자들이 협약서를 들어 보이고 있다. (사진=대전시 제공)</figcaption>",
        '<h2 class="article-subheading">세부 과제</h2>',
        "<blockquote",
        "▲첫째 과제 ▲둘째 과제",
        "#대전산단",  # tags
        "저작권자 © 충청신문 무단전재 및 재배포 금지",
        "충청신문 기사 더보기",
    ]
    positions = [html.find(landmark) for landmark in landmarks]
    missing = [landmark for landmark, at in zip(landmarks, positions, strict=True) if at < 0]
    assert not missing
    assert positions == sorted(positions)


def test_each_photo_is_a_figure_with_caption_and_credit(client, seed_article):
    html = article_html(client, seed_article)
    figure = html[html.index("<figure") : html.index("</figure>")]
    assert "<img" in figure and "<figcaption>" in figure


def test_share_menu_offers_kakao_facebook_x_and_copy(client, seed_article):
    html = article_html(client, seed_article)
    for label in ("카카오톡", "페이스북", ">X<", "URL 복사"):
        assert label in html
    assert f'data-copy-url="{seed_article.full_url}"' in html
    assert '<script src="http' not in html  # no third-party script


def test_updated_time_shows_only_when_later_than_first_publish(client, seed_article):
    assert "수정 <time" not in article_html(client, seed_article)
    ArticlePage.objects.filter(pk=seed_article.pk).update(
        last_published_at=datetime.datetime(2022, 4, 7, 18, 5, tzinfo=KST)
    )
    html = article_html(client, seed_article)
    assert "수정 <time" in html and "2022.04.07 18:05" in html


def test_block_caption_falls_back_to_the_photos_own(client, seed_article):
    body = seed_article.body
    body[1].value["caption"] = ""
    seed_article.save_revision().publish()
    html = article_html(client, ArticlePage.objects.get(pk=seed_article.pk))
    assert "▲ 협약식 기본 설명 (사진=대전시 제공)" in html


def test_more_articles_falls_back_to_the_papers_latest(client, seed_article, sections):
    elsewhere = add_article(sections["politics"], title="국회 소식")
    html = article_html(client, seed_article)
    assert elsewhere.title in html[html.index("기사 더보기") :]


def test_more_articles_lists_the_same_sections_latest_other_articles(
    client, seed_article, sections
):
    other = add_article(sections["daejeon"], title="대전 둘레산길 새 단장")
    elsewhere = add_article(sections["politics"], title="국회 소식")
    html = article_html(client, seed_article)
    more = html[html.index("기사 더보기") :]
    assert other.title in more
    assert elsewhere.title not in more
    assert more.count(seed_article.title) == 0


def test_editorial_without_reporters_has_no_dateline_lead(client, sections, masthead):
    editorial = add_article(
        sections["politics"], title="[사설] 지방의회의 책임", article_type="editorial"
    )
    html = article_html(client, editorial)
    assert "[충청신문" not in html
    assert "사설" in html


def test_meta_description_is_the_lead(client, seed_article):
    html = article_html(client, seed_article)
    assert f'<meta name="description" content="{seed_article.lead}">' in html


def test_reporters_with_the_same_title_share_it_in_the_byline(sections, masthead):
    from news.models import Reporter

    kwon = Reporter.objects.create(name="권예진", email="kwon@dailycc.net")
    lee = Reporter.objects.create(name="이승훈", email="lsh@dailycc.net")
    oh = Reporter.objects.create(name="오세영", email="osy@dailycc.net", title="논설위원")
    article = add_article(sections["daejeon"], title="공동 취재", reporters=[kwon, lee, oh])
    assert ArticlePage.objects.get(pk=article.pk).byline == "권예진·이승훈 기자, 오세영 논설위원"


def test_a_photo_with_only_a_credit_reads_cleanly(client, sections, masthead):
    from newsroom import make_image

    photo = make_image("현장", caption="", credit="독자 제공")
    article = add_article(
        sections["daejeon"],
        title="독자 사진",
        body=[("image", {"image": photo, "caption": "", "credit": ""})],
    )
    assert "<figcaption>▲ (사진=독자 제공)</figcaption>" in article_html(client, article)


def test_embedded_players_load_nothing_until_the_reader_asks(client, sections, masthead):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=demo"
    Embed.objects.create(  # as if fetched when the editor pasted the address
        hash=get_embed_hash(url, 800, None),
        url=url,
        max_width=800,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/demo"></iframe>',
        title="영상",
        thumbnail_url="",
        provider_name="YouTube",
    )
    article = add_article(sections["daejeon"], title="영상 기사", body=[("embed", url)])
    html = article_html(client, article)
    body = html[html.index('class="article__body"') :]
    iframe_at = body.index("<iframe")
    assert body.rfind("<template>", 0, iframe_at) > body.rfind("</template>", 0, iframe_at)
    assert "외부 콘텐츠 보기" in body
