from components import guess_the_stance
from components.context import current_context

guess_the_stance.render(current_context())
