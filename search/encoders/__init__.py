"""PolicyKG search.encoders."""
