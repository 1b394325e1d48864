/** A GraphQL client over real HTTP that keeps the session cookie, as a browser would. */
export interface GqlError {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[]; [k: string]: unknown };
  path?: (string | number)[];
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
  headers: Headers;
}

export class GqlClient {
  cookie: string | null = null;
  /** The raw Set-Cookie header of the last response that set one. */
  lastSetCookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      this.lastSetCookie = set;
      const [pair] = set.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value ? pair : null;
    }
    return res;
  }

  async gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const res = await this.post({ query, variables });
    const json = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: json.data, errors: json.errors, headers: res.headers };
  }

  /** Like gql, but fails the test with the server's message when there is any error. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async signIn(email: string, password: string): Promise<GqlResponse<{ signIn: { id: string; role: string } }>> {
    return this.gql(`mutation SignIn($input: SignInInput!) { signIn(input: $input) { id role mustChangePassword } }`, {
      input: { email, password },
    });
  }
}

export function codeOf(r: GqlResponse<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}
