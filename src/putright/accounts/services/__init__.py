"""Account services: sign-in limits and the staff second factor. The only writers of those rows."""
