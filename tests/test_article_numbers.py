"""An article's URL is its number, never its Korean title."""

from newsroom import add_article

from news.models import ArticlePage, reserve_article_number


def test_new_articles_get_increasing_numbers_used_as_slug(sections):
    first = add_article(sections["daejeon"], title="대전시, 새 청사 설계 공모")
    second = add_article(sections["daejeon"], title="대전시, 새 청사 설계 공모")
    assert second.article_number == first.article_number + 1
    assert first.slug == str(first.article_number)
    assert first.url == f"/region/daejeon/{first.article_number}/"


def test_imported_numbers_push_automatic_numbers_past_them(sections):
    reserve_article_number(900000)
    article = add_article(sections["daejeon"], title="새 기사")
    assert article.article_number == 900001


def test_the_number_survives_a_new_revision(sections):
    article = add_article(sections["daejeon"], title="처음 제목")
    number = article.article_number
    article.title = "고친 제목"
    article.save_revision().publish()
    article = ArticlePage.objects.get(pk=article.pk)
    assert (article.article_number, article.slug) == (number, str(number))
