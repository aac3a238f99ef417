"""Personal data over its life: backups, retention and erasure, subject access, access reports."""
