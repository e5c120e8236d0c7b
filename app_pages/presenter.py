from components import presenter
from components.context import page_context

presenter.render(page_context())
