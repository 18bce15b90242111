"""Reader comments under the rules the seed page shows (개의 댓글, 0 / 400, 댓글 정렬, BEST댓글…)."""

import datetime
import re
import unicodedata
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from newsroom import add_article
from wagtail.models import ModelLogEntry, PageViewRestriction

from accounts.models import ReaderProfile
from comments.actions import post_comment, report_comment, toggle_like
from comments.models import BannedWord, Comment, CommentSettings
from comments.rules import CommentRefused, length

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<a href='http://evil.example'>클릭</a> http://evil.example",
]


def make_reader(name, email=None):
    user = User.objects.create_user(
        username=name, email=email or f"{name.lower()}@example.com", password="pw-읽기-1234"
    )
    ReaderProfile.objects.create(user=user, display_name=name)
    return user


@pytest.fixture
def article(sections, reporter, masthead):
    return add_article(sections["daejeon"], title="대전산단 대개조", reporters=[reporter])


@pytest.fixture
def reader(db):
    return make_reader("독자하나")


@pytest.fixture
def other(db):
    return make_reader("독자둘")


@pytest.fixture
def as_reader(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def settings_row(site):
    settings = CommentSettings.load()
    settings.min_interval_seconds = 0
    settings.save()
    return settings


def fragment(client, article, **params):
    return client.get(reverse("comments:fragment", args=[article.pk]), params)


def post(client, article, text, parent=None, json=True):
    data = {"text": text}
    if parent:
        data["parent"] = parent.pk
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(reverse("comments:post", args=[article.pk]), data, **headers)


def later(seconds):
    """Pretend `seconds` have passed (for the pace and edit-window rules)."""
    return mock.patch(
        "django.utils.timezone.now",
        return_value=datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=seconds),
    )


# The article page itself


def test_article_page_is_the_same_for_every_reader_and_loads_comments(client, article, reader):
    anonymous = client.get(article.url).content.decode()
    client.force_login(reader)
    logged_in = client.get(article.url).content.decode()
    strip_csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip_csrf.sub("", anonymous) == strip_csrf.sub("", logged_in)
    assert f'data-comments-src="/comments/article/{article.pk}/fragment/"' in anonymous
    # Without JavaScript the comments are a plain link away.
    assert f'href="/comments/article/{article.pk}/"' in anonymous
    assert "js/comments.js" in anonymous


def test_fragment_shows_count_counter_sort_and_rules_text(as_reader, article, other, settings_row):
    post_comment(article, other, "첫 댓글")
    html = fragment(as_reader, article).content.decode()
    assert "<strong>1</strong>개의 댓글" in html
    assert "<span data-count>0</span> / 400" in html
    assert "댓글 정렬" in html
    for label in ("최신순", "과거순", "추천순"):
        assert label in html
    assert "삭제한 댓글은 다시 복구할 수 없습니다." in html
    assert "그래도 삭제하시겠습니까?" in html
    assert "댓글 수정은 작성 후 1분내에만 가능합니다." in html
    assert "내 댓글 모음" in html


def test_fragment_is_private_and_never_cached(client, article):
    response = fragment(client, article)
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_anonymous_readers_see_comments_and_a_login_prompt_back_to_the_article(
    client, article, reader, settings_row
):
    post_comment(article, reader, "읽을 수 있는 댓글")
    html = fragment(client, article).content.decode()
    assert "읽을 수 있는 댓글" in html
    assert "<textarea" not in html
    login = re.search(r'href="(/accounts/login/\?next=[^"]+)"', html).group(1)
    assert "next=" + f"{article.url}#comments".replace("/", "%2F").replace("#", "%23") in login


def test_anonymous_post_is_refused_with_a_login_link(client, article):
    response = post(client, article, "몰래 쓰기")
    assert response.status_code == 401
    assert response.json()["error"] == "로그인한 독자만 할 수 있습니다."
    assert not Comment.objects.exists()


