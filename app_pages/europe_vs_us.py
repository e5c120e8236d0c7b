from components import europe_vs_us
from components.context import current_context

europe_vs_us.render(current_context())
