"""Site chrome on every page: the masthead, the section menu, the footer links."""

from django import template
from wagtail.models import Page, Site

from contact.models import ContactFormPage
from home.models import Masthead, StandardPage
from news.models import SectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def get_masthead(context):
    request = context.get("request")
    return Masthead.for_request(request) if request else None


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/section_menu.html", takes_context=True)
def section_menu(context):
    """Top-level sections with their subsections, in two queries whatever their number."""
    request = context.get("request")
    root = _site_root(request)
    menu = []
    if root is not None:
        sections = (
            SectionPage.objects.descendant_of(root)
            .filter(depth__lte=root.depth + 2)
            .live()
            .public()
            .in_menu()
            .order_by("path")
        )
        children = {}
        for section in sections:
            if section.depth == root.depth + 1:
                menu.append((section, children.setdefault(section.path, [])))
            else:
                children.setdefault(section.path[: -section.steplen], []).append(section)
    current = context.get("page")
    active_path = ""
    if current is not None and root is not None and current.depth > root.depth:
        active_path = current.path[: (root.depth + 1) * current.steplen]
    return {"menu": menu, "active_path": active_path, "request": request}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    root = _site_root(context.get("request"))
    if root is None:
        return []
    pages = Page.objects.child_of(root).live().public().type(StandardPage, ContactFormPage)
    return list(pages.order_by("path"))
