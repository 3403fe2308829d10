/** A minimal typed event emitter for wiring feature modules together. */
export class Emitter<Events extends Record<string, unknown>> {
  private handlers: { [K in keyof Events]?: Array<(payload: Events[K]) => void> } = {};

  /** Subscribes to `name`; returns the unsubscribe function. */
  on<K extends keyof Events>(name: K, handler: (payload: Events[K]) => void): () => void {
    const list = (this.handlers[name] ??= []);
    list.push(handler);
    return () => {
      const index = list.indexOf(handler);
      if (index >= 0) list.splice(index, 1);
    };
  }

  /** Calls every handler of `name` with `payload`. */
  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const handler of [...(this.handlers[name] ?? [])]) handler(payload);
  }
}
