from components import europe_vs_us
from components.context import page_context

europe_vs_us.render(page_context())
