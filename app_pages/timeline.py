from components import timeline
from components.context import current_context

timeline.render(current_context())
