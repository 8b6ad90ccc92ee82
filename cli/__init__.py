"""The ``policykg`` command line: thin commands over the workspace, kg and search, with tables for people and
``--json`` for machines."""
