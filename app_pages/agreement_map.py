from components import agreement_map
from components.context import current_context

agreement_map.render(current_context())
