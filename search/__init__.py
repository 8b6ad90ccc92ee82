"""PolicyKG search."""
