"""The portal's rules: plain Python and SQLModel, no Reflex."""
