from components import discussion_prompts
from components.context import page_context

discussion_prompts.render(page_context())
