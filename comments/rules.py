"""What a comment may be: its text, its length as a reader counts it, its words, its pace.

Every refusal is a CommentRefused with a Korean message for the reader and the
HTTP status the view answers with.
"""

import unicodedata

import regex
from django.utils import timezone
from django.utils.formats import date_format

from .models import EDIT_WINDOW_SECONDS, MAX_LENGTH, BannedWord, Comment

GRAPHEME = regex.compile(r"\X")
# Control characters other than line breaks and tabs, and the bidirectional
# overrides that make text display in an order other than the one it is stored in.
FORBIDDEN = regex.compile(r"[^\P{Cc}\n\t]|[\u202a-\u202e\u2066-\u2069]")
IGNORED_IN_BANNED_WORDS = regex.compile(r"[\s\p{P}\p{S}\p{Cf}]+")


class CommentRefused(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def length(text):
    """Characters as a reader counts them: grapheme clusters (한, 👍🏽 and 👨‍👩‍👧 are one each)."""
    return len(GRAPHEME.findall(text))


def clean_text(text):
    """The text as stored: NFC, Windows line breaks made plain, outer whitespace trimmed."""
    text = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    text = text.strip()
    if not text:
        raise CommentRefused("댓글 내용을 입력해 주세요.")
    if FORBIDDEN.search(text):
        raise CommentRefused(
            "보이지 않는 제어 문자는 댓글에 쓸 수 없습니다. 지우고 다시 써 주세요."
        )
    count = length(text)
    if count > MAX_LENGTH:
        raise CommentRefused(
            f"댓글은 {MAX_LENGTH}자까지 쓸 수 있습니다. 지금 {count:,}자입니다 "
            f"({count - MAX_LENGTH:,}자를 줄여 주세요)."
        )
    return text


def fold_for_matching(text):
    """What banned words are matched on: NFKC, case-folded, without spaces, punctuation or symbols."""
    return IGNORED_IN_BANNED_WORDS.sub("", unicodedata.normalize("NFKC", text).casefold())


def check_banned_words(text):
    """Refuse text holding a banned word, also when spaced or dotted out (바 보, 바.보)."""
    folded = fold_for_matching(text)
    for word in BannedWord.objects.values_list("word", flat=True):
        needle = fold_for_matching(word)
        if needle and needle in folded:
            # Never repeat the word: the message would print what we refuse to publish.
            raise CommentRefused(
                "운영 원칙상 쓸 수 없는 표현이 들어 있습니다. 표현을 고쳐 다시 써 주세요."
            )


def check_pace(user, settings, now=None):
    """At most one comment per `min_interval_seconds` and `hourly_limit` an hour."""
    now = now or timezone.now()
    hour_ago = now - timezone.timedelta(hours=1)
    recent = list(
        Comment.objects.filter(author=user, created_at__gt=hour_ago)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[: settings.hourly_limit]
    )
    if recent:
        wait = settings.min_interval_seconds - (now - recent[0]).total_seconds()
        if wait > 0:
            seconds = max(1, round(wait))
            raise CommentRefused(
                f"댓글은 {settings.min_interval_seconds}초에 한 번 쓸 수 있습니다. "
                f"{seconds}초 뒤에 다시 써 주세요.",
                status=429,
            )
    if len(recent) >= settings.hourly_limit:
        again = timezone.localtime(recent[-1] + timezone.timedelta(hours=1))
        raise CommentRefused(
            f"한 시간에 {settings.hourly_limit}개까지 쓸 수 있습니다. "
            f"{date_format(again, 'H:i')} 이후에 다시 써 주세요.",
            status=429,
        )


def check_editable(comment, user, now=None):
    if comment.author_id != user.pk:
        raise CommentRefused("내가 쓴 댓글만 고칠 수 있습니다.", status=403)
    if not comment.is_visible:
        raise CommentRefused("삭제되었거나 숨겨진 댓글은 고칠 수 없습니다.", status=403)
    if (now or timezone.now()) >= comment.edit_deadline:
        raise CommentRefused(
            f"댓글 수정은 작성 후 {EDIT_WINDOW_SECONDS // 60}분내에만 가능합니다.", status=403
        )
