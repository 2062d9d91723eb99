// Placeholder, replaced by the workspace runtime.
