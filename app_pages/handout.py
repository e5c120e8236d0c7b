from components import handout
from components.context import current_context

handout.render(current_context())
