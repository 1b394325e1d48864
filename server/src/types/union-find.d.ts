declare module 'union-find' {
  /** Disjoint sets over the numbers 0 to count − 1, with path compression and union by rank. */
  export default class UnionFind {
    constructor(count: number);
    readonly length: number;
    /** The representative of the set holding x. */
    find(x: number): number;
    /** Joins the sets holding x and y. */
    link(x: number, y: number): void;
    makeSet(): number;
  }
}
