// Entry of the load generator's worker thread: loads load-worker.ts through tsx (a worker does
// not get the --import hooks of the benchmark's own process on Node 20).
import { tsImport } from "tsx/esm/api";

await tsImport("./load-worker.ts", import.meta.url);
