// Names shared by the benchmark's parts.

/** The request header that asks the server to record a request's statements (BENCH_CAPTURE_DIR). */
export const CAPTURE = 'x-bench-capture';
