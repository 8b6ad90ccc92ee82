"""PolicyKG api: the HTTP layer only — the FastAPI app, routes, response models, errors, the web page and the
server supervisor; it reads the workspace and answers from kg and search."""
