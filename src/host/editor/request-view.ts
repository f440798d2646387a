// What the webview shows of one request: its record (or why its line is
// unreadable), its images resolved to URIs the webview may load, and its
// annotation state.
import path from 'node:path';
import * as vscode from 'vscode';
import { emptyRequestState } from '../../core/annotations/state';
import type { RequestView, ResolvedImage } from '../../protocol';
import type { AnnotatorDocument } from './document';
import { resolveImageSource } from './state/images';

export async function requestViewAt(
  document: AnnotatorDocument,
  position: number,
  webview: vscode.Webview,
  imageRoots: readonly string[],
): Promise<RequestView> {
  const entry = await document.read(position);
  if (entry.kind === 'unreadable') {
    return { kind: 'unreadable', unreadable: { file: entry.file, line: entry.line, reason: entry.reason } };
  }
  const { record } = entry;
  const shardFolder = path.dirname(document.uri.fsPath);
  const images = await Promise.all(record.images.map((image) => resolveImage(image, shardFolder, webview, imageRoots)));
  return { kind: 'record', record, images, state: document.state().get(record.id) ?? emptyRequestState() };
}

/** A local image becomes a webview URI only when it lies inside an allowed image root; a remote one only when it is https. */
export async function resolveImage(
  image: { path: string | null; url: string | null },
  shardFolder: string,
  webview: vscode.Webview,
  imageRoots: readonly string[],
): Promise<ResolvedImage> {
  const source = await resolveImageSource(image, shardFolder, imageRoots);
  switch (source.kind) {
    case 'file':
      return { src: webview.asWebviewUri(vscode.Uri.file(source.file)).toString(), url: source.url };
    case 'remote':
      return { src: source.src, url: source.url };
    case 'none':
      return source.error === undefined ? { src: null, url: source.url } : { src: null, url: source.url, error: source.error };
  }
}
