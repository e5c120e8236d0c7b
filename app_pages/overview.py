from components import overview
from components.context import page_context

overview.render(page_context())
