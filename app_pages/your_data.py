from components import your_data
from components.context import current_context

your_data.render(current_context())
