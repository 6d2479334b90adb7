"""accord: multilingual news to structured, cross-lingual event data."""
__version__ = "0.1.0"
