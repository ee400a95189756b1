"""Horizontal bar charts drawn on the server as SVG: moved to `core.charts`, shared with the
territories' dashboard."""

from core.charts import Bar, Chart, bar_chart

__all__ = ["Bar", "Chart", "bar_chart"]
