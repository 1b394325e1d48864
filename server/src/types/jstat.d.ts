declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    pdf(x: number, ...params: number[]): number;
  }
  const jstat: { jStat: { poisson: Distribution; hypgeom: Distribution } };
  export default jstat;
}
