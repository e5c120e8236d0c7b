from components import timeline
from components.context import page_context

timeline.render(page_context())
