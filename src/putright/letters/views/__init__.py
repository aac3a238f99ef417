"""Staff pages for letters, under /staff/letters/. Interface only: selectors to read, services to write."""
