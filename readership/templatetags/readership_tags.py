"""{% most_read_box %}: 많이 본 뉴스 for the last 24 hours and 7 days, switchable by tabs."""

from django import template

from readership.queries import BOX_PERIODS, PERIOD_LABELS, most_read

register = template.Library()

MOST_READ_BOX_SIZE = 10


@register.inclusion_tag("readership/most_read_box.html", takes_context=True)
def most_read_box(context, section=None, limit=MOST_READ_BOX_SIZE, heading="많이 본 뉴스"):
    """Both rankings in the HTML (pages are cached; readership.js switches between them).

    `section`: a SectionPage, to rank only its own and its subsections' articles.
    Two queries, whatever the number of articles or views.
    """
    box_id = f"most-read-{section.pk}" if section is not None else "most-read"
    periods = [
        {
            "key": period,
            "label": PERIOD_LABELS[period],
            "id": f"{box_id}-{period}",
            "articles": most_read(period, section=section, limit=limit),
        }
        for period in BOX_PERIODS
    ]
    return {
        "request": context.get("request"),
        "box_id": box_id,
        "heading": heading,
        "section": section,
        "periods": periods,
    }
