"""Reads for governance: performance figures, TSMs, themes, and the Ombudsman's cases."""
