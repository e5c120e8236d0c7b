from components import what_changed
from components.context import current_context

what_changed.render(current_context())
