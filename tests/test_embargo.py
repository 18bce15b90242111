"""Embargo: an article scheduled for later (게재 예약) is invisible everywhere a reader could
look until its time, then appears everywhere.

Every check runs on two live articles as well (`control` and its `neighbour`, which share
the section, reporter, tag and series with the hidden one), so a surface that shows nothing
at all cannot pass for one that hides the embargoed article. `assert_hidden_everywhere` is
used by tests/test_recycle_bin.py for binned articles too.
"""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from newsroom import add_article
from wagtail.rich_text import RichText

from comments.models import Comment
from editorial import worker
from home.models import HomePage
from news.models import ArticlePage, ArticleRelatedLink, ArticleReporter, Series
from readership.models import ArticleDailyViews

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
WORD = "해오름다리"  # in every title here: the search finds the live ones
HIDDEN_TITLE = "해오름다리 2단계 착공 확정"
HIDDEN_MARK = "2단계 착공"  # no live article says this


class Paper:
    """A section, a reporter, a tag and a series shared by the live and the hidden articles."""

    def __init__(self, sections, reporter, masthead, home):
        self.section = sections["daejeon"]
        self.region = sections["region"]
        self.reporter = reporter
        self.home = home
        self.series = Series.objects.create(name="해오름다리 연재", slug="haeoreum")
        self.tag = "해오름다리"
        self.reader = get_user_model().objects.create_user(
            username="reader", email="reader@example.kr", password="pw"
        )
        self.control = self.live_article("해오름다리 개통식 열려", legacy_idxno="900001")
        self.neighbour = self.live_article("해오름다리 주변 교통 통제", legacy_idxno="900002")
        self.views(self.control, 10)
        self.views(self.neighbour, 5)
        Comment.objects.create(article=self.control, author=self.reader, text="개통 축하합니다")

    def fields(self):
        return {
            "body": [("paragraph", RichText(f"<p>{WORD} 관련 본문입니다.</p>"))],
            "series": self.series,
            "lead": f"{WORD} 소식",
        }

    def live_article(self, title, legacy_idxno=""):
        article = add_article(
            self.section, title=title, reporters=[self.reporter], tags=[self.tag], **self.fields()
        )
        if legacy_idxno:
            ArticlePage.objects.filter(pk=article.pk).update(legacy_idxno=legacy_idxno)
        return ArticlePage.objects.get(pk=article.pk)

    def unpublished_article(self, title, **fields):
        article = ArticlePage(title=title, live=False, **self.fields(), **fields)
        article.article_reporters = [ArticleReporter(reporter=self.reporter)]
        article.tags.set([self.tag])
        self.section.add_child(instance=article)
        return article

    def views(self, article, count):
        today = timezone.localdate()
        ArticleDailyViews.objects.update_or_create(
            article_id=article.pk, day=today, defaults={"views": count}
        )

    def make_prominent(self, article):
        """Everything that would put an article in front of readers if it were live."""
        self.views(article, 1000)  # the most read by far
        ArticlePage.objects.filter(pk=article.pk).update(
            legacy_idxno="900009",
            breaking_until=timezone.now() + datetime.timedelta(days=1),  # 속보
            grade=2,  # 헤드라인
        )
        HomePage.objects.filter(pk=self.home.pk).update(top_story=article)  # 톱기사
        Comment.objects.create(article=article, author=self.reader, text="엠바고 기사 댓글")
        # An editor's related pick from the live article (its revision and its live row).
        ArticleRelatedLink.objects.create(page=self.control, article=article, sort_order=0)


@pytest.fixture
def paper(sections, reporter, masthead, home):
    return Paper(sections, reporter, masthead, home)


def schedule(article, hours=3):
    """Publish with a 게재 예약, as the admin's 게재 button does with a future time."""
    article.go_live_at = timezone.now() + datetime.timedelta(hours=hours)
    revision = article.save_revision()
    revision.publish()
    return revision


