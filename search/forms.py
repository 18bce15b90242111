"""The reader's search query, validated like any other form input."""

from django import forms

MAX_QUERY_LENGTH = 100


class SearchForm(forms.Form):
    q = forms.CharField(
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        error_messages={
            "max_length": f"검색어는 {MAX_QUERY_LENGTH}자 이내로 입력해 주세요.",
            "null_characters_not_allowed": "검색어에 쓸 수 없는 문자가 들어 있습니다.",
        },
    )
    page = forms.CharField(required=False)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
