// "Imagery: Run Model on This Request…" from the palette: the same flow as the
// panel's button, on the active editor's current request.
import type { EditorRegistry } from '../editor/registry';
import type { ModelService } from './service';
import { notify } from '../notify';

export async function runModelCommand(registry: EditorRegistry, models: ModelService): Promise<void> {
  const panel = registry.activePanel;
  if (!panel) {
    void notify.info('Open a shard in the Imagery Annotator first.');
    return;
  }
  const requestId = panel.document.idAt(panel.position);
  if (requestId === null) {
    void notify.info('The current position holds no readable request.');
    return;
  }
  await models.start(panel, requestId);
}
