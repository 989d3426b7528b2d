"""From records to RDF: namespaces, IRIs, and the mapping onto the ontology."""
