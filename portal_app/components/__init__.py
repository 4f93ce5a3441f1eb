"""Building blocks the pages share: frame, form fields, page registry."""
