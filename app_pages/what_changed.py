from components import what_changed
from components.context import page_context

what_changed.render(page_context())
