"""게재 예약 and 게재 종료 from the admin, as a desk editor uses them, honoured by the worker."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from newsroom import KST, add_article
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial import worker
from news.models import ArticlePage


@pytest.fixture
def desk(db):
    return get_user_model().objects.create_superuser(
        username="desk", email="desk@dailycc.net", password="pw"
    )


def admin_time(moment):
    """How the admin's date picker writes a time: KST, `2030.01.07 16:33`."""
    return timezone.localtime(moment, KST).strftime("%Y.%m.%d %H:%M")


def article_form(reporter, title="세종시, 행정수도 시민 토론회 연다", **overrides):
    data = {
        "title": title,
        "subtitle": "",
        "lead": "세종시가 시민 토론회를 연다.",
        "dateline": "세종",
        "article_reporters": inline_formset([{"reporter": reporter.pk}]),
        "series": "",
        "grade": "0",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "body": streamfield([("paragraph", rich_text("<p>토론회는 20일 열린다.</p>"))]),
        "main_image": "",
        "article_type": "news",
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def let_time_pass(article, hours=2):
    """The scheduled time is now `hours` in the past, as if nobody had looked meanwhile."""
    past = timezone.now() - datetime.timedelta(hours=hours)
    for revision in Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    ):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=past)


def minute(moment):
    return moment.replace(second=0, microsecond=0)


def test_the_desk_schedules_a_new_article_and_the_worker_publishes_it_once(
    client, desk, sections, reporter, masthead
):
    client.force_login(desk)
    go_live = minute(timezone.now() + datetime.timedelta(hours=3))
    add_url = reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", sections["daejeon"].pk)
    )

    response = client.post(add_url, article_form(reporter, go_live_at=admin_time(go_live)))

    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(title__startswith="세종시, 행정수도")
    assert not article.live
    # The picker's time is read as KST and stored as that instant.
    assert article.scheduled_revision.approved_go_live_at == go_live
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish.schedule").exists()
    client.logout()
    assert client.get(article.url).status_code == 404
    assert worker.run_pass().published == 0  # its time has not come

    let_time_pass(article)
    assert worker.run_pass().published == 1
    assert worker.run_pass().published == 0

    article.refresh_from_db()
    assert article.live and article.has_unpublished_changes is False
    assert (
        PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count() == 1
    )
    page = client.get(article.url)
    assert page.status_code == 200
    # 입력 is when it went live.
    published = timezone.localtime(article.first_published_at, KST)
    assert f">{published:%Y.%m.%d %H:%M}</time>" in page.content.decode()


def test_a_scheduled_change_to_a_live_article_shows_only_when_due(
    client, desk, sections, reporter, masthead
):
    article = add_article(sections["daejeon"], title="처음 제목", reporters=[reporter])
    client.force_login(desk)
    go_live = timezone.now() + datetime.timedelta(hours=1)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form(reporter, title="바뀐 제목", go_live_at=admin_time(go_live)),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    html = client.get(article.url).content.decode()
    assert "처음 제목" in html and "바뀐 제목" not in html

    let_time_pass(article)
    worker.run_pass()

    html = client.get(article.url).content.decode()
    assert "바뀐 제목" in html and "처음 제목" not in html


def test_cancelling_a_schedule_in_the_admin_keeps_the_article_off_line(
    client, desk, sections, reporter, masthead
):
    client.force_login(desk)
    go_live = timezone.now() + datetime.timedelta(hours=3)
    add_url = reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", sections["daejeon"].pk)
    )
    client.post(add_url, article_form(reporter, go_live_at=admin_time(go_live)))
    article = ArticlePage.objects.get()
    revision = article.scheduled_revision

    response = client.post(
        reverse("wagtailadmin_pages:revisions_unschedule", args=[article.pk, revision.pk])
    )

    assert response.status_code == 302
    let_time_pass(article)
    assert worker.run_pass().published == 0
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_an_expiry_set_in_the_admin_takes_the_article_down(
    client, desk, sections, reporter, masthead
):
    article = add_article(sections["daejeon"], title="곧 내릴 기사", reporters=[reporter])
    client.force_login(desk)
    expire = timezone.now() + datetime.timedelta(minutes=30)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form(reporter, title="곧 내릴 기사", expire_at=admin_time(expire)),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert worker.run_pass().expired == 0

    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert worker.run_pass().expired == 1

    article.refresh_from_db()
    assert not article.live and article.expired
    client.logout()
    assert client.get(article.url).status_code == 404


def test_a_past_time_in_the_schedule_publishes_at_once(client, desk, sections, reporter, masthead):
    """An editor who picks a time already gone publishes now: nothing waits for the worker."""
    client.force_login(desk)
    add_url = reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", sections["daejeon"].pk)
    )
    past = timezone.now() - datetime.timedelta(minutes=5)

    client.post(add_url, article_form(reporter, go_live_at=admin_time(past)))

    article = ArticlePage.objects.get()
    assert article.live
    assert worker.run_pass().published == 0


def test_the_schedule_fields_speak_the_newsrooms_words(client, desk, sections):
    article = add_article(sections["daejeon"], title="게재 일정 확인")
    client.force_login(desk)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "게재 시작" in html and "게재 종료" in html
    assert "라이브 날짜/시간으로 이동" not in html