def test_drafts_and_private_articles_have_no_comment_section(client, sections, reader):
    draft = add_article(sections["daejeon"], title="엠바고 기사")
    draft.unpublish()
    assert fragment(client, draft).status_code == 404
    private = add_article(sections["daejeon"], title="비공개 기사")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert fragment(client, private).status_code == 404
    client.force_login(reader)
    assert post(client, draft, "새어 나가면 안 됨").status_code == 404


# Length: 400 grapheme clusters, as a reader counts


def test_length_counts_grapheme_clusters():
    assert length("한글") == 2
    assert length("👍🏽") == 1
    assert length("👨‍👩‍👧") == 1
    assert length("🇰🇷") == 1
    decomposed = unicodedata.normalize("NFD", "한")  # ᄒ + ᅡ + ᆫ, as macOS may send it
    assert len(decomposed) == 3
    assert length(decomposed) == 1


def test_400_characters_with_emoji_are_accepted(as_reader, article, settings_row):
    text = "가" * 390 + "👨‍👩‍👧" * 10
    assert len(text) > 400  # code points: more than 400, graphemes: exactly 400
    response = post(as_reader, article, text)
    assert response.status_code == 200, response.content
    assert Comment.objects.get().text == text


def test_401_characters_are_refused_never_truncated(as_reader, article, settings_row):
    response = post(as_reader, article, "가" * 400 + "👍🏽")
    assert response.status_code == 400
    assert response.json()["error"] == (
        "댓글은 400자까지 쓸 수 있습니다. 지금 401자입니다 (1자를 줄여 주세요)."
    )
    assert not Comment.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "\u3000"])
def test_empty_or_whitespace_only_is_refused(as_reader, article, text, settings_row):
    response = post(as_reader, article, text)
    assert response.status_code == 400
    assert response.json()["error"] == "댓글 내용을 입력해 주세요."
    assert not Comment.objects.exists()


@pytest.mark.parametrize("text", ["정상\x00널", "오른쪽\u202e왼쪽", "벨\x07소리"])
def test_control_characters_and_direction_overrides_are_refused(
    as_reader, article, text, settings_row
):
    response = post(as_reader, article, text)
    assert response.status_code == 400
    assert "제어 문자" in response.json()["error"]
    assert not Comment.objects.exists()


def test_without_javascript_a_refused_comment_keeps_the_readers_text(
    as_reader, article, settings_row
):
    text = "가" * 401
    response = post(as_reader, article, text, json=False)
    assert response.status_code == 400
    html = response.content.decode()
    assert "401자" in html
    assert f">{text}</textarea>" in html
    assert "<span data-count>401</span> / 400" in html


def test_without_javascript_a_comment_posts_and_redirects_to_it(as_reader, article, settings_row):
    response = post(as_reader, article, "자바스크립트 없이", json=False)
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"?focus={comment.pk}#comment-{comment.pk}")
    page = as_reader.get(response["Location"])
    assert "댓글을 등록했습니다." in page.content.decode()
    assert "자바스크립트 없이" in page.content.decode()


# Escaping


@pytest.mark.parametrize("payload", XSS)
def test_comment_text_is_escaped_and_never_linked(as_reader, article, payload, settings_row):
    assert post(as_reader, article, payload).status_code == 200
    html = fragment(as_reader, article).content.decode()
    assert payload not in html or "<" not in payload and "&" not in payload
    assert "<script>alert" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'href="http://evil.example"' not in html
    assert 'href="javascript:' not in html


def test_line_breaks_survive_as_breaks_only(as_reader, article, settings_row):
    post(as_reader, article, "첫 줄\n둘째 줄")
    assert "첫 줄<br>둘째 줄" in fragment(as_reader, article).content.decode()


# Count, sort, pagination


