"""The comment section and what readers do in it.

The article page itself is the same for every reader (so it can be cached);
its comment section is loaded from `thread_fragment` by comments.js. Without
JavaScript, `thread` is the same section as a page of its own, and every
action works as a plain form that redirects back to it.

Actions answer JSON when the script asks for it (Accept: application/json),
and otherwise redirect (303) or show the refusal with the reader's text kept.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from news.models import ArticlePage

from .actions import delete_comment, edit_comment, post_comment, report_comment, toggle_like
from .models import (
    EDIT_WINDOW_SECONDS,
    MAX_LENGTH,
    Comment,
    CommentLike,
    CommentReport,
    CommentSettings,
)
from .rules import CommentRefused

SORTS = {
    "newest": ("최신순", ["-created_at", "-id"]),
    "oldest": ("과거순", ["created_at", "id"]),
    "likes": ("추천순", ["-like_count", "-created_at", "-id"]),
}
MY_COMMENTS_PAGE_SIZE = 20


def _article(article_id):
    """A live, public article; drafts, embargoed and private pages have no comment section."""
    article = ArticlePage.objects.live().public().filter(pk=article_id).first()
    if article is None:
        raise Http404("기사를 찾을 수 없습니다.")
    return article


def _page_number(value):
    try:
        return max(1, min(int(value), 10_000))
    except (TypeError, ValueError):
        return 1


def _comment_id(value):
    """An id from a form or query string, or None (ASCII digits only: "²".isdigit() too)."""
    value = value or ""
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def _with_authors(queryset):
    return queryset.select_related("author__reader_profile")


class Thread:
    """Everything the comment section shows, read in a fixed number of queries."""

    def __init__(self, request, article, *, sort="newest", page=1, focus=None):
        self.request = request
        self.article = article
        self.sort = sort if sort in SORTS else "newest"
        self.page = page
        self.settings = CommentSettings.load(request_or_site=request)
        self.page_size = self.settings.page_size
        comments = Comment.objects.filter(article=article)
        self.count = comments.filter(status=Comment.Status.VISIBLE).count()
        # A removed comment stays, as a placeholder, while it has visible replies.
        shown = comments.filter(parent=None).filter(
            Q(status=Comment.Status.VISIBLE) | Q(reply_count__gt=0)
        )
        start = (page - 1) * self.page_size
        rows = list(
            _with_authors(shown.order_by(*SORTS[self.sort][1]))[start : start + self.page_size + 1]
        )
        self.has_more = len(rows) > self.page_size
        self.comments = rows[: self.page_size]
        self.best = self._best(comments) if page == 1 else []
        self.focused = self._focused(comments, focus)
        threads = self.comments + self.focused
        replies = _with_authors(
            Comment.objects.filter(
                parent__in=[c.pk for c in threads], status=Comment.Status.VISIBLE
            ).order_by("created_at", "id")
        )
        by_parent = {}
        for reply in replies:
            by_parent.setdefault(reply.parent_id, []).append(reply)
        for comment in threads:
            comment.shown_replies = by_parent.get(comment.pk, [])
        self._mark_reader_state(threads + self.best + [r for rs in by_parent.values() for r in rs])

    def _best(self, comments):
        if not self.settings.best_count:
            return []
        score = F("like_count") + F("reply_count")
        return list(
            _with_authors(
                comments.filter(parent=None, status=Comment.Status.VISIBLE)
                .alias(score=score)
                .filter(score__gte=max(1, self.settings.best_min_score))
                .order_by("-score", "created_at")
            )[: self.settings.best_count]
        )

    def _focused(self, comments, focus):
        """The thread of a linked comment (내 댓글 모음 → #comment-N) when not on this page."""
        if not focus or any(c.pk == focus for c in self.comments):
            return []
        target = comments.filter(pk=focus).values_list("pk", "parent_id").first()
        if target is None:
            return []
        top = target[1] or target[0]
        if any(c.pk == top for c in self.comments):
            return []
        return list(
            _with_authors(comments.filter(pk=top)).filter(
                Q(status=Comment.Status.VISIBLE) | Q(reply_count__gt=0)
            )
        )

    def _mark_reader_state(self, comments):
        user = self.request.user
        ids = {c.pk for c in comments}
        liked = reported = set()
        if user.is_authenticated and ids:
            liked = set(
                CommentLike.objects.filter(user=user, comment_id__in=ids).values_list(
                    "comment_id", flat=True
                )
            )
            reported = set(
                CommentReport.objects.filter(user=user, comment_id__in=ids).values_list(
                    "comment_id", flat=True
                )
            )
        for comment in comments:
            comment.liked = comment.pk in liked
            comment.reported = comment.pk in reported
            comment.editable = comment.can_edit(user)
            comment.deletable = comment.can_delete(user)
            comment.own = user.is_authenticated and comment.author_id == user.pk

    def url(self, name, **params):
        query = {"sort": self.sort, **params}
        return reverse(name, args=[self.article.pk]) + "?" + urlencode(query)

    def context(self, **extra):
        user = self.request.user
        article_url = self.article.get_url(self.request) or "/"
        return {
            "article": self.article,
            "article_url": article_url,
            "thread": self,
            "sorts": [
                (key, label, self.url("comments:thread"), key == self.sort)
                for key, (label, _order) in SORTS.items()
            ],
            "more_url": self.url("comments:fragment", page=self.page + 1, items=1),
            "more_page_url": self.url("comments:thread", page=self.page + 1),
            "max_length": MAX_LENGTH,
            "edit_window_seconds": EDIT_WINDOW_SECONDS,
            "report_reasons": CommentReport.Reason.choices,
            "login_url": reverse("account_login")
            + "?"
            + urlencode({"next": article_url + "#comments"}),
            "needs_display_name": user.is_authenticated and not hasattr(user, "reader_profile"),
            **extra,
        }


def _private(response):
    """Comment sections differ per reader: never stored by a shared cache."""
    add_never_cache_headers(response)
    patch_vary_headers(response, ["Cookie"])
    return response


def _thread_from_request(request, article):
    focus = request.GET.get("focus", "")
    return Thread(
        request,
        article,
        sort=request.GET.get("sort", "newest"),
        page=_page_number(request.GET.get("page")),
        focus=_comment_id(focus),
    )


@require_GET
def thread_fragment(request, article_id):
    article = _article(article_id)
    thread = _thread_from_request(request, article)
    template = "comments/items.html" if request.GET.get("items") else "comments/section.html"
    return _private(render(request, template, thread.context()))


@require_GET
def thread(request, article_id):
    article = _article(article_id)
    thread = _thread_from_request(request, article)
    return _private(render(request, "comments/thread.html", thread.context()))


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _login_needed(request, article=None):
    target = request.headers.get("Referer") or (article.get_url(request) if article else "/")
    login_url = reverse("account_login") + "?" + urlencode({"next": target})
    if _wants_json(request):
        return JsonResponse(
            {"error": "로그인한 독자만 할 수 있습니다.", "login_url": login_url}, status=401
        )
    return redirect(login_url)


def _refused(request, error, template, context):
    if _wants_json(request):
        return _private(JsonResponse({"error": error.message}, status=error.status))
    return _private(
        render(request, template, {**context, "error": error.message}, status=error.status)
    )


def _done(request, comment, message, **data):
    if _wants_json(request):
        return _private(JsonResponse({"ok": True, "message": message, "id": comment.pk, **data}))
    messages.success(request, message)
    url = reverse("comments:thread", args=[comment.article_id]) + f"?focus={comment.pk}"
    return redirect(f"{url}#comment-{comment.pk}", permanent=False)


def _reader_comment(comment_id):
    return get_object_or_404(
        Comment.objects.select_related("article").filter(
            article__in=ArticlePage.objects.live().public()
        ),
        pk=comment_id,
    )


@require_POST
def post(request, article_id):
    article = _article(article_id)
    if not request.user.is_authenticated:
        return _login_needed(request, article)
    text = request.POST.get("text", "")
    parent = request.POST.get("parent", "")
    try:
        comment = post_comment(
            article,
            request.user,
            text,
            parent_id=_comment_id(parent),
        )
    except CommentRefused as error:
        thread = Thread(request, article)
        return _refused(
            request, error, "comments/thread.html", thread.context(draft=text, draft_parent=parent)
        )
    return _done(request, comment, "댓글을 등록했습니다.")


def edit(request, comment_id):
    comment = _reader_comment(comment_id)
    if not request.user.is_authenticated:
        return _login_needed(request, comment.article)
    context = {"comment": comment, "max_length": MAX_LENGTH, "text": comment.text}
    if request.method != "POST":
        if not comment.can_edit(request.user):
            error = CommentRefused(
                "내가 쓴 댓글만, 작성 후 1분내에만 고칠 수 있습니다.", status=403
            )
            return _refused(request, error, "comments/edit.html", context)
        return _private(render(request, "comments/edit.html", context))
    text = request.POST.get("text", "")
    try:
        comment = edit_comment(comment, request.user, text)
    except CommentRefused as error:
        return _refused(request, error, "comments/edit.html", {**context, "text": text})
    return _done(request, comment, "댓글을 고쳤습니다.")


def delete(request, comment_id):
    comment = _reader_comment(comment_id)
    if not request.user.is_authenticated:
        return _login_needed(request, comment.article)
    context = {"comment": comment}
    if comment.author_id != request.user.pk:
        error = CommentRefused("내가 쓴 댓글만 삭제할 수 있습니다.", status=403)
        return _refused(request, error, "comments/delete.html", context)
    if request.method != "POST":
        return _private(render(request, "comments/delete.html", context))
    try:
        delete_comment(comment, request.user)
    except CommentRefused as error:
        return _refused(request, error, "comments/delete.html", context)
    return _done(request, comment, "댓글을 삭제했습니다.")


@require_POST
def like(request, comment_id):
    comment = _reader_comment(comment_id)
    if not request.user.is_authenticated:
        return _login_needed(request, comment.article)
    try:
        liked, count = toggle_like(comment, request.user)
    except CommentRefused as error:
        return _refused(request, error, "comments/refused.html", {"comment": comment})
    message = "추천했습니다." if liked else "추천을 취소했습니다."
    return _done(request, comment, message, liked=liked, like_count=count)


def report(request, comment_id):
    comment = _reader_comment(comment_id)
    if not request.user.is_authenticated:
        return _login_needed(request, comment.article)
    context = {"comment": comment, "report_reasons": CommentReport.Reason.choices}
    if request.method != "POST":
        return _private(render(request, "comments/report.html", context))
    reason = request.POST.get("reason", "")
    detail = request.POST.get("detail", "")
    try:
        report_comment(comment, request.user, reason, detail)
    except CommentRefused as error:
        context.update(draft=detail, chosen=reason)
        return _refused(request, error, "comments/report.html", context)
    return _done(request, comment, "신고를 접수했습니다. 검토 후 처리하겠습니다.")


@login_required
@require_GET
def my_comments(request):
    """내 댓글 모음: the reader's comments, newest first, each linked to its place."""
    comments = (
        Comment.objects.filter(author=request.user)
        .exclude(status=Comment.Status.DELETED)
        .select_related("article")
        .order_by("-created_at", "-id")
    )
    page = Paginator(comments, MY_COMMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    for comment in page:
        url = comment.article.get_url(request) if comment.article.live else None
        comment.link = f"{url}#comment-{comment.pk}" if url else None
    return _private(render(request, "comments/my_comments.html", {"page_obj": page}))
