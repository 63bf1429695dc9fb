"""The rule catalogue, shipped as package data (lkip_audit.rules)."""
