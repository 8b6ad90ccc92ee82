"""PolicyKG api."""
