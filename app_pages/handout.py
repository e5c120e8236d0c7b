from components import handout
from components.context import page_context

handout.render(page_context())
