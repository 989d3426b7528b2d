"""Extraction: text in, small immutable records with character offsets out.

Stages, one module each: ``read`` (bytes -> Source), ``segment`` (Source ->
Layout), ``statements``, ``alignments`` and ``participants`` (Layout ->
records). ``press_release.extract_press_release`` runs them in order.
"""
