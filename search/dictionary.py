"""The analyser and query builder with the editors' current dictionary.

Synonyms and user words live in the database (search.models). Every process
keeps an analyser built from them and rebuilds it when the dictionary version
in the shared cache changes: saving a synonym in the admin takes effect for the
next query in every web worker. User words change how articles are indexed,
so the index follows after a reindex (manage.py rebuild_search_index, or the
admin's button).
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .analysis import KoreanAnalyzer, QueryBuilder
from .models import SearchSynonym, SearchUserWord, split_words

VERSION_KEY = "search-dictionary-version"

_loaded = {"version": None, "analyzer": None, "builder": None}


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def _load():
    version = _version()
    if _loaded["version"] != version:
        analyzer = KoreanAnalyzer(SearchUserWord.objects.values_list("word", flat=True))
        synonyms = {}  # stem → alternatives, each a list of stems (a word may be two)
        for group in SearchSynonym.objects.values_list("words", flat=True):
            words = [[w.stem for w in analyzer.words(word)] for word in split_words(group)]
            words = [stems for stems in words if stems]
            for stems in words:
                if len(stems) == 1:
                    synonyms.setdefault(stems[0], []).extend(w for w in words if w != stems)
        _loaded.update(version=version, analyzer=analyzer, builder=QueryBuilder(analyzer, synonyms))
    return _loaded


def current_analyzer():
    return _load()["analyzer"]


def current_query_builder():
    return _load()["builder"]


@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
@receiver(post_save, sender=SearchUserWord)
@receiver(post_delete, sender=SearchUserWord)
def dictionary_changed(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
