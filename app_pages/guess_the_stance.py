from components import guess_the_stance
from components.context import page_context

guess_the_stance.render(page_context())