def test_count_sort_and_more(as_reader, article, reader, other, settings_row):
    CommentSettings.objects.update(page_size=2, best_count=0)
    base = timezone.now() - datetime.timedelta(hours=1)
    comments = [
        Comment.objects.create(
            article=article, author=other, text=f"댓글{i}", created_at=base + datetime.timedelta(i)
        )
        for i in range(5)
    ]
    Comment.objects.filter(pk=comments[1].pk).update(like_count=9)
    html = fragment(as_reader, article).content.decode()
    assert "<strong>5</strong>개의 댓글" in html
    assert html.index("댓글4") < html.index("댓글3")
    assert "댓글2" not in html
    assert "더보기" in html
    oldest = fragment(as_reader, article, sort="oldest").content.decode()
    assert oldest.index("댓글0") < oldest.index("댓글1")
    liked = fragment(as_reader, article, sort="likes").content.decode()
    assert liked.index("댓글1") < liked.index("댓글4")
    more = fragment(as_reader, article, page=3, items=1).content.decode()
    assert "댓글0" in more
    assert "더보기" not in more
    assert "개의 댓글" not in more


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999999999999999999", "2.5", ""])
def test_any_page_number_is_safe(client, article, page):
    assert fragment(client, article, page=page).status_code == 200
    assert (
        client.get(reverse("comments:thread", args=[article.pk]), {"page": page}).status_code == 200
    )


