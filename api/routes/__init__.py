"""The API's route groups, one module each: search, units, departments, match, sparql, export, health, page."""

from api.routes import departments, export, health, match, page, search, sparql, units

__all__ = ["ROUTERS"]

ROUTERS = [search.router, units.router, departments.router, match.router, sparql.router, export.router, health.router,
           page.router]
