import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  artifactClient,
  downloadRunArtifact
} from "./chunk-R6EOTZPH.js";
import {
  describeApiError
} from "./chunk-AQQRMPL3.js";

// src/action/measured-results.ts
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
var RUNS_SEARCHED = 10;
function measuredResultArtifactName(profileId) {
  return `tailgate-result-${profileId.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
}
function createMeasuredResults(options) {
  return {
    async save(name, files) {
      try {
        const dir = join(options.workDir, "tailgate-measured-result");
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        const paths = [];
        for (const [file, text] of Object.entries(files)) {
          await writeFile(join(dir, file), text);
          paths.push(join(dir, file));
        }
        await (await artifactClient()).uploadArtifact(name, paths, dir, { retentionDays: 30 });
        return null;
      } catch (error) {
        return `The measured result was not kept as the artifact ${name} (${describeApiError(error)}): a later label change cannot re-decide this run without measuring again`;
      }
    },
    async latest(name, headSha) {
      const github = options.github;
      const short = headSha.slice(0, 7);
      if (!github) return { kind: "none", reason: "no github-token input, so earlier runs cannot be read" };
      try {
        const runs = (await github.lookup.completedRunsOfHead(headSha, 30)).filter(
          (run) => String(run.id) !== options.currentRunId
        );
        for (const run of runs.slice(0, RUNS_SEARCHED)) {
          const artifact = await github.lookup.artifactOfRun(run.id, name);
          if (!artifact) continue;
          const dir = join(options.workDir, "tailgate-measured-result-download", String(run.id));
          await downloadRunArtifact({ artifactId: artifact.id, runId: run.id, dir, ...github });
          const files = {};
          for (const file of await readdir(dir)) files[file] = await readFile(join(dir, file), "utf8");
          return { kind: "found", runId: run.id, files };
        }
        return {
          kind: "none",
          reason: runs.length === 0 ? `no completed run of ${github.lookup.workflowLabel} measured the head ${short} yet` : `none of the last ${Math.min(runs.length, RUNS_SEARCHED)} runs of ${github.lookup.workflowLabel} on the head ${short} kept the artifact ${name}`
        };
      } catch (error) {
        return { kind: "none", reason: `the runs of the head ${short} could not be read: ${describeApiError(error)}` };
      }
    }
  };
}

export {
  measuredResultArtifactName,
  createMeasuredResults
};
