"""General Office Portal: the office's YAML records rendered into an intranet portal."""

__version__ = "0.1.0"
