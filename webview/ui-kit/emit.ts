// Sends a typed custom event up to the app. Each element declares its own
// events in the DOM's event map (GlobalEventHandlersEventMap), beside its
// code; this module imports nothing, so the lowest layer never depends on the app.

export type IaEventName = Extract<keyof GlobalEventHandlersEventMap, `ia-${string}`>;
export type IaEventDetail<K extends IaEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Sends a custom event up through every shadow root to the app. */
export function emit<K extends IaEventName>(
  from: EventTarget,
  type: K,
  ...detail: IaEventDetail<K> extends undefined ? [] : [IaEventDetail<K>]
): void {
  from.dispatchEvent(new CustomEvent(type, { detail: detail[0], bubbles: true, composed: true }));
}
