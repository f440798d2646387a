// Server answers that no retry can fix: a parameter or value the model
// refuses, images the server cannot take. Each names the profile setting or
// server flag to change; a batch stops at the first, as for a wrong key.
import type { ServerError } from './error-body';

interface Rule {
  test: (said: ServerError, lower: string) => boolean;
  hint: (said: ServerError) => string;
}

const mentions = (lower: string, ...words: string[]): boolean => words.some((word) => lower.includes(word));

/** Parameters we send, longest first (max_tokens is inside max_completion_tokens). */
const KNOWN = ['max_completion_tokens', 'max_tokens', 'temperature', 'stream_options', 'reasoning_effort', 'detail'];

/** The parameter a refusal names: `param`, or quoted in the message ("Unsupported parameter: 'max_tokens'"). */
function namedParameter(said: ServerError): string | undefined {
  if (said.param) return said.param.replace(/^body\./, '');
  // FastAPI names the field as body.<name>.
  const match = /\bbody\.([a-z_]+)/i.exec(said.message) ?? /(?:parameter|value)[:\s]+['"`]?([a-z_.]+)['"`]?/i.exec(said.message);
  if (match) return match[1];
  return KNOWN.find((name) => said.message.includes(name));
}

function parameterHint(said: ServerError): string {
  const param = namedParameter(said) ?? '';
  if (param === 'max_tokens' || param === 'max_completion_tokens')
    return `set the profile's "tokenParameter" (max_tokens or max_completion_tokens) to the one this server takes`;
  if (param === 'temperature') return `set the profile's "temperature" to null (never sent) or to a value the model takes`;
  if (param.startsWith('stream_options')) return `set the profile's "streamUsage" to false`;
  if (param.startsWith('reasoning')) return `remove the profile's "reasoningEffort" (or choose a value the model takes)`;
  if (param.includes('detail')) return `set the profile's "imageDetail" to "omit"`;
  return param ? `remove or change "${param}" in the profile` : 'change the profile setting the server names';
}

const RULES: Rule[] = [
  {
    // llama.cpp's server started without a multimodal projector.
    test: (_said, lower) => mentions(lower, 'mmproj'),
    hint: () => "start llama-server with --mmproj <the model's projector file> (or choose a model that takes images)",
  },
  {
    // vLLM's --limit-mm-per-prompt (default 1 image per prompt).
    test: (_said, lower) => /at most \d+ image/.test(lower) || mentions(lower, 'limit-mm-per-prompt', 'limit_mm_per_prompt'),
    hint: () => 'start vLLM with --limit-mm-per-prompt image=4 (the paper sends up to 4 images)',
  },
  {
    test: (_said, lower) =>
      mentions(
        lower,
        'image input is not supported',
        'does not support image',
        'does not support vision',
        'image_url is only supported',
        'image input modality is not enabled',
        'images are not supported',
        'not a multimodal model',
        'no vision support',
      ),
    hint: () => 'choose a model that takes images (a vision model), or run with a text input (desc:<model>)',
  },
  {
    test: (said, lower) =>
      said.code === 'unsupported_parameter' ||
      said.code === 'unsupported_value' ||
      mentions(
        lower,
        'unsupported parameter',
        'unsupported value',
        'unrecognized request argument',
        'extra inputs are not permitted',
      ) ||
      /`?temperature`? is deprecated/.test(lower),
    hint: parameterHint,
  },
];

/** The setting or flag to change when `said` is a configuration fault; undefined otherwise. */
export function configurationHint(status: number | undefined, said: ServerError): string | undefined {
  // A key, a model name or a rate limit is a fault of its own, whatever the body says.
  if (status === 401 || status === 403 || status === 404 || status === 429) return undefined;
  const lower = said.message.toLowerCase();
  return RULES.find((rule) => rule.test(said, lower))?.hint(said);
}
