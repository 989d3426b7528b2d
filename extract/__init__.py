"""Extraction: text in, small immutable records with character offsets out.

Stages, one module each: ``read`` (bytes -> Source), ``segment`` (Source ->
Layout), ``statements``, ``alignments`` and ``participants`` (speaker turns
and how they relate), ``resolution_text`` (paragraphs of a resolution),
``citations``, ``mentions`` and ``cited`` (documents, instruments and
organisations named), ``votes`` (adoption). ``press_release`` and
``resolution_document`` run them in order for the two kinds of input.
"""
