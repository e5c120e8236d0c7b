from components import issue_deep_dive
from components.context import page_context

issue_deep_dive.render(page_context())
