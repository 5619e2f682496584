"""Readers for the users' own document formats (HTML pages, Word, PDF): each turns a file's bytes
into plain text plus the metadata it carries, and the corpus treats that text as the published
article, so quotes and highlights stay verbatim slices of what was extracted.

Each reader imports its library only when a file of its kind is met (`dispatch.extract`).
"""
