// The Azure Blob data plane behind the "signed" URLs: Put Blob, Put Block, Put Block List, and GET.
import { randomUUID } from 'node:crypto'
import type { Route, RouteContext } from './route.js'

export const blobRoutes: readonly Route[] = [
  { method: 'PUT', pattern: /^(\/blob\/.+)$/, family: 'blob', handle: putBlob },
  { method: 'GET', pattern: /^(\/blob\/.+)$/, family: 'blob', handle: getBlob },
  { method: 'HEAD', pattern: /^(\/blob\/.+)$/, family: 'blob', handle: getBlob },
]

function azureHeaders(): Record<string, string> {
  return {
    etag: `"0x8DC${Date.now().toString(16).toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-01-05',
    'x-ms-request-server-encrypted': 'true',
    date: new Date().toUTCString(),
  }
}

function headerText(context: RouteContext, name: string): string | undefined {
  const value = context.request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function putBlob(context: RouteContext): undefined {
  const path = context.params[0]!
  const state = context.state
  const comp = context.url.searchParams.get('comp')
  const contentType = headerText(context, 'x-ms-blob-content-type') ?? 'application/octet-stream'
  if (comp === 'block') {
    const blockId = context.url.searchParams.get('blockid') ?? ''
    const staged = state.stagedBlocks.get(path) ?? new Map<string, Buffer>()
    staged.set(blockId, context.body)
    state.stagedBlocks.set(path, staged)
  } else if (comp === 'blocklist') {
    const staged = state.stagedBlocks.get(path) ?? new Map<string, Buffer>()
    const ids = [...context.body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
      (m) => m[2]!,
    )
    const missing = ids.find((id) => !staged.has(id))
    if (missing !== undefined) {
      context.response.writeHead(400, { 'x-ms-error-code': 'InvalidBlockList' })
      context.response.end()
      return
    }
    state.blobs.set(path, { data: Buffer.concat(ids.map((id) => staged.get(id)!)), contentType })
    state.stagedBlocks.delete(path)
  } else {
    state.blobs.set(path, { data: context.body, contentType })
  }
  context.response.writeHead(201, { ...azureHeaders(), 'content-length': '0' })
  context.response.end()
}

function getBlob(context: RouteContext): undefined {
  const blob = context.state.blobs.get(context.params[0]!)
  if (!blob) {
    context.response.writeHead(404, { 'x-ms-error-code': 'BlobNotFound', 'content-length': '0' })
    context.response.end()
    return
  }
  context.response.writeHead(200, {
    ...azureHeaders(),
    'content-type': blob.contentType,
    'content-length': String(blob.data.length),
    'x-ms-blob-type': 'BlockBlob',
  })
  context.response.end(context.request.method === 'HEAD' ? undefined : blob.data)
}
