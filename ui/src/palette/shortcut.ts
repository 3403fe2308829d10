/** A menu accelerator (Tauri's syntax, `CmdOrCtrl+Shift+P`) written the way the platform shows it. */

/** The platforms whose conventions differ. */
export type Platform = "mac" | "other";

/** The platform the window runs on. */
export function currentPlatform(): Platform {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? "mac" : "other";
}

const MAC_SYMBOLS: Record<string, string> = { cmd: "⌘", ctrl: "⌃", alt: "⌥", shift: "⇧" };
const NAMES: Record<string, string> = { cmd: "Cmd", ctrl: "Ctrl", alt: "Alt", shift: "Shift" };
const MODIFIER_ORDER_MAC = ["ctrl", "alt", "shift", "cmd"];
const MODIFIER_ORDER = ["ctrl", "cmd", "alt", "shift"];

/** `CmdOrCtrl+Shift+P` → `Ctrl+Shift+P` (Linux, Windows) or `⇧⌘P` (macOS); null stays null. */
export function formatShortcut(accelerator: string | null, platform: Platform): string | null {
  if (!accelerator) return null;
  const parts = accelerator.split("+");
  // A `+` key itself ("CmdOrCtrl++") leaves an empty last part.
  const key = parts[parts.length - 1] === "" ? "+" : parts[parts.length - 1];
  const modifiers = new Set(parts.slice(0, parts[parts.length - 1] === "" ? -2 : -1).map((m) => modifier(m, platform)));
  if (platform === "mac") {
    const marks = MODIFIER_ORDER_MAC.filter((m) => modifiers.has(m)).map((m) => MAC_SYMBOLS[m]);
    return marks.join("") + keyName(key);
  }
  return [...MODIFIER_ORDER.filter((m) => modifiers.has(m)).map((m) => NAMES[m]), keyName(key)].join("+");
}

function modifier(name: string, platform: Platform): string {
  switch (name.toLowerCase()) {
    case "cmdorctrl":
    case "commandorcontrol":
      return platform === "mac" ? "cmd" : "ctrl";
    case "cmd":
    case "command":
    case "super":
    case "meta":
      return "cmd";
    case "ctrl":
    case "control":
      return "ctrl";
    case "alt":
    case "option":
      return "alt";
    default:
      return "shift";
  }
}

function keyName(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key;
}
