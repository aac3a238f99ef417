"""Report documents: one block structure rendered to a page, a tagged PDF and a Word file."""
