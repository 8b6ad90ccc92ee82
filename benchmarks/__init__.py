"""PolicyKG benchmarks: retrieval quality, latency and scale."""
