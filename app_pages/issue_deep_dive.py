from components import issue_deep_dive
from components.context import current_context

issue_deep_dive.render(current_context())
