"""handoff layer."""
