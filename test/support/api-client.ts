/** A logged-in HTTP client of the real server, as a script or integration would be. */
export class ApiClient {
  private constructor(
    readonly base: string,
    private readonly cookie: string,
  ) {}

  /** The session cookie, for requests this client does not make itself. */
  get cookieHeader(): string {
    return this.cookie;
  }

  static async login(base: string, email: string, password: string): Promise<ApiClient> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error('login set no cookie');
    return new ApiClient(base, cookie);
  }

  /** Any status is returned; a dropped connection rejects (the caller decides what that means). */
  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Uploads an evidence file (raw bytes) to an assessment; returns the stored file's id. */
  async upload(assessment: string, name: string, bytes: Uint8Array): Promise<string> {
    const res = await fetch(
      `${this.base}/api/assessments/${assessment}/files?name=${encodeURIComponent(name)}`,
      {
        method: 'POST',
        headers: { cookie: this.cookie, 'content-type': 'application/octet-stream' },
        // A copy on its own ArrayBuffer: what the DOM typing of fetch bodies accepts.
        body: new Uint8Array(bytes),
      },
    );
    if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  /** A response's raw bytes (files), with its status. */
  async bytes(path: string): Promise<{ status: number; bytes: Buffer }> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** Like call, but anything other than 2xx is an error. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body);
    if (r.status < 200 || r.status > 299)
      throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

export const DEMO_RESPONDENT = { email: 'qiye@demo.zhiping.cn', password: 'Demo-2026-zhiping' };
