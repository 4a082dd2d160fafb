import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  messageOf
} from "./chunk-57U746Z7.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";

// src/cli/io.ts
import { mkdir, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
function processIo(signal) {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readText: (path) => readFile(path, "utf8"),
    async writeText(path, text) {
      const absolute = resolve(path);
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, text);
      return absolute;
    },
    signal
  };
}
async function checkWritable(path, flag) {
  const absolute = resolve(path);
  try {
    await mkdir(dirname(absolute), { recursive: true });
    const existed = await stat(absolute).then(
      (s) => {
        if (s.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
        return true;
      },
      () => false
    );
    const handle = await open(absolute, existed ? "r+" : "wx");
    await handle.close();
    if (!existed) await rm(absolute, { force: true });
  } catch (error) {
    const code = error.code ?? messageOf(error);
    throw new ConfigError(flag, `cannot write '${path}' (${code})`, "pass a path in a writable directory");
  }
}

export {
  processIo,
  checkWritable
};
