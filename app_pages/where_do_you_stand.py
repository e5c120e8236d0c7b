from components import where_do_you_stand
from components.context import page_context

where_do_you_stand.render(page_context())
