from components import where_do_you_stand
from components.context import current_context

where_do_you_stand.render(current_context())
