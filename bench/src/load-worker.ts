// The benchmark's HTTP load generator, in its own worker thread: a real client runs outside the
// server, so its CPU (building requests, reading responses) must not queue on the server's event
// loop. Each job is timed here, from sending the request to the last byte of the response.
import { parentPort, workerData } from "node:worker_threads";
import { createHttpClient } from "./http-client.ts";
import { type Timing, throughput, time } from "./measure.ts";

export type LoadJob =
  /** `runs` sequential iterations, each sending every path at once (e.g. the 360° view's three). */
  | { kind: "get"; paths: string[]; runs: number }
  /** `total` person creates with `concurrency` in flight; answers creates per second. */
  | { kind: "create"; total: number; concurrency: number }
  /** `runs` sequential PATCHes of one person, each with the version the previous one returned. */
  | { kind: "update"; id: string; version: number; runs: number };

export type LoadResult = Timing | number;

const { base, headers } = workerData as { base: string; headers: Record<string, string> };
const client = createHttpClient(base, headers);

async function expectOk(response: Promise<{ status: number; text: string }>, what: string) {
  const { status, text } = await response;
  if (status < 200 || status >= 300) throw new Error(`${what}: ${status} ${text.slice(0, 500)}`);
  return text;
}

async function run(job: LoadJob): Promise<LoadResult> {
  switch (job.kind) {
    case "get":
      return time(
        () => Promise.all(job.paths.map((path) => expectOk(client.send("GET", path), path))),
        job.runs,
      );
    case "create":
      return throughput(
        (i) =>
          expectOk(
            client.send("POST", "/api/v1/people", {
              firstName: "Bench",
              lastName: `Neu ${i}`,
              email: `bench.${Date.now()}.${i}@example.de`,
              phone: "0171 1234567",
              tags: ["bench"],
            }),
            "create",
          ),
        job.total,
        job.concurrency,
      );
    case "update": {
      let version = job.version;
      return time(async (i) => {
        const text = await expectOk(
          client.send(
            "PATCH",
            `/api/v1/people/${job.id}`,
            { jobTitle: `Titel ${i}` },
            { "if-match": String(version) },
          ),
          "update",
        );
        version = (JSON.parse(text) as { version: number }).version;
      }, job.runs);
    }
  }
}

parentPort!.on("message", (message: { id: number; job: LoadJob } | "close") => {
  if (message === "close") {
    client.close();
    parentPort!.close();
    return;
  }
  run(message.job).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: Error) => parentPort!.postMessage({ id: message.id, error: error.message }),
  );
});
