// The server's own words from the body of a failed answer, whatever its shape:
// OpenAI's {"error":{"message"}}, LM Studio's {"error":"…"}, vLLM's flat
// {"object":"error","message"}, Gemini's [{"error":{…}}], FastAPI / Azure AI
// Foundry's {"detail":…}, OpenRouter's error.metadata.raw, or plain text/HTML.

export interface ServerError {
  /** What the server said, one line; empty when it said nothing. */
  message: string;
  /** The machine-readable parts when the body had them (e.g. "unsupported_parameter", "max_tokens"). */
  code?: string;
  param?: string;
  type?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/** One line: HTML tags dropped, whitespace collapsed. */
export function oneLine(said: string): string {
  const body = /<title>([^<]*)<\/title>/i.exec(said)?.[1] ?? said;
  return body
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** FastAPI's validation list [{loc, msg}] as "body.max_tokens: msg; …". */
function detailText(detail: unknown): string | undefined {
  if (Array.isArray(detail)) {
    const parts = detail.map((item) => {
      if (!isObject(item)) return text(item);
      const where = Array.isArray(item.loc) ? item.loc.join('.') : undefined;
      const said = text(item.msg) ?? text(item.message);
      return said && where ? `${where}: ${said}` : said;
    });
    return parts.filter(Boolean).join('; ') || undefined;
  }
  if (isObject(detail)) return text(detail.message) ?? text(detail.msg) ?? errorObject(detail)?.message;
  return text(detail);
}

function errorObject(value: Json): ServerError | undefined {
  const said = text(value.message) ?? text(value.msg);
  if (said === undefined) return undefined;
  // OpenRouter passes the provider's own error as metadata.raw.
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  const raw = metadata ? text(metadata.raw) : undefined;
  return {
    message: raw && !said.includes(raw) ? `${said} (provider: ${raw})` : said,
    ...(text(value.code) !== undefined ? { code: text(value.code) } : {}),
    ...(text(value.param) !== undefined ? { param: text(value.param) } : {}),
    ...(text(value.type) !== undefined ? { type: text(value.type) } : {}),
  };
}

/** The `error` field of a parsed body (also what the SDK hands over for an SSE error event). */
export function fromErrorField(field: unknown): ServerError | undefined {
  if (isObject(field)) return errorObject(field) ?? (isObject(field.error) ? fromErrorField(field.error) : undefined);
  const said = text(field);
  return said === undefined ? undefined : { message: said };
}

function fromJson(value: unknown): ServerError | undefined {
  if (Array.isArray(value)) {
    // Gemini: a list of {error: {...}}; the first that says something.
    for (const item of value) {
      const found = fromJson(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return text(value) === undefined ? undefined : { message: String(value) };
  if ('error' in value) {
    const found = fromErrorField(value.error);
    if (found) return found;
  }
  if ('detail' in value) {
    const said = detailText(value.detail);
    if (said) return { message: said };
  }
  // vLLM's flat body, and any {"message": …}.
  return errorObject(value);
}

/** The message (and codes) of a failed answer's body text. */
export function readErrorBody(body: string): ServerError {
  const trimmed = body.trim();
  if (trimmed === '') return { message: '' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { message: oneLine(trimmed) };
  }
  const found = fromJson(parsed);
  return found ? { ...found, message: oneLine(found.message) } : { message: oneLine(trimmed) };
}
