"""GraphML of the citation network (opens in Gephi, yEd, Cytoscape), written node by node."""

from __future__ import annotations

from collections.abc import Iterator

from councilgraph.exports.network import NETWORK_NAME, Edge, NetworkExporter, Node, xml_attribute, xml_text

__all__ = ["GraphMLExporter"]

_HEAD = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
# Key id, domain, attribute name and type; "long" is read back as an integer by NetworkX and Gephi.
_KEYS = (("d0", "graph", "name", "string"), ("d1", "node", "kind", "string"), ("d2", "node", "label", "string"),
         ("d3", "node", "symbol", "string"), ("d4", "node", "in_degree", "long"), ("d5", "node", "year", "long"),
         ("d6", "edge", "phrase", "string"), ("d7", "edge", "cito", "string"), ("d8", "edge", "paragraph", "string"),
         ("d9", "edge", "weight", "long"))
_NODE_KEYS = {name: key for key, domain, name, _ in _KEYS if domain == "node"}


class GraphMLExporter(NetworkExporter):
    """Writes ``citations.graphml``."""

    file_name = "citations.graphml"

    def serialise(self, nodes: list[Node], edges: Iterator[Edge]) -> Iterator[str]:
        yield _HEAD + "".join(f'  <key id="{key}" for="{domain}" attr.name="{name}" attr.type="{kind}" />\n'
                              for key, domain, name, kind in reversed(_KEYS))
        yield '  <graph edgedefault="directed">\n'
        for node in nodes:
            data = "".join(_data(_NODE_KEYS[name], value) for name, value in node.attributes.items())
            yield f"    <node id={xml_attribute(node.id)}>\n{data}    </node>\n"
        for e in edges:
            yield (f"    <edge source={xml_attribute(e.source)} target={xml_attribute(e.target)} id=\"{e.key}\">\n"
                   f"{_data('d6', e.phrase)}{_data('d7', e.cito)}{_data('d8', e.paragraph)}{_data('d9', e.weight)}"
                   "    </edge>\n")
        yield f'    <data key="d0">{NETWORK_NAME}</data>\n  </graph>\n</graphml>\n'


def _data(key: str, value: object) -> str:
    text = xml_text(value)
    return f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n'
