/** The body of a response requested with `parseSuccessResponseBody: false`: a stream, read to the end. */
export async function readBody(data: unknown): Promise<Uint8Array> {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data === null || data === undefined) return new Uint8Array();
  return new Uint8Array(await new Response(data as ReadableStream).arrayBuffer());
}
