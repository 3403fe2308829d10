/** Everything the UI may ask of the shell. No other module imports `@tauri-apps/*`. */
export * from "./commands";
export * from "./events";
export * from "./dialogs";
export * from "./errors";
export * from "./window";
export * from "./bindings";