def lists(paper):
    """Reader pages and feeds that list articles: (name, URL, the live article to find there)."""
    reporter, series, control = paper.reporter, paper.series, paper.control
    return [
        ("front page", "/", control),
        ("section", paper.section.url, control),
        ("parent section", paper.region.url, control),
        ("search", f"/search/?q={WORD}", control),
        ("search suggestions", f"/search/suggest/?q={WORD}", control),
        ("feed", "/rss/", control),
        ("section feed", "/rss/region/daejeon/", control),
        ("tag feed", f"/rss/tag/{paper.tag}/", control),
        ("reporter feed", f"/rss/reporter/{reporter.pk}/", control),
        ("series feed", f"/rss/series/{series.slug}/", control),
        ("most-read feed", "/rss/popular/", control),
        ("sitemap", "/sitemap.xml", control),
        ("news sitemap", "/news-sitemap.xml", control),
        ("API listing", "/api/v2/pages/?type=news.ArticlePage&fields=title", control),
        ("API search", f"/api/v2/pages/?type=news.ArticlePage&search={WORD}", control),
        ("reporter page", f"/reporters/{reporter.pk}/", control),
        ("tag page", f"/tags/{paper.tag}/", control),
        ("series page", f"/series/{series.slug}/", control),
        # Related, series, the reporter's other articles and 기사 더보기 under an article.
        ("lists under an article", control.url, paper.neighbour),
    ]


def marks(article):
    """What gives an article away in a response: its title, and its URL path."""
    return [article.title, article.url]


def leaks(client, paper, hidden, hidden_marks):
    """Every reader surface where `hidden` shows, and every check that could not see `control`."""
    found = []
    for name, url, live in lists(paper):
        response = client.get(url)
        text = response.content.decode()
        if response.status_code != 200 or live.title not in text and live.url not in text:
            found.append(f"{name} ({url}): the live article is missing, the check proves nothing")
        found += [f"{name} ({url}) shows {mark!r}" for mark in hidden_marks if mark in text]

    # The hidden article's own addresses answer 404; the live one's work.
    own = [
        ("page", lambda a: a.url, 200),
        ("permalink", lambda a: f"/articles/{a.article_number}/", 301),
        ("API detail", lambda a: f"/api/v2/pages/{a.pk}/", 200),
        ("API find", lambda a: f"/api/v2/pages/find/?html_path={a.url}", 302),
        ("comments", lambda a: f"/comments/article/{a.pk}/", 200),
        ("comments fragment", lambda a: f"/comments/article/{a.pk}/fragment/", 200),
        ("old address", lambda a: f"/news/articleView.html?idxno={a.legacy_idxno}", 301),
    ]
    for name, address, live_status in own:
        if client.get(address(paper.control)).status_code != live_status:
            found.append(f"{name}: the live article does not answer {live_status}")
        status = client.get(address(hidden)).status_code
        if status != 404:
            found.append(f"{name} ({address(hidden)}) answers {status}")

    beacon = client.post(
        "/readership/hit/",
        {"article": hidden.pk, "reader": "abcdefgh1234"},
        HTTP_USER_AGENT=BROWSER,  # a bot's beacon is ignored before the article is looked up
    )
    if beacon.status_code != 404:
        found.append(f"view beacon answers {beacon.status_code}")
    return found


def my_comments_leaks(client, paper, hidden_marks):
    """A reader's own comments (내 댓글 모음) show nothing of it either."""
    client.force_login(paper.reader)
    mine = client.get("/comments/mine/").content.decode()
    client.logout()
    found = [f"내 댓글 모음 shows {mark!r}" for mark in hidden_marks if mark in mine]
    if paper.control.title not in mine:
        found.append("내 댓글 모음: the live article's comment is missing")
    return found


def assert_hidden_everywhere(client, paper, hidden, hidden_marks=None):
    problems = leaks(client, paper, hidden, hidden_marks or marks(hidden))
    assert not problems, "\n".join(problems)


def assert_shown(client, paper, article):
    """The other way round: once live, the article is where readers look."""
    assert client.get(article.url).status_code == 200
    for name, url in [
        ("section", paper.section.url),
        ("feed", "/rss/"),
        ("search", f"/search/?q={WORD}"),
        ("API", "/api/v2/pages/?type=news.ArticlePage&fields=title"),
        ("sitemap", "/sitemap.xml"),
    ]:
        text = client.get(url).content.decode()
        assert article.title in text or article.url in text, name
    assert client.get(f"/articles/{article.article_number}/").status_code == 301


