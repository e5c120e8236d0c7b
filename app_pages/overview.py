from components import overview
from components.context import current_context

overview.render(current_context())
