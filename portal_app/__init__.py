"""Kundenportal der Handwerkskammer."""
