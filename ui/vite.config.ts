/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// base './' so the built assets load from the Tauri custom protocol, not from "/".
export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "ipc/**/*.test.ts"],
  },
});
