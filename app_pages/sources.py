from components import sources
from components.context import current_context

sources.render(current_context())
