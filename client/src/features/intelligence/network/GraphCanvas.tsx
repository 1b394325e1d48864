import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { neighbourhoodOf, type EdgeAttributes, type NetworkGraph, type NodeAttributes } from '../../../components/network/graph';
import '../../../components/network/network.css';
import { NodeWithRingProgram } from '../../../components/network/ringProgram';

interface Props {
  graph: NetworkGraph;
  selectedNode: string | null;
  selectedEdge: string | null;
  onSelectNode: (key: string | null) => void;
  onSelectEdge: (key: string | null) => void;
  label: string;
}

const FADED_NODE = '#dedede';
const FADED_EDGE = '#ececec';

/**
 * The network drawn with WebGL (sigma); selection fades everything but the node and its neighbours.
 * The graph is replaced as nodes are expanded, collapsed and focused on, often while the camera is
 * still moving to the selected node, and the page may be left at any moment: a frame drawn after
 * React has taken the container out of the page (and before the renderer is killed) finds it 0
 * pixels wide, which sigma reports as an error unless told to allow it.
 */
export function GraphCanvas({ graph, selectedNode, selectedEdge, onSelectNode, onSelectEdge, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const state = useRef({ selectedNode, selectedEdge, highlight: new Set<string>() });
  const handlers = useRef({ onSelectNode, onSelectEdge });

  useEffect(() => {
    handlers.current = { onSelectNode, onSelectEdge };
  }, [onSelectNode, onSelectEdge]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, el, {
      enableEdgeEvents: true,
      allowInvalidContainer: true,
      labelRenderedSizeThreshold: 8,
      labelFont: 'arial, sans-serif',
      labelSize: 13,
      zIndex: true,
      // Every node a disc with its risk ring (see graph.ts nodeAttributes).
      nodeProgramClasses: { circle: NodeWithRingProgram },
      nodeReducer: (node, data) => {
        const s = state.current;
        const res: Partial<NodeDisplayData> & { ringSize?: number } = { ...data };
        if (s.highlight.size > 0) {
          if (s.highlight.has(node)) {
            res.zIndex = 1;
            res.forceLabel = true;
          } else {
            res.color = FADED_NODE;
            res.ringSize = 0;
            res.label = '';
            res.zIndex = 0;
          }
        }
        if (node === s.selectedNode) {
          res.highlighted = true;
          res.size = (data.size ?? 4) * 1.4;
          res.zIndex = 2;
        }
        return res;
      },
      edgeReducer: (edge, data) => {
        const s = state.current;
        const res: Partial<EdgeDisplayData> = { ...data };
        if (edge === s.selectedEdge) {
          res.size = (data.size ?? 1) * 2.5;
          res.zIndex = 2;
        } else if (s.highlight.size > 0) {
          const [a, b] = graph.extremities(edge);
          if (!(s.highlight.has(a) && s.highlight.has(b) && (a === s.selectedNode || b === s.selectedNode))) {
            res.color = FADED_EDGE;
            res.zIndex = 0;
          } else res.zIndex = 1;
        }
        return res;
      },
    });
    renderer.on('clickNode', ({ node }) => handlers.current.onSelectNode(node));
    renderer.on('clickEdge', ({ edge }) => handlers.current.onSelectEdge(edge));
    renderer.on('clickStage', () => handlers.current.onSelectNode(null));
    renderer.on('enterNode', () => el.classList.add('app-network__canvas--pointer'));
    renderer.on('leaveNode', () => el.classList.remove('app-network__canvas--pointer'));
    sigma.current = renderer;
    return () => {
      renderer.kill();
      sigma.current = null;
    };
  }, [graph]);

  useEffect(() => {
    state.current = {
      selectedNode,
      selectedEdge,
      highlight: selectedNode ? neighbourhoodOf(graph, selectedNode) : new Set(),
    };
    const renderer = sigma.current;
    if (!renderer) return;
    renderer.refresh({ skipIndexation: true });
    if (selectedNode && graph.hasNode(selectedNode)) {
      const pos = renderer.getNodeDisplayData(selectedNode);
      if (pos) void renderer.getCamera().animate({ x: pos.x, y: pos.y }, { duration: 300 });
    }
  }, [graph, selectedNode, selectedEdge]);

  return <div ref={container} className="app-network__canvas" role="img" aria-label={label} />;
}

