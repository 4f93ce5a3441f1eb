"""Reflex states: read the event, call a service, set vars, redirect. No rules here."""
