from components import agreement_map
from components.context import page_context

agreement_map.render(page_context())
