"""Canonical literal forms, so a graph compares equal whichever store or serialiser it went through."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import XSD

__all__ = ["decimal_literal", "canonical_decimal", "canonical_term"]


def canonical_decimal(value: Decimal | str) -> Decimal:
    """``Decimal("5.0")`` → ``Decimal("5")``, ``"5.50"`` → ``Decimal("5.5")``, never an exponent form."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def decimal_literal(value: Decimal | str) -> Literal:
    """An xsd:decimal in the lexical form rdflib's Turtle writer round-trips (``5`` → ``"5.0"``):
    Oxigraph writes ``"5"``, rdflib's shorthand ``5.0`` parses back as ``"5.0"``, so one form is kept."""
    text = format(canonical_decimal(value), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def canonical_term(term):  # type: ignore[no-untyped-def]
    """``"x"^^xsd:string`` → ``"x"`` (the same term in RDF 1.1) and decimals in decimal_literal form."""
    if isinstance(term, Literal):
        if term.datatype == XSD.string:
            return Literal(str(term))
        if term.datatype == XSD.decimal:
            return decimal_literal(str(term))
    return term
