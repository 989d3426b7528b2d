"""The citation network as an interactive page and as figures.

``councilgraph viz DIR`` (:mod:`.command`) reads the citations.json of a build
and writes citations.html (:mod:`.page`), citations.svg and citations.png
(:mod:`.figure`), all at the positions of :mod:`.layout` and in the colours of
:mod:`.style`. Importing this package loads neither Matplotlib nor NetworkX.
"""
