"""PolicyKG ingest."""
