from components import discussion_prompts
from components.context import current_context

discussion_prompts.render(current_context())
