from components import your_data
from components.context import page_context

your_data.render(page_context())
