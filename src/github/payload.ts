// Schemas for the parts of webhook payloads Tailgate reads (pull_request, push, workflow_run, deployment_status).
// Everything is optional here; context.ts decides what is required for which event.
import * as z from 'zod'

const Sha = z.string().regex(/^[0-9a-f]{7,64}$/i)
const RepositorySchema = z.object({
  id: z.number().optional(),
  full_name: z.string().optional(),
  default_branch: z.string().optional(),
  fork: z.boolean().optional(),
  owner: z.object({ login: z.string() }).optional(),
})

export const PullRequestPayloadSchema = z.object({
  number: z.number().int().positive(),
  head: z.object({
    ref: z.string().optional(),
    sha: Sha.optional(),
    repo: RepositorySchema.nullable().optional(),
  }),
  base: z.object({ ref: z.string(), sha: Sha.optional(), repo: RepositorySchema.nullable().optional() }),
  labels: z.array(z.object({ name: z.string() })).optional(),
})

export const WorkflowRunPayloadSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable().optional(),
  event: z.string().optional(),
  status: z.string().nullable().optional(),
  conclusion: z.string().nullable().optional(),
  head_branch: z.string().nullable().optional(),
  head_sha: Sha,
  head_repository: RepositorySchema.nullable().optional(),
  pull_requests: z
    .array(
      z.object({
        number: z.number().int().positive(),
        head: z.object({ ref: z.string().optional(), sha: Sha.optional() }).optional(),
        base: z
          .object({
            ref: z.string().optional(),
            sha: Sha.optional(),
            // GitHub gives id, url (https://api.github.com/repos/{owner}/{repo}) and name: no full_name here.
            repo: z.object({ id: z.number().optional(), url: z.string().optional() }).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
})

export const DeploymentStatusPayloadSchema = z.object({
  deployment_status: z.object({
    state: z.string(),
    environment_url: z.string().nullable().optional(),
    target_url: z.string().nullable().optional(),
    environment: z.string().nullable().optional(),
  }),
  deployment: z
    .object({ sha: Sha.optional(), ref: z.string().nullable().optional(), environment: z.string().optional() })
    .optional(),
})

export const EventPayloadSchema = z.object({
  repository: RepositorySchema.optional(),
  pull_request: z.unknown().optional(),
  workflow_run: z.unknown().optional(),
  deployment_status: z.unknown().optional(),
  number: z.number().optional(),
})
