/** Light and dark themes: follow the system until the writer chooses, remembered across launches. */

/** A theme the writer can pick; "system" follows prefers-color-scheme. */
export type ThemeChoice = "light" | "dark" | "system";

const STORAGE_KEY = "byline.theme";

/** The theme actually shown for a choice and the system preference. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): "light" | "dark" {
  if (choice === "system") return systemDark ? "dark" : "light";
  return choice;
}

/** Applies themes to the document and tells listeners (editor, preview) what is shown. */
export class ThemeController {
  private choice: ThemeChoice;
  private readonly media = window.matchMedia("(prefers-color-scheme: dark)");
  private listeners: Array<(theme: "light" | "dark") => void> = [];

  constructor() {
    const stored = localStorage.getItem(STORAGE_KEY);
    this.choice = stored === "light" || stored === "dark" ? stored : "system";
    this.media.addEventListener("change", () => this.apply());
    this.apply();
  }

  /** The theme on screen. */
  current(): "light" | "dark" {
    return resolveTheme(this.choice, this.media.matches);
  }

  /** The writer's choice. */
  chosen(): ThemeChoice {
    return this.choice;
  }

  /** Picks a theme (and remembers it). */
  choose(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
    this.apply();
  }

  /** Calls `listener` now and on every change. */
  subscribe(listener: (theme: "light" | "dark") => void): void {
    this.listeners.push(listener);
    listener(this.current());
  }

  private apply(): void {
    const theme = this.current();
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
    this.listeners.forEach((listener) => listener(theme));
  }
}
