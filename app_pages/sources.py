from components import sources
from components.context import page_context

sources.render(page_context())
