import http from "node:http";

/**
 * A lean keep-alive HTTP client for the load generator. The benchmark runs Kontor and its client
 * in one process on a 2-core machine, so the client's own CPU time counts against the API's
 * figures; `fetch` (undici with web streams) cost about as much per request as Kontor itself.
 */
/** A request without a body sends no content-type (Fastify refuses an empty JSON body). */
function withoutBodyHeaders(headers: Record<string, string | number>, noBody: boolean) {
  if (!noBody) return headers;
  const { "content-type": _omitted, ...rest } = headers;
  return rest;
}

export function createHttpClient(base: string, headers: Record<string, string>) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  function send(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: withoutBodyHeaders(
            {
              ...headers,
              ...extraHeaders,
              ...(payload === undefined ? {} : { "content-length": Buffer.byteLength(payload) }),
            },
            payload === undefined,
          ),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  }

  return {
    send,
    /** GET returning parsed JSON; throws on a non-2xx status. */
    // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads arbitrary JSON
    async get<T = any>(path: string): Promise<T> {
      const response = await send("GET", path);
      if (response.status < 200 || response.status >= 300)
        throw new Error(`${path}: ${response.status} ${response.text}`);
      return JSON.parse(response.text) as T;
    },
    close() {
      agent.destroy();
    },
  };
}
