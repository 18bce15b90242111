"""Registers the `watermark` image operation for filter specs."""

from wagtail import hooks

from .watermark import WatermarkOperation


@hooks.register("register_image_operations")
def register_watermark_operation():
    return [("watermark", WatermarkOperation)]
