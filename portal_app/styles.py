"""Style tokens: colours, widths and the named styles pages share."""

ACCENT = "red"
PAGE_MAX_WIDTH = "64rem"
FORM_MAX_WIDTH = "32rem"

THEME = {"accent_color": ACCENT, "gray_color": "slate", "radius": "medium", "appearance": "light"}

STYLESHEETS = ["/portal.css"]
SCRIPT = "/portal.js"  # held clicks until ready, skip link, focus after page changes

page_heading = {"size": "7", "margin_bottom": "0.75rem", "as_": "h1"}
section_heading = {"size": "5", "margin_top": "1.5rem", "margin_bottom": "0.5rem", "as_": "h2"}
