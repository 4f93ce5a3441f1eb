"""HTTP beside the Reflex app: the session cookie endpoints and the security headers.

Entry points like the states: they call services and never import state or pages.
"""
