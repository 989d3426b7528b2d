"""Node-link JSON of the citation network (D3 and NetworkX's json_graph), written node by node."""

from __future__ import annotations

import json
from collections.abc import Iterator

from councilgraph.exports.network import NETWORK_NAME, Edge, NetworkExporter, Node

__all__ = ["NodeLinkExporter"]


class NodeLinkExporter(NetworkExporter):
    """Writes ``citations.json``: the layout of NetworkX's ``node_link_data(graph, edges="links")``."""

    file_name = "citations.json"

    def serialise(self, nodes: list[Node], edges: Iterator[Edge]) -> Iterator[str]:
        yield f'{{\n "directed": true,\n "graph": {{\n  "name": {_dumps(NETWORK_NAME)}\n }},\n "links": ['
        linked = False
        for e in edges:
            link = {"cito": e.cito, "key": e.key, "paragraph": e.paragraph, "phrase": e.phrase, "source": e.source,
                    "target": e.target, "weight": e.weight}
            yield ("," if linked else "") + "\n  " + _dumps(link).replace("\n", "\n  ")
            linked = True
        yield ("\n " if linked else "") + '],\n "multigraph": true,\n "nodes": ['
        for number, node in enumerate(nodes):
            yield ("," if number else "") + "\n  " + _dumps({"id": node.id, **node.attributes}).replace("\n", "\n  ")
        yield ("\n " if nodes else "") + "]\n}\n"


def _dumps(value: object) -> str:
    """One value as the whole file formats it (indent 1, sorted keys, UTF-8 kept)."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