@pytest.mark.parametrize("value", ["²", "١٢", "-1", "9" * 40, "1e3", "\x00"])
def test_odd_comment_ids_are_ignored_not_errors(as_reader, article, value, settings_row):
    assert fragment(as_reader, article, focus=value).status_code == 200
    response = as_reader.post(
        reverse("comments:post", args=[article.pk]),
        {"text": "답글 아님", "parent": value},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert Comment.objects.get().parent_id is None


def test_unknown_sort_falls_back_to_newest(client, article):
    response = fragment(client, article, sort="'; DROP TABLE")
    assert response.status_code == 200
    assert 'data-sort="newest"' in response.content.decode()


# Replies


def test_replies_are_one_level_deep(as_reader, article, reader, other, settings_row):
    top = post_comment(article, other, "원댓글")
    reply = post_comment(article, reader, "답글", parent_id=top.pk)
    reply_to_reply = post_comment(article, other, "답글의 답글", parent_id=reply.pk)
    assert reply.parent_id == top.pk
    assert reply_to_reply.parent_id == top.pk
    top.refresh_from_db()
    assert top.reply_count == 2
    html = fragment(as_reader, article).content.decode()
    assert "<strong>3</strong>개의 댓글" in html
    assert html.count('class="comment comment--reply"') == 2


def test_reply_to_another_articles_comment_is_refused(as_reader, article, sections, other):
    elsewhere = add_article(sections["daejeon"], title="다른 기사")
    foreign = post_comment(elsewhere, other, "다른 기사 댓글")
    response = post(as_reader, article, "엉뚱한 답글", parent=foreign)
    assert response.status_code == 404
    assert Comment.objects.count() == 1


# Likes


def test_like_once_per_reader_toggled(as_reader, article, other, settings_row):
    comment = post_comment(article, other, "추천해 주세요")
    url = reverse("comments:like", args=[comment.pk])
    first = as_reader.post(url, HTTP_ACCEPT="application/json").json()
    assert (first["liked"], first["like_count"]) == (True, 1)
    second = as_reader.post(url, HTTP_ACCEPT="application/json").json()
    assert (second["liked"], second["like_count"]) == (False, 0)
    third = as_reader.post(url, HTTP_ACCEPT="application/json").json()
    assert third["like_count"] == 1
    comment.refresh_from_db()
    assert comment.like_count == comment.likes.count() == 1
    assert 'aria-pressed="true"' in fragment(as_reader, article).content.decode()


def test_own_comment_cannot_be_liked(as_reader, article, reader, settings_row):
    comment = post_comment(article, reader, "내 댓글")
    with pytest.raises(CommentRefused):
        toggle_like(comment, reader)


def test_like_requires_post(as_reader, article, other, settings_row):
    comment = post_comment(article, other, "GET으로는 안 됨")
    assert as_reader.get(reverse("comments:like", args=[comment.pk])).status_code == 405


# BEST댓글


def test_best_comments_rank_by_replies_plus_likes_with_settings(
    as_reader, article, reader, other, settings_row
):
    CommentSettings.objects.update(best_count=2, best_min_score=3)
    plain = post_comment(article, other, "평범한 댓글")
    liked = post_comment(article, other, "추천 많은 댓글")
    discussed = post_comment(article, other, "답글 많은 댓글")
    Comment.objects.filter(pk=liked.pk).update(like_count=5)
    Comment.objects.filter(pk=discussed.pk).update(like_count=2, reply_count=2)
    Comment.objects.filter(pk=plain.pk).update(like_count=2)  # score 2 < minimum 3
    html = fragment(as_reader, article).content.decode()
    best = html[html.index("BEST댓글") : html.index("전체 댓글")]
    assert "답글과 추천수를 합산하여 자동으로 노출됩니다" in best
    assert best.index("추천 많은 댓글") < best.index("답글 많은 댓글")
    assert "평범한 댓글" not in best
    CommentSettings.objects.update(best_count=1)
    best = fragment(as_reader, article).content.decode()
    best = best[best.index("BEST댓글") : best.index("전체 댓글")]
    assert "답글 많은 댓글" not in best


def test_no_best_section_below_the_minimum(as_reader, article, other, settings_row):
    post_comment(article, other, "조용한 댓글")
    assert "BEST댓글" not in fragment(as_reader, article).content.decode()


# Edit within one minute


def test_edit_at_59_seconds_is_allowed(as_reader, article, reader, settings_row):
    comment = post_comment(article, reader, "오타 있는 댓긇")
    url = reverse("comments:edit", args=[comment.pk])
    with later(59):
        response = as_reader.post(url, {"text": "고친 댓글"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.text == "고친 댓글"
    assert comment.edited_at is not None


def test_edit_at_61_seconds_is_refused_by_the_server(as_reader, article, reader, settings_row):
    comment = post_comment(article, reader, "원래 댓글")
    url = reverse("comments:edit", args=[comment.pk])
    with later(61):
        response = as_reader.post(url, {"text": "늦은 수정"}, HTTP_ACCEPT="application/json")
        html = fragment(as_reader, article).content.decode()
    assert response.status_code == 403
    assert response.json()["error"] == "댓글 수정은 작성 후 1분내에만 가능합니다."
    comment.refresh_from_db()
    assert comment.text == "원래 댓글"
    assert f'href="/comments/{comment.pk}/edit/"' not in html  # the button is gone too


def test_edit_keeps_the_length_rule(as_reader, article, reader, settings_row):
    comment = post_comment(article, reader, "짧은 댓글")
    response = as_reader.post(
        reverse("comments:edit", args=[comment.pk]),
        {"text": "가" * 401},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.text == "짧은 댓글"


def test_another_readers_comment_cannot_be_edited_or_deleted(
    as_reader, article, other, settings_row
):
    comment = post_comment(article, other, "남의 댓글")
    edit = as_reader.post(
        reverse("comments:edit", args=[comment.pk]),
        {"text": "바꿔치기"},
        HTTP_ACCEPT="application/json",
    )
    delete = as_reader.post(
        reverse("comments:delete", args=[comment.pk]), HTTP_ACCEPT="application/json"
    )
    assert edit.status_code == 403
    assert delete.status_code == 403
    comment.refresh_from_db()
    assert (comment.text, comment.status) == ("남의 댓글", Comment.Status.VISIBLE)
    assert as_reader.get(reverse("comments:delete", args=[comment.pk])).status_code == 403


# Delete


def test_delete_without_replies_disappears(as_reader, article, reader, settings_row):
    comment = post_comment(article, reader, "지울 댓글")
    confirm = as_reader.get(reverse("comments:delete", args=[comment.pk])).content.decode()
    assert "삭제한 댓글은 다시 복구할 수 없습니다." in confirm
    response = as_reader.post(
        reverse("comments:delete", args=[comment.pk]), HTTP_ACCEPT="application/json"
    )
    assert response.json()["message"] == "댓글을 삭제했습니다."
    html = fragment(as_reader, article).content.decode()
    assert "지울 댓글" not in html
    assert "삭제된 댓글입니다" not in html
    assert "<strong>0</strong>개의 댓글" in html


def test_delete_with_replies_leaves_a_placeholder(as_reader, article, reader, other, settings_row):
    comment = post_comment(article, reader, "답글 달린 댓글")
    post_comment(article, other, "남는 답글", parent_id=comment.pk)
    as_reader.post(reverse("comments:delete", args=[comment.pk]), HTTP_ACCEPT="application/json")
    html = fragment(as_reader, article).content.decode()
    assert "답글 달린 댓글" not in html
    assert "삭제된 댓글입니다" in html
    assert "남는 답글" in html
    assert "<strong>1</strong>개의 댓글" in html


def test_deleting_the_last_reply_of_a_deleted_comment_removes_the_placeholder(
    article, reader, other, settings_row, client
):
    comment = post_comment(article, reader, "원댓글")
    reply = post_comment(article, other, "답글", parent_id=comment.pk)
    comment.change_status(Comment.Status.DELETED, user=reader, action="comments.delete")
    reply.change_status(Comment.Status.DELETED, user=other, action="comments.delete")
    comment.refresh_from_db()
    assert comment.reply_count == 0
    assert "삭제된 댓글입니다" not in fragment(client, article).content.decode()


# Reports


def test_report_once_with_a_reason_and_hide_at_the_threshold(article, other, settings_row):
    CommentSettings.objects.update(report_threshold=2)
    comment = post_comment(article, other, "문제의 댓글")
    first, second = make_reader("신고자하나"), make_reader("신고자둘")
    report_comment(comment, first, "abuse", "욕설이 있습니다")
    with pytest.raises(CommentRefused, match="이미 신고한 댓글입니다."):
        report_comment(comment, first, "spam")
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Comment.Status.VISIBLE, 1)
    report_comment(comment, second, "spam")
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Comment.Status.PENDING, 2)


def test_report_needs_a_known_reason(as_reader, article, other, settings_row):
    comment = post_comment(article, other, "댓글")
    response = as_reader.post(
        reverse("comments:report", args=[comment.pk]),
        {"reason": "nonsense"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"] == "신고 사유를 골라 주세요."
    assert not comment.reports.exists()


def test_hidden_comment_is_gone_for_readers(client, article, other, settings_row):
    CommentSettings.objects.update(report_threshold=1)
    comment = post_comment(article, other, "숨겨질 댓글")
    report_comment(comment, make_reader("신고자"), "abuse")
    html = fragment(client, article).content.decode()
    assert "숨겨질 댓글" not in html
    assert "<strong>0</strong>개의 댓글" in html


# Banned words


def test_banned_word_is_refused_without_repeating_it(as_reader, article, settings_row):
    BannedWord.objects.create(word="바보멍청이")
    for text in ("이 바보멍청이야", "바 보 멍 청 이", "바.보.멍.청.이", "ＢＡＤ 바보멍청이"):
        response = post(as_reader, article, text)
        assert response.status_code == 400
        error = response.json()["error"]
        assert "쓸 수 없는 표현" in error
        assert "바보" not in error
    assert not Comment.objects.exists()


# Rate limits


def test_one_comment_per_15_seconds(as_reader, article, site):
    assert post(as_reader, article, "첫 번째").status_code == 200
    response = post(as_reader, article, "너무 빠른 두 번째")
    assert response.status_code == 429
    assert re.fullmatch(
        r"댓글은 15초에 한 번 쓸 수 있습니다\. 1?\d초 뒤에 다시 써 주세요\.",
        response.json()["error"],
    )
    with later(16):
        assert post(as_reader, article, "기다린 두 번째").status_code == 200
    assert Comment.objects.count() == 2


def test_thirty_comments_an_hour(as_reader, article, reader, site):
    CommentSettings.objects.update(min_interval_seconds=0)
    start = timezone.now() - datetime.timedelta(minutes=50)
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author=reader,
            text=f"{i}",
            created_at=start + datetime.timedelta(minutes=i),
        )
        for i in range(30)
    )
    response = post(as_reader, article, "서른한 번째")
    assert response.status_code == 429
    again = timezone.localtime(start + datetime.timedelta(hours=1)).strftime("%H:%M")
    assert (
        response.json()["error"]
        == f"한 시간에 30개까지 쓸 수 있습니다. {again} 이후에 다시 써 주세요."
    )
    with later(11 * 60):
        assert post(as_reader, article, "한 시간이 지나고").status_code == 200


def test_comments_switched_off_per_article(as_reader, article, settings_row):
    article.comments_open = False
    article.save_revision().publish()
    response = post(as_reader, article, "닫힌 기사")
    assert response.status_code == 403
    assert response.json()["error"] == "이 기사는 댓글을 받지 않습니다."
    assert "이 기사는 댓글을 받지 않습니다." in fragment(as_reader, article).content.decode()


def test_csrf_is_enforced(reader, article, settings_row):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = post(client, article, "CSRF 없이")
    assert response.status_code == 403
    assert not Comment.objects.exists()


# 내 댓글 모음


def test_my_comments_lists_own_comments_newest_first_with_links(
    as_reader, article, reader, other, settings_row
):
    older = post_comment(article, reader, "예전 댓글")
    Comment.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1)
    )
    newer = post_comment(article, reader, "최근 댓글")
    post_comment(article, other, "남의 댓글")
    html = as_reader.get(reverse("comments:mine")).content.decode()
    assert html.index("최근 댓글") < html.index("예전 댓글")
    assert "남의 댓글" not in html
    assert f'href="{article.url}#comment-{newer.pk}"' in html


