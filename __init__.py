"""councilgraph: UN meetings-coverage press releases as a linked-data knowledge graph.

The stages, each in its own module::

    extract.read       bytes -> Source (decoded text + matchable twin)
    extract.segment    Source -> Layout (header, summary, sections)
    extract.*          Layout -> records (statements, alignments, participants)
    graph.mapping      records -> triples in the councilgraph ontology
    exports.*          triples -> Turtle, N-Quads ...

``pipeline.build_path`` runs them for one file; ``cli`` for many.
"""

__version__ = "0.1.0"