def test_a_scheduled_article_is_nowhere_until_its_time(client, paper):
    hidden = paper.unpublished_article(HIDDEN_TITLE)
    schedule(hidden)
    paper.make_prominent(hidden)
    hidden = ArticlePage.objects.get(pk=hidden.pk)
    assert not hidden.live and hidden.scheduled_revision is not None

    assert_hidden_everywhere(client, paper, hidden)


def test_an_article_pulled_back_and_rescheduled_is_nowhere(client, paper):
    """Published too early, then taken down and scheduled: it has readers, views and comments."""
    hidden = paper.live_article(HIDDEN_TITLE)
    hidden.unpublish()
    hidden = ArticlePage.objects.get(pk=hidden.pk)
    schedule(hidden)
    paper.make_prominent(hidden)
    hidden = ArticlePage.objects.get(pk=hidden.pk)
    assert hidden.first_published_at is not None and not hidden.live

    assert_hidden_everywhere(client, paper, hidden)


def test_a_readers_own_comments_do_not_name_an_embargoed_article(client, paper):
    hidden = paper.unpublished_article("해오름다리 첫 보도")
    hidden.save_revision().publish()
    Comment.objects.create(article=hidden, author=paper.reader, text="첫 댓글")
    hidden = ArticlePage.objects.get(pk=hidden.pk)
    hidden.unpublish()
    assert not ArticlePage.objects.get(pk=hidden.pk).live
    hidden.title = HIDDEN_TITLE  # the embargoed version has a new headline
    schedule(hidden)

    problems = my_comments_leaks(client, paper, [HIDDEN_TITLE, "해오름다리 첫 보도"])
    assert not problems, "\n".join(problems)


def test_a_scheduled_change_to_a_live_article_is_nowhere_until_its_time(client, paper):
    """The live version stays as it was; the embargoed headline and text show nowhere."""
    article = paper.live_article("해오름다리 안전 점검")
    article.title = HIDDEN_TITLE
    article.body = [("paragraph", RichText("<p>엠바고 본문: 2단계 착공 일정.</p>"))]
    schedule(article)

    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live and live.title == "해오름다리 안전 점검"
    problems = [
        problem
        for problem in leaks(client, paper, live, [HIDDEN_MARK, "엠바고 본문"])
        if " answers " not in problem  # its own address rightly works: it is live
    ]
    assert not problems, "\n".join(problems)
    assert "해오름다리 안전 점검" in client.get(live.url).content.decode()
    assert client.get(f"/search/?q={HIDDEN_MARK}").content.decode().count(live.url) == 0


def test_when_its_time_comes_the_worker_shows_it_everywhere(client, paper):
    hidden = paper.unpublished_article(HIDDEN_TITLE)
    revision = schedule(hidden, hours=3)
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])

    assert worker.run_pass().published == 1

    assert_shown(client, paper, ArticlePage.objects.get(pk=hidden.pk))


def test_the_checks_see_a_live_article(client, paper):
    """The surface checks find an article that is live: they can fail."""
    live = paper.live_article(HIDDEN_TITLE)
    problems = leaks(client, paper, live, marks(live))
    assert any("section" in problem for problem in problems)
    assert any("page (" in problem for problem in problems)
    assert_shown(client, paper, live)


def test_a_tag_only_the_embargoed_article_carries_is_unknown(client, paper):
    """Its keyword alone would give the story away: no tag page, no tag feed."""
    hidden = paper.unpublished_article(HIDDEN_TITLE)
    hidden.tags.add("해오름다리2단계")
    schedule(hidden)

    for url in ("/tags/해오름다리2단계/", "/rss/tag/해오름다리2단계/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "해오름다리2단계" not in response.content.decode(), url
    assert client.get(f"/tags/{paper.tag}/").status_code == 200
    assert client.get(f"/rss/tag/{paper.tag}/").status_code == 200


def test_suggestions_are_json_without_the_hidden_title(client, paper):
    hidden = paper.unpublished_article(HIDDEN_TITLE)
    schedule(hidden)
    data = json.loads(client.get(f"/search/suggest/?q={WORD}").content)
    assert HIDDEN_TITLE not in json.dumps(data, ensure_ascii=False)
    assert paper.control.title in json.dumps(data, ensure_ascii=False)