def test_my_comments_needs_login(client, db):
    response = client.get(reverse("comments:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_linked_comment_is_shown_even_when_not_on_the_first_page(
    as_reader, article, reader, other, settings_row
):
    CommentSettings.objects.update(page_size=1)
    mine = post_comment(article, reader, "찾아갈 댓글")
    Comment.objects.filter(pk=mine.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1)
    )
    post_comment(article, other, "새 댓글")
    html = fragment(as_reader, article, focus=mine.pk).content.decode()
    assert "선택한 댓글" in html
    assert f'id="comment-{mine.pk}"' in html


# Log


def test_every_reader_action_is_logged(as_reader, article, reader, other, settings_row):
    comment = post_comment(article, reader, "기록될 댓글")
    as_reader.post(
        reverse("comments:edit", args=[comment.pk]),
        {"text": "고친 댓글"},
        HTTP_ACCEPT="application/json",
    )
    theirs = post_comment(article, other, "남의 댓글")
    toggle_like(theirs, reader)
    report_comment(theirs, reader, "spam")
    as_reader.post(reverse("comments:delete", args=[comment.pk]), HTTP_ACCEPT="application/json")
    actions = list(
        ModelLogEntry.objects.filter(user=reader)
        .order_by("timestamp", "id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "comments.post",
        "comments.edit",
        "comments.like",
        "comments.report",
        "comments.delete",
    ]
    edit = ModelLogEntry.objects.get(action="comments.edit")
    assert edit.data == {"before": "기록될 댓글", "text": "고친 댓글"}


# Query budget


def test_comment_section_reads_a_fixed_number_of_queries(
    as_reader, article, reader, other, settings_row, django_assert_max_num_queries
):
    def grow(n):
        for i in range(n):
            top = Comment.objects.create(
                article=article, author=other, text=f"댓글 {i}", like_count=i
            )
            Comment.objects.create(article=article, author=reader, text="답글", parent=top)
            Comment.objects.filter(pk=top.pk).update(reply_count=1)
            toggle_like(top, reader)

    grow(2)
    with django_assert_max_num_queries(14) as few:
        fragment(as_reader, article)
    grow(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = fragment(as_reader, article)
    assert response.status_code == 200
