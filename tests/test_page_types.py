"""Page types live only where they make sense, so the admin offers editors only those choices."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from contact.models import ContactFormPage
from home.models import HomePage, StandardPage
from news.models import ArticlePage, SectionPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_articles_live_only_under_sections(self):
        self.assertAllowedParentPageTypes(ArticlePage, {SectionPage})

    def test_articles_have_no_children(self):
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_sections_nest_under_the_front_page_or_other_sections(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage, SectionPage})
        self.assertAllowedSubpageTypes(SectionPage, {SectionPage, ArticlePage})

    def test_front_page_holds_sections_standard_pages_and_reader_forms(self):
        self.assertAllowedSubpageTypes(HomePage, {SectionPage, StandardPage, ContactFormPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_sit_under_the_front_page_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_the_default_site_root_is_the_front_page(self):
        from wagtail.models import Site

        self.assertIsInstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
