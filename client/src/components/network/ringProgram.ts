import { createNodeCompoundProgram, NodeCircleProgram } from 'sigma/rendering';
import type { NodeDisplayData } from 'sigma/types';
import { NO_RING, type EdgeAttributes, type NodeAttributes } from './graph';

type RingData = NodeDisplayData & { ringColor?: string; ringSize?: number };

/** A disc a little larger than the node, in the ring colour: drawn under the node, it shows as a ring round it. */
class NodeRingProgram extends NodeCircleProgram<NodeAttributes, EdgeAttributes> {
  override processVisibleItem(nodeIndex: number, startIndex: number, data: RingData): void {
    const ring = data.ringSize ?? 0;
    super.processVisibleItem(nodeIndex, startIndex, { ...data, size: data.size + ring, color: ring > 0 ? (data.ringColor ?? NO_RING) : NO_RING });
  }
}

/** Nodes as discs with a risk ring: every ring first, then every disc, so no ring covers another node. */
export const NodeWithRingProgram = createNodeCompoundProgram<NodeAttributes, EdgeAttributes>([NodeRingProgram, NodeCircleProgram<NodeAttributes, EdgeAttributes>]);
