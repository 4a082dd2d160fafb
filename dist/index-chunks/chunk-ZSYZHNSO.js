import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  serializeRunResult
} from "./chunk-HUK7SR2E.js";

// src/action/result-file.ts
import { join } from "node:path";
async function writeResult(result, outputDir, deps) {
  const path = await deps.files.writeText(join(outputDir, "result.json"), serializeRunResult(result));
  deps.outputs.set("result-path", path);
  return path;
}

export {
  writeResult
};
