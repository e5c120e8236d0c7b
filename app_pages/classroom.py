from components import classroom
from components.context import page_context

classroom.render(page_context())
