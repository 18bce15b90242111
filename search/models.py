"""The search dictionary editors keep: synonyms and user words (snippets in the admin)."""

from django.core.exceptions import ValidationError
from django.db import models

MAX_SYNONYM_WORDS = 20


def split_words(text):
    """`산단, 산업단지` → ['산단', '산업단지']: commas or new lines separate words."""
    words = []
    for part in text.replace("\n", ",").split(","):
        word = " ".join(part.split())
        if word and word not in words:
            words.append(word)
    return words


class SearchSynonym(models.Model):
    """Words that mean the same to a reader: a search for one finds all of them."""

    words = models.TextField(
        "같은 뜻의 낱말",
        help_text="쉼표로 구분합니다. 예: 산단, 산업단지. 저장하면 다음 검색부터 바로 적용됩니다.",
    )
    note = models.CharField("메모", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "검색 동의어"
        verbose_name_plural = "검색 동의어"
        ordering = ["words"]

    def __str__(self):
        return ", ".join(split_words(self.words))

    def clean(self):
        words = split_words(self.words)
        if len(words) < 2:
            raise ValidationError(
                {"words": "같은 뜻의 낱말을 두 개 이상 쉼표로 구분해 적어 주세요."}
            )
        if len(words) > MAX_SYNONYM_WORDS:
            raise ValidationError(
                {"words": f"한 묶음에는 낱말을 {MAX_SYNONYM_WORDS}개까지 적을 수 있습니다."}
            )
        too_long = [word for word in words if len(word) > 50]
        if too_long:
            raise ValidationError({"words": f"낱말은 50자까지입니다: {too_long[0][:20]}…"})


class SearchUserWord(models.Model):
    """A name the analyser must keep whole (local places, institutions): 한밭대, 으능정이."""

    word = models.CharField(
        "사용자 단어",
        max_length=50,
        unique=True,
        help_text="띄어쓰기 없이 한 단어로 적습니다. 기사 색인에 반영하려면 '검색 색인 다시 만들기'를 실행하세요.",
        error_messages={"unique": "이미 등록된 사용자 단어입니다."},
    )
    note = models.CharField("메모", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "검색 사용자 단어"
        verbose_name_plural = "검색 사용자 단어"
        ordering = ["word"]

    def __str__(self):
        return self.word

    def clean(self):
        self.word = self.word.strip()
        if not self.word or any(char.isspace() for char in self.word):
            raise ValidationError({"word": "띄어쓰기 없는 한 단어를 적어 주세요."})
