// A ChatBackend over VS Code's own language models (vscode.lm), so a user
// without an API key can run a model they already have. VS Code's API takes
// no temperature: provenance records that it could not be set.
import * as vscode from 'vscode';
import type { ChatBackend, ChatCallbacks, ChatContentPart, ChatRequest, ChatResult } from '../../core/models/backend';
import { ModelRunError } from '../../core/models/errors';
import { errorMessage } from '../../core/error-message';

/** Some VS Code builds tell whether a model takes images; absent means unknown (we try). */
function acceptsImages(model: vscode.LanguageModelChat): boolean | undefined {
  const capabilities = (model as { capabilities?: { supportsImageToText?: boolean; imageInput?: boolean } }).capabilities;
  return capabilities?.supportsImageToText ?? capabilities?.imageInput;
}

function imagePart(url: string, model: vscode.LanguageModelChat): vscode.LanguageModelDataPart {
  const data = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!data)
    throw new ModelRunError('unsupported', `${model.name} (VS Code language model) takes image files only, not remote URLs.`);
  return vscode.LanguageModelDataPart.image(Buffer.from(data[2], 'base64'), data[1]);
}

function fault(error: unknown, model: vscode.LanguageModelChat, hasImages: boolean): ModelRunError {
  if (error instanceof ModelRunError) return error;
  const message = errorMessage(error);
  if (error instanceof vscode.CancellationError) return new ModelRunError('cancelled', 'The run was cancelled.');
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name) {
      return new ModelRunError('unauthorized', `VS Code did not allow this extension to use ${model.name}: ${message}`);
    }
    if (error.code === vscode.LanguageModelError.NotFound.name)
      return new ModelRunError('model-not-found', `${model.name} is no longer available in VS Code.`);
    if (error.code === vscode.LanguageModelError.Blocked.name)
      return new ModelRunError('rate-limited', `${model.name} is blocked for now (quota or rate limit): ${message}`);
  }
  if (hasImages && /image/i.test(message)) {
    return new ModelRunError(
      'unsupported',
      `${model.name} does not accept images (${message}). Use description input, or another profile.`,
    );
  }
  return new ModelRunError('unknown', `${model.name} failed: ${message}`);
}

export class LanguageModelBackend implements ChatBackend {
  readonly kind = 'vscode-lm';

  constructor(private readonly model: vscode.LanguageModelChat) {}

  async chat(request: ChatRequest, callbacks: ChatCallbacks, signal?: AbortSignal): Promise<ChatResult> {
    const { model } = this;
    const sent = request.messages[0]?.content ?? [];
    // A plain string (the item extractor's message) is one text part here.
    const parts: ChatContentPart[] = typeof sent === 'string' ? [{ type: 'text', text: sent }] : sent;
    const hasImages = parts.some((part) => part.type === 'image_url');
    if (hasImages && acceptsImages(model) === false) {
      throw new ModelRunError('unsupported', `${model.name} does not accept images. Use description input, or another profile.`);
    }
    const content = parts.map((part) =>
      part.type === 'text' ? new vscode.LanguageModelTextPart(part.text) : imagePart(part.image_url.url, model),
    );
    const cancel = new vscode.CancellationTokenSource();
    const onAbort = () => cancel.cancel();
    signal?.addEventListener('abort', onAbort);
    let text = '';
    try {
      if (signal?.aborted) throw new ModelRunError('cancelled', 'The run was cancelled.');
      const response = await model.sendRequest(
        [vscode.LanguageModelChatMessage.User(content)],
        { justification: 'Imagery Annotator runs the model you chose on the request you are annotating.' },
        cancel.token,
      );
      for await (const chunk of response.text) {
        if (signal?.aborted) throw new ModelRunError('cancelled', 'The run was cancelled.');
        text += chunk;
        callbacks.onDelta?.(chunk);
      }
      if (signal?.aborted) throw new ModelRunError('cancelled', 'The run was cancelled.');
    } catch (error) {
      throw signal?.aborted ? new ModelRunError('cancelled', 'The run was cancelled.') : fault(error, model, hasImages);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      cancel.dispose();
    }
    if (text.trim() === '') throw new ModelRunError('empty-answer', `${model.name} gave an empty answer.`);
    return { text, temperatureApplied: false };
  }
}
