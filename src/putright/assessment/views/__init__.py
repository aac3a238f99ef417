"""Self-assessment pages. Thin: a role check, one domain call, a template."""
