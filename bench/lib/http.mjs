// A GraphQL client over HTTP that keeps the session cookie, as a browser does, and reports each
// request's time and the server's SQL statement count.

export class GqlClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = null;
  }

  /** Sends one operation; returns data, errors, wall time (ms) and the `x-sql-statements` header. */
  async request(query, variables = {}, headers = {}) {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.text();
    const ms = performance.now() - started;
    const set = res.headers.get('set-cookie');
    if (set) {
      const [pair] = set.split(';');
      this.cookie = pair.slice(pair.indexOf('=') + 1) ? pair : null;
    }
    let json;
    try {
      json = JSON.parse(body);
    } catch {
      throw new Error(`HTTP ${res.status}: ${body.slice(0, 300)}`);
    }
    const statements = res.headers.get('x-sql-statements');
    return { status: res.status, data: json.data, errors: json.errors, ms, bytes: body.length, statements: statements === null ? null : Number(statements) };
  }

  /** Like request, but throws on any error. */
  async ok(query, variables = {}, headers = {}) {
    const r = await this.request(query, variables, headers);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors).slice(0, 600)}`);
    return r;
  }
}
