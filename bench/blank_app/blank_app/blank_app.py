"""The counter from Reflex's own template, nothing else."""

import reflex as rx


class CounterState(rx.State):
    count: int = 0

    @rx.event
    def increment(self):
        self.count += 1


def index() -> rx.Component:
    return rx.vstack(
        rx.heading(CounterState.count),
        rx.button("Erhöhen", on_click=CounterState.increment),
    )


app = rx.App()
app.add_page(index, route="/")
