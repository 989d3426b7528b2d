"""GEXF of the citation network, Gephi's own format, written node by node."""

from __future__ import annotations

from collections.abc import Iterator

from councilgraph.exports.network import NETWORK_NAME, Edge, NetworkExporter, Node, xml_attribute

__all__ = ["GEXFExporter"]

# No date and no tool version in <meta>, so that the same input gives the same bytes on any day.
_HEAD = ('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
         "  <meta>\n    <creator>councilgraph</creator>\n  </meta>\n"
         f'  <graph defaultedgetype="directed" mode="static" name="{NETWORK_NAME}">\n'
         '    <attributes mode="static" class="edge">\n'
         '      <attribute id="4" title="phrase" type="string" />\n'
         '      <attribute id="5" title="cito" type="string" />\n'
         '      <attribute id="6" title="paragraph" type="string" />\n'
         # The key that tells apart edges between the same nodes: NetworkX reads a multigraph back with it.
         '      <attribute id="7" title="networkx_key" type="long" />\n'
         "    </attributes>\n"
         '    <attributes mode="static" class="node">\n'
         '      <attribute id="0" title="kind" type="string" />\n'
         '      <attribute id="1" title="symbol" type="string" />\n'
         '      <attribute id="2" title="in_degree" type="long" />\n'
         '      <attribute id="3" title="year" type="long" />\n'
         "    </attributes>\n")
_NODE_ATTRIBUTES = {"kind": "0", "symbol": "1", "in_degree": "2", "year": "3"}  # the label is the node's own


class GEXFExporter(NetworkExporter):
    """Writes ``citations.gexf``."""

    file_name = "citations.gexf"

    def serialise(self, nodes: list[Node], edges: Iterator[Edge]) -> Iterator[str]:
        yield _HEAD + "    <nodes>\n"
        for node in nodes:
            values = "".join(f'          <attvalue for="{_NODE_ATTRIBUTES[name]}" value={xml_attribute(value)} />\n'
                             for name, value in node.attributes.items() if name != "label")
            yield (f"      <node id={xml_attribute(node.id)} label={xml_attribute(node.attributes['label'])}>\n"
                   f"        <attvalues>\n{values}        </attvalues>\n      </node>\n")
        yield "    </nodes>\n    <edges>\n"
        for number, e in enumerate(edges):
            yield (f"      <edge source={xml_attribute(e.source)} target={xml_attribute(e.target)} id=\"{number}\" "
                   f"weight=\"{e.weight}\">\n        <attvalues>\n"
                   f'          <attvalue for="4" value={xml_attribute(e.phrase)} />\n'
                   f'          <attvalue for="5" value={xml_attribute(e.cito)} />\n'
                   f'          <attvalue for="6" value={xml_attribute(e.paragraph)} />\n'
                   f'          <attvalue for="7" value="{e.key}" />\n'
                   "        </attvalues>\n      </edge>\n")
        yield "    </edges>\n  </graph>\n</gexf>\n"
