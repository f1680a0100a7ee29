import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

interface OutputChunkLike {
  type: "chunk";
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

/** Prints the gzipped size of the JS the browser loads for the first screen: the entry and its static imports. */
function firstScreenSize(): Plugin {
  return {
    name: "kontor-first-screen-size",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, OutputChunkLike>();
      for (const item of Object.values(bundle)) {
        if (item.type === "chunk") chunks.set(item.fileName, item as unknown as OutputChunkLike);
      }
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const queue = [entry.fileName];
      let total = 0;
      while (queue.length > 0) {
        const name = queue.pop()!;
        if (seen.has(name)) continue;
        seen.add(name);
        const chunk = chunks.get(name);
        if (!chunk) continue;
        total += gzipSync(chunk.code).length;
        queue.push(...chunk.imports);
      }
      const kb = (total / 1024).toFixed(1);
      const verdict = total < 300 * 1024 ? "OK, under 300 KB" : "TOO BIG, over 300 KB";
      console.log(`\nFirst-screen JS: ${seen.size} chunk(s), ${kb} KB gzipped (${verdict})\n`);
    },
  };
}

export default defineConfig({
  base: "/",
  plugins: [react(), firstScreenSize()],
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.KONTOR_API_URL ?? "http://127.0.0.1:3100", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: process.env.KONTOR_API_URL ?? "http://127.0.0.1:3100", changeOrigin: false } },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
});
