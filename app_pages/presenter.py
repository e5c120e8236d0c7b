from components import presenter
from components.context import current_context

presenter.render(current_context())
