"""The ban tracker: crawl sources, archive them, build a sourced timeline, publish it."""

__version__ = "0.1.0"
